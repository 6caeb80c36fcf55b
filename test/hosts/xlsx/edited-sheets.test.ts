/**
 * A user's edits on the add-in's generated sheets are named before they are regenerated
 * (fingerprints in the ownership record), the same on the file host and on Office.js.
 */
import { loadWorkbook, readWorkbookSnapshots } from "../../../src/hosts/xlsx/read";
import { applyWritePlanToWorkbook, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { analyseSnapshots, annotate, workbookBytes, WORKBOOKS, REVIEW_OPTIONS } from "./roundtrip-helpers";

const edited = (messages: ReadonlyArray<{ code: string }> | undefined) => (messages ?? []).filter((m) => m.code === "generated-sheet-edited");

describe("generated sheets edited by hand", () => {
  it.each(WORKBOOKS)("%s: written, saved and read back, nothing reads as edited", async (name) => {
    const first = await annotate(workbookBytes(name));
    const wb = await loadWorkbook(first.bytes);
    const again = analyseSnapshots(workbookSnapshots(wb));
    expect(edited(again.writePlan.messages)).toEqual([]);
    // And once more after a second write (kept sheets, carried notes and overrides).
    applyWritePlanToWorkbook(wb, again.writePlan);
    const third = analyseSnapshots(await readWorkbookSnapshots(await saveWorkbook(wb)));
    expect(edited(third.writePlan.messages)).toEqual([]);
  });
});
