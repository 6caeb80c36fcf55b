/** @jest-environment jsdom */
import { useNucleo } from "../../../src/ui/hooks/useNucleo";
import { FakeHost } from "../fixtures";
import { renderRoleHook, stubAnalyse } from "./harness";

const nucleo = (analyse: ReturnType<typeof stubAnalyse>, active = true) => (pane: Parameters<typeof useNucleo>[0], nav: Parameters<typeof useNucleo>[1]) =>
  useNucleo(pane, nav, { active, analyse });

describe("useNucleo", () => {
  it("in Excel: reads on start for the plan year, and reads again before computing (achieved values may have been typed)", async () => {
    const host = new FakeHost();
    const analyse = stubAnalyse();
    const h = await renderRoleHook(host, nucleo(analyse), analyse);
    expect(host.calls).toEqual(["read"]);
    expect(h.result.planYear).toBe(2024);
    await h.run((r) => r.onCompute("2024-09-30", "interim", null));
    expect(host.calls).toEqual(["read", "read"]);
    expect(analyse).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ asOf: "2024-09-30", review: "interim" }), expect.anything());
    expect(h.result.reviewed).toBe(true);
  });

  it("with a file: computes again from what was read, without reading", async () => {
    const host = new FakeHost("file", false);
    const analyse = stubAnalyse();
    const h = await renderRoleHook(host, nucleo(analyse), analyse);
    expect(host.calls).toEqual([]);
    // The year proposed before anything is read is this year's.
    expect(h.result.planYear).toBe(2025);
    await h.run((r) => r.onCompute("2024-12-31", "final", null));
    await h.run((r) => r.onCompute("2024-09-30", "interim", null));
    expect(host.calls).toEqual(["read"]);
    expect(analyse).toHaveBeenCalledTimes(2);
  });

  it("applies and removes an override by recomputing", async () => {
    const host = new FakeHost();
    const analyse = stubAnalyse();
    const h = await renderRoleHook(host, nucleo(analyse), analyse);
    await h.run((r) => r.onOverride({ objectiveId: "segreteria/2", value: 95, note: "In anticipo" }));
    expect(analyse).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ overrides: [{ objectiveId: "segreteria/2", value: 95, note: "In anticipo" }] }), expect.anything());
    await h.run((r) => r.onRemoveOverride("segreteria/2"));
    expect(analyse).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ overrides: [] }), expect.anything());
    expect(host.calls).toEqual(["read"]);
  });

  it("writes the scores, goes to their sheet, and says in Italian when it cannot select it", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, nucleo(stubAnalyse()));
    await h.run((r) => r.onWrite());
    expect(host.applied).toHaveLength(1);
    expect(host.calls.at(-1)).toBe("select Punteggi!A1");
    expect(h.pane.wb.notice).toBe("Medie e punteggi scritti nella cartella come formule.");
    host.selectError = new Error("InvalidReference");
    await h.run((r) => r.onWrite());
    expect(h.pane.wb.error).toBe("Impossibile selezionare il foglio «Punteggi»: InvalidReference");
  });

  it("a failing write is an Italian message, and no sheet is selected", async () => {
    const host = new FakeHost();
    host.applyWritePlan = async () => {
      throw new Error("The workbook is protected");
    };
    const h = await renderRoleHook(host, nucleo(stubAnalyse()));
    await h.run((r) => r.onWrite());
    expect(h.pane.wb.error).toBe("Si è verificato un errore imprevisto: The workbook is protected");
    expect(host.calls.some((c) => c.startsWith("select"))).toBe(false);
  });

  it("previews a preset without reading or writing", async () => {
    const host = new FakeHost();
    const analyse = stubAnalyse();
    const h = await renderRoleHook(host, nucleo(analyse), analyse);
    let scores: unknown = null;
    await h.run(async (r) => {
      scores = await r.preview?.("linear");
    });
    expect(scores).toMatchObject({ owners: expect.any(Array) });
    expect(host.calls).toEqual(["read"]);
    expect(host.applied).toEqual([]);
  });
});
