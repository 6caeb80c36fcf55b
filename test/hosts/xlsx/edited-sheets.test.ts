/**
 * A user's edits on the add-in's generated sheets are named before they are regenerated
 * (fingerprints in the ownership record), the same on the file host and on Office.js.
 */
import type * as ExcelJS from "exceljs";
import { readOwnershipRecord } from "../../../src/engine/write/ownership";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { applyWritePlanToWorkbook, planWorkbookWrite, readAnalysisSnapshots, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { InjectedFailure } from "../../../src/hosts/xlsx/execute";
import { analyseSnapshots, annotate, workbookBytes, WORKBOOKS, REVIEW_OPTIONS } from "./roundtrip-helpers";

const edited = (messages: ReadonlyArray<{ code: string }> | undefined) => (messages ?? []).filter((m) => m.code === "generated-sheet-edited");

describe("generated sheets edited by hand", () => {
  it.each(WORKBOOKS)("%s: written, saved and read back, nothing reads as edited", async (name) => {
    const first = await annotate(workbookBytes(name));
    const wb = await loadWorkbook(first.bytes);
    const snapshots = workbookSnapshots(wb);
    // Not vacuous: the record holds a fingerprint of every sheet written.
    const record = readOwnershipRecord(snapshots).record;
    expect(Object.keys(record?.fingerprints ?? {}).sort()).toEqual(first.analysis.writePlan.sheets.map((s) => s.name).sort());
    const again = analyseSnapshots(snapshots);
    expect(edited(again.writePlan.messages)).toEqual([]);
    // And once more after a second write (kept sheets, carried notes and overrides).
    applyWritePlanToWorkbook(wb, again.writePlan);
    const third = analyseSnapshots(await readAnalysisSnapshots(await saveWorkbook(wb)));
    expect(edited(third.writePlan.messages)).toEqual([]);
  });
});

describe("a cell of Obiettivi edited with ExcelJS", () => {
  it("after applyWritePlanToWorkbook, save, edit, save and read back: the analysis names the cell", async () => {
    const first = await annotate(workbookBytes("casorate-polizia-locale"));
    const wb = await loadWorkbook(first.bytes);
    const sheet = (name: string): ExcelJS.Worksheet => wb.getWorksheet(name) as ExcelJS.Worksheet;
    sheet("Obiettivi").getCell("D5").value = "Titolo corretto a mano";
    // The Nucleo's override is read back and written again: not an edit that goes.
    sheet("Punteggi").getCell("I5").value = 0.9;
    const snapshots = await readAnalysisSnapshots(await saveWorkbook(wb));
    const next = analyseSnapshots(snapshots, REVIEW_OPTIONS);
    const messages = edited(next.writePlan.messages);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ severity: "warning", sheet: "Obiettivi", data: { sheet: "Obiettivi", cells: "D5", count: 1, regenerated: true } });
    // The write reports it too (the CLI prints the report's messages, the pane shows them).
    const again = await loadWorkbook(await saveWorkbook(wb));
    const report = applyWritePlanToWorkbook(again, next.writePlan);
    expect(edited(report.messages)).toEqual(messages);
  });
});

describe("a write stopped halfway", () => {
  it("leaves sheets with cells missing, which are not taken for the user's edits", async () => {
    const first = await annotate(workbookBytes("casorate-polizia-locale"));
    const probe = await loadWorkbook(first.bytes);
    const plan = analyseSnapshots(workbookSnapshots(probe)).writePlan;
    const ops = planWorkbookWrite(probe, { kind: "apply", plan }).ops;
    // Stopped after the record, inside the new sheets: one sheet added without its content, one with.
    const contents = ops.flatMap((op, i) => (op.kind === "sheetContent" ? [i] : []));
    expect(contents.length).toBeGreaterThan(3);
    for (const failAt of [contents[0] as number, contents[3] as number]) {
      const wb = await loadWorkbook(first.bytes);
      expect(() => applyWritePlanToWorkbook(wb, analyseSnapshots(workbookSnapshots(wb)).writePlan, { failAt })).toThrow(InjectedFailure);
      const after = analyseSnapshots(await readAnalysisSnapshots(await saveWorkbook(wb)));
      expect(after.writePlan.messages?.some((m) => m.code === "state-unreadable")).toBe(false);
      expect([failAt, edited(after.writePlan.messages)]).toEqual([failAt, []]);
    }
  });
});
