/**
 * Reading the annotated workbook gives the plan of the original, and write/clear cycles on
 * randomly edited workbooks never change a user cell (property test: at least 1,000 cycles in
 * CI, fewer locally).
 */
import * as fc from "fast-check";
import type * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import type { Plan } from "../../../src/engine/model/plan";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { readState, sheetCell, solidFill } from "../../../src/hosts/xlsx/ownership";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { analyseBytes, analyseSnapshots, annotate, diffStates, userCellStates, workbookBytes, WORKBOOKS, type WorkbookName } from "./roundtrip-helpers";

/** The plan without where things came from (review headers widen a card's range). */
function withoutSources(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value: unknown) => (key === "source" ? undefined : value)));
}

describe.each(WORKBOOKS)("%s: reading the annotated workbook gives the same plan", (name) => {
  it("plan check: the same plan, findings and scores, through analyse()", async () => {
    const options = { asOf: "2024-03-31", review: null };
    const original = analyse(workbookSnapshots(await loadWorkbook(workbookBytes(name))), options);
    const { bytes } = await annotate(workbookBytes(name), options);
    const again = analyse(workbookSnapshots(await loadWorkbook(bytes)), options);
    expect(again.plan).toEqual(original.plan);
    expect(again.findings).toEqual(original.findings);
    expect(again.scores).toEqual(original.scores);
  });

  it("final review: the same plan apart from the review columns' places; the same scores", async () => {
    const options = { asOf: "2024-12-31", review: "final" as const };
    const original = await analyseBytes(workbookBytes(name), options);
    const { bytes } = await annotate(workbookBytes(name), options);
    const again = await analyseBytes(bytes, options);
    expect(withoutSources(again.plan)).toEqual(withoutSources(original.plan));
    expect(again.scores).toEqual(original.scores);
    expect({ ...again.writePlan, ownershipSeen: false }).toEqual(original.writePlan);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: write/clear cycles on randomly edited workbooks change no user cell.

const CYCLES = process.env.CI ? 1000 : 120;

type Edit =
  | { kind: "text"; row: number; col: number; text: string }
  | { kind: "number"; row: number; col: number; value: number }
  | { kind: "empty"; row: number; col: number }
  | { kind: "fill"; row: number; col: number; colour: string }
  | { kind: "note"; row: number; col: number; text: string };

const position = { row: fc.nat({ max: 420 }), col: fc.nat({ max: 18 }) };
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), ...position, text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("=SOMMA(A1)", "+39", "-5 giorni", "@utente", "X", "SI", "NO", "30%", "15/05/2024", "Fasi e tempi", "Gennaio", "Valore raggiunto", "Completata il")) }),
  fc.record({ kind: fc.constant("number" as const), ...position, value: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double({ min: 0, max: 1, noNaN: true })) }),
  fc.record({ kind: fc.constant("empty" as const), ...position }),
  fc.record({ kind: fc.constant("fill" as const), ...position, colour: fc.constantFrom("#FFFF00", "#00B0F0", "#FFC7CE", "#FFEB9C") }),
  fc.record({ kind: fc.constant("note" as const), ...position, text: fc.string({ minLength: 1, maxLength: 20 }) }),
);

function applyEdit(ws: ExcelJS.Worksheet, e: Edit): void {
  const cell = sheetCell(ws, e.row + 1, e.col + 1);
  // Typing into a merged area types into its first cell, as in Excel.
  const target = cell.isMerged ? cell.master : cell;
  switch (e.kind) {
    case "text":
      target.value = e.text;
      break;
    case "number":
      target.value = e.value;
      break;
    case "empty":
      target.value = null;
      break;
    case "fill":
      target.style = { ...target.style, fill: solidFill(e.colour) };
      break;
    case "note":
      target.note = e.text;
      break;
  }
}

describe("write/clear cycles on edited workbooks", () => {
  const books = new Map<WorkbookName, ExcelJS.Workbook>();
  let cycles = 0;
  let changedCells = 0;
  const changes: string[] = [];

  beforeAll(async () => {
    for (const name of WORKBOOKS) books.set(name, await loadWorkbook(workbookBytes(name)));
  });

  it(`change no user cell (value, formula, fill, note) over ${CYCLES} cycles`, async () => {
    const run = await fc.check(
      fc.asyncProperty(
        fc.constantFrom(...WORKBOOKS),
        fc.nat(),
        fc.array(editArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(null, "interim" as const, "final" as const),
        fc.boolean(),
        async (name, sheetPick, edits, review, twice) => {
          let wb = books.get(name) as ExcelJS.Workbook;
          const sheets = wb.worksheets.filter((w) => !readState(wb).record?.sheets.includes(w.name));
          const ws = sheets[sheetPick % sheets.length] as ExcelJS.Worksheet;
          for (const e of edits) applyEdit(ws, e);
          // Every tenth cycle goes through a file, the way the CLI does.
          if (cycles % 10 === 0) {
            wb = await loadWorkbook(await saveWorkbook(wb));
            books.set(name, wb);
          }
          const before = userCellStates(wb);
          const options = { asOf: review === "interim" ? "2024-09-30" : "2024-12-31", review };
          applyWritePlanToWorkbook(wb, analyseSnapshots(workbookSnapshots(wb), options).writePlan);
          if (twice) applyWritePlanToWorkbook(wb, analyseSnapshots(workbookSnapshots(wb), options).writePlan);
          if (cycles % 10 === 5) {
            wb = await loadWorkbook(await saveWorkbook(wb));
            books.set(name, wb);
          }
          clearAddinContent(wb);
          const diff = diffStates(before, userCellStates(wb));
          cycles += 1;
          changedCells += diff.length;
          if (diff.length > 0) changes.push(`${name} ${JSON.stringify(edits)}: ${diff.slice(0, 5).join(" | ")}`);
          return diff.length === 0;
        },
      ),
      { numRuns: CYCLES, endOnFailure: true, seed: 20240131 },
    );
    // The cells that changed say more than fast-check's counterexample.
    expect(changes).toEqual([]);
    expect(run.failed).toBe(false);
    expect(changedCells).toBe(0);
    expect(cycles).toBe(CYCLES);
  }, 600_000);
});
