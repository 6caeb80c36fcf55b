/** @jest-environment jsdom */
import { useSegretario } from "../../../src/ui/hooks/useSegretario";
import { FakeHost } from "../fixtures";
import { TODAY, renderRoleHook, stubAnalyse } from "./harness";

const finding = (range: string) => ({ ruleId: "x", messageId: "x", message: "x", severity: "error" as const, at: { sheet: "Segreteria", range }, data: {} });

describe("useSegretario", () => {
  it("checks the workbook through the host, with no review", async () => {
    const host = new FakeHost();
    const analyse = stubAnalyse();
    const h = await renderRoleHook(host, useSegretario, analyse);
    expect(host.calls).toEqual([]);
    expect(h.result.canCheck).toBe(true);
    await h.run((r) => r.onCheck());
    expect(host.calls).toEqual(["read"]);
    expect(analyse).toHaveBeenCalledWith(expect.any(Array), expect.objectContaining({ asOf: TODAY, review: null }), expect.anything());
    expect(h.result.analysis).not.toBeNull();
  });

  it("writes the tables, then goes to the first sheet written", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, useSegretario);
    await h.run((r) => r.onCheck());
    await h.run((r) => r.onCreateTables());
    expect(host.applied).toHaveLength(1);
    expect(host.calls.at(-1)).toBe("select Obiettivi!A1");
    expect(h.pane.wb.notice).toBe("Fogli del componente aggiornati nella cartella.");
    await h.run((r) => r.onGiuntaSummary());
    expect(host.applied[1]?.flags).toEqual([]);
  });

  it("says in Italian that the sheet written could not be selected, and keeps the success notice", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, useSegretario);
    await h.run((r) => r.onCheck());
    host.selectError = new Error("GeneralException");
    await h.run((r) => r.onCreateTables());
    expect(h.pane.wb.error).toBe("Impossibile selezionare il foglio «Obiettivi»: GeneralException");
    expect(h.pane.wb.notice).toBe("Fogli del componente aggiornati nella cartella.");
  });

  it("goes to a finding's cells, and says so when they cannot be selected", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, useSegretario);
    await h.run((r) => r.onSelectFinding(finding("C50:C51")));
    expect(host.calls).toContain("select Segreteria!C50:C51");
    expect(h.result.selectedFinding?.at.range).toBe("C50:C51");
    expect(h.result.renderFindingDetail).toBeUndefined();

    class SheetNotFound extends Error {
      override name = "UserFacingError";
    }
    host.selectError = new SheetNotFound("Il foglio «Segreteria» non esiste più: è stato rinominato o eliminato. Ripetere il controllo.");
    await h.run((r) => r.onSelectFinding(finding("N43")));
    expect(h.pane.wb.error).toBe(
      "Impossibile selezionare le celle N43 del foglio «Segreteria»: Il foglio «Segreteria» non esiste più: è stato rinominato o eliminato. Ripetere il controllo",
    );
  });

  it("with a host that cannot select (a file): no selection asked, the cells are previewed, writes go to the copy", async () => {
    const host = new FakeHost("file", false);
    const h = await renderRoleHook(host, useSegretario);
    await h.run((r) => r.onCheck());
    await h.run((r) => r.onSelectFinding(finding("N43")));
    expect(host.calls.some((c) => c.startsWith("select"))).toBe(false);
    expect(h.result.renderFindingDetail).toBeDefined();
    await h.run((r) => r.onCreateTables());
    expect(host.calls.some((c) => c.startsWith("select"))).toBe(false);
    expect(h.pane.wb.notice).toBe("Fatto nella copia in memoria: scaricala con «Scarica copia annotata».");
  });

  it("clears through the host; a failing clear is an Italian message", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, useSegretario);
    await h.run((r) => r.onClear());
    expect(host.calls).toEqual(["clear"]);
    expect(h.pane.wb.notice).toBe("Contenuti del componente rimossi dalla cartella.");
    host.clearAddinContent = async () => {
      throw new TypeError("x is undefined");
    };
    await h.run((r) => r.onClear());
    expect(h.pane.wb.error).toBe("Si è verificato un errore imprevisto: x is undefined");
  });
});
