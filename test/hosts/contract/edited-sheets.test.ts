/**
 * Issue 12: a user's edits on the add-in's generated sheets are named before the sheets are
 * regenerated — the same message, with the same cells, from the ExcelJS host on a real .xlsx
 * and from the Office.js host on the fake Excel. What the add-in carries over itself (the
 * Nucleo's override on Punteggi, a note in Verifica's «Note dell'utente») is not named.
 */
import type * as ExcelJS from "exceljs";
import { sheetCell } from "../../../src/hosts/xlsx/ownership";
import { type Step, fixtureBytes, runExcel, runXlsx } from "./two-hosts";

jest.setTimeout(120_000);

const BOOK = "casorate-polizia-locale.xlsx";
const TABLES: Step = { kind: "tables", options: { review: "final", asOf: "2024-12-31" } };

/** Zero-based cells to change: Obiettivi D5 and Fasi Z2 typed, Punteggi H6 (a formula filled down) typed over; I5/J5 the Nucleo's, Verifica I5 a note. */
const CHANGES: ReadonlyArray<{ sheet: string; row: number; col: number; value: string | number }> = [
  { sheet: "Obiettivi", row: 4, col: 3, value: "Titolo corretto a mano" },
  { sheet: "Fasi", row: 1, col: 25, value: "mio appunto" },
  { sheet: "Punteggi", row: 5, col: 7, value: 0.5 },
  { sheet: "Punteggi", row: 4, col: 8, value: 0.9 },
  { sheet: "Punteggi", row: 4, col: 9, value: "Rivisto dal Nucleo" },
  { sheet: "Verifica", row: 4, col: 8, value: "Ne parlo con il responsabile" },
];

const EDIT: Step = {
  kind: "edit",
  xlsx: (wb) => {
    for (const c of CHANGES) sheetCell(wb.getWorksheet(c.sheet) as ExcelJS.Worksheet, c.row + 1, c.col + 1).value = c.value;
  },
  excel: (fake) => {
    for (const c of CHANGES) {
      const cell = fake.sheet(c.sheet).touch(c.row, c.col);
      cell.formula = null;
      cell.value = c.value;
    }
  },
};

const edited = (o: { reports: { messages: { code: string; message: string; data?: unknown }[] }[] }) =>
  o.reports.map((r) => r.messages.filter((m) => m.code === "generated-sheet-edited").map((m) => ({ data: m.data, message: m.message })));

describe("both hosts name the cells typed on generated sheets", () => {
  it("the same warnings, naming the same cells; none before the edit, none once rewritten", async () => {
    const bytes = fixtureBytes(BOOK);
    const steps = [TABLES, EDIT, TABLES, TABLES];
    const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
    expect(edited(excel)).toEqual(edited(xlsx));
    const [first, second, third] = edited(xlsx);
    expect(first).toEqual([]);
    expect(third).toEqual([]);
    expect(second?.map((m) => m.data)).toEqual([
      { sheet: "Punteggi", cells: "H6", count: 1, regenerated: true },
      { sheet: "Obiettivi", cells: "D5", count: 1, regenerated: true },
      { sheet: "Fasi", cells: "Z2", count: 1, regenerated: true },
    ]);
    expect(second?.[1]?.message).toContain("«Obiettivi»");
  });
});
