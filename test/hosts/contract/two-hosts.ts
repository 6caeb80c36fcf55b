/**
 * The same workbook driven through both hosts — the Office.js host on the fake Excel and the
 * ExcelJS host on a real .xlsx (saved and read back between steps) — and each result projected
 * to what a user sees: sheets in tab order with their visibility and tables, and every cell's
 * value (or formula), fill and note. The contract suite compares the two projections.
 */
import * as ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyse } from "../../../src/engine/analyse";
import { columnToLetters } from "../../../src/engine/cells/a1";
import type { AnalyseOptions } from "../../../src/engine/analyse";
import type { ApplyReport } from "../../../src/engine/write/types";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { type ExecuteOptions } from "../../../src/hosts/xlsx/execute";
import { noteText } from "../../../src/hosts/xlsx/ownership";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { fillColor, themePalette, workbookTheme } from "../../../src/hosts/xlsx/fills";
import type { FakeExcel } from "../excel/fake-excel";
import { mirrorIntoFake } from "../excel/from-exceljs";

export const fixtureBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(__dirname, "..", "..", "fixtures", name)));

/** What a user sees of one cell. */
export interface CellView {
  value?: string | number | boolean;
  formula?: string;
  fill?: string;
  note?: string;
}

/** What a user sees of one sheet. */
export interface SheetView {
  name: string;
  visibility: string;
  tables: string[];
  cells: Record<string, CellView>;
}

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

function plain(v: ExcelJS.CellValue): string | number | boolean | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return Math.round((v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL) * 1e6) / 1e6;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("text" in v && "hyperlink" in v) return plain(v.text as ExcelJS.CellValue);
  if ("error" in v) return String(v.error);
  return undefined;
}

const compact = (view: CellView): CellView | null => (Object.keys(view).length > 0 ? view : null);

/** The workbook as a user sees it (SO_Stato: its name and visibility only). */
export function viewOfWorkbook(wb: ExcelJS.Workbook): SheetView[] {
  const palette = themePalette(workbookTheme(wb));
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellView> = {};
    const isState = ws.name.toLowerCase() === STATE_SHEET.toLowerCase();
    if (!isState) {
      ws.eachRow({ includeEmpty: true }, (row, r) => {
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const view: CellView = {};
          if (cell.type === ExcelJS.ValueType.Formula) view.formula = `=${cell.formula}`;
          else if (cell.type !== ExcelJS.ValueType.Merge) {
            const v = plain(cell.value);
            if (v !== undefined) view.value = v;
          }
          const fill = fillColor((cell as unknown as { style?: { fill?: unknown } }).style?.fill, palette);
          if (fill !== null) view.fill = fill;
          const note = noteText(cell.note);
          if (note !== null) view.note = note;
          const kept = compact(view);
          if (kept) cells[`${columnToLetters(c - 1)}${r}`] = kept;
        });
      });
    }
    const tables = Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {}).sort();
    return { name: ws.name, visibility: ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible", tables, cells };
  });
}

/** The fake Excel document as a user sees it. */
export function viewOfFake(fake: FakeExcel): SheetView[] {
  return fake.sheets.map((sheet) => {
    const cells: Record<string, CellView> = {};
    if (sheet.name.toLowerCase() !== STATE_SHEET.toLowerCase()) {
      for (const [key, cell] of sheet.cells) {
        const row = Math.floor(key / 20_000);
        const col = key % 20_000;
        const view: CellView = {};
        if (cell.formula) view.formula = cell.formula;
        else if (cell.value !== "" && cell.value !== null && cell.value !== undefined) view.value = cell.value;
        if (cell.fill) view.fill = cell.fill.toUpperCase();
        const note = sheet.notes.get(`${columnToLetters(col)}${row + 1}`);
        if (note !== undefined) view.note = note;
        const kept = compact(view);
        if (kept) cells[`${columnToLetters(col)}${row + 1}`] = kept;
      }
      for (const [address, note] of sheet.notes) if (!cells[address]) cells[address] = { note };
    }
    const tables = fake.tables.filter((t) => t.sheet === sheet).map((t) => t.name).sort();
    return { name: sheet.name, visibility: sheet.visibility, tables, cells: sortKeys(cells) };
  });
}

function sortKeys(cells: Record<string, CellView>): Record<string, CellView> {
  return Object.fromEntries(Object.entries(cells).sort(([a], [b]) => a.localeCompare(b)));
}

/** A step of a scenario, done the same way in both hosts. */
export type Step =
  | { kind: "tables"; options?: AnalyseOptions }
  | { kind: "clear" }
  | { kind: "edit"; xlsx: (wb: ExcelJS.Workbook) => void; excel: (fake: FakeExcel) => void };

export interface Outcome {
  views: SheetView[];
  reports: ApplyReport[];
}

const ANALYSE: AnalyseOptions = { asOf: "2024-06-30" };

/** The scenario on the ExcelJS host: every step on the file, saved and read back in between. */
export async function runXlsx(bytes: Uint8Array, steps: readonly Step[], failAt?: ExecuteOptions): Promise<Outcome> {
  let data = bytes;
  const reports: ApplyReport[] = [];
  for (const step of steps) {
    const wb = await loadWorkbook(data);
    if (step.kind === "edit") step.xlsx(wb);
    else if (step.kind === "clear") reports.push(clearAddinContent(wb));
    else {
      const analysis = analyse(workbookSnapshots(wb), { ...ANALYSE, ...step.options });
      try {
        reports.push(applyWritePlanToWorkbook(wb, analysis.writePlan, failAt));
      } catch (error) {
        if (!failAt) throw error;
      }
    }
    data = await saveWorkbook(wb);
  }
  const final = new ExcelJS.Workbook();
  await final.xlsx.load(data as unknown as ArrayBuffer);
  return { views: viewOfWorkbook(final), reports };
}

/** The scenario on the Office.js host, on the fake Excel holding the same workbook. */
export async function runExcel(bytes: Uint8Array, steps: readonly Step[], prepare?: (fake: FakeExcel) => void): Promise<Outcome & { fake: FakeExcel }> {
  const wb = await loadWorkbook(bytes);
  const fake = mirrorIntoFake(wb, { excelApi: "1.18" });
  prepare?.(fake);
  const uninstall = fake.install();
  const reports: ApplyReport[] = [];
  try {
    const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") }) });
    for (const step of steps) {
      if (step.kind === "edit") step.excel(fake);
      else if (step.kind === "clear") reports.push(await host.clearAddinContent());
      else {
        const analysis = analyse(await host.readSnapshots(), { ...ANALYSE, ...step.options });
        try {
          reports.push(await host.applyWritePlan(analysis.writePlan));
        } catch (error) {
          if (!prepare) throw error;
        }
      }
    }
  } finally {
    uninstall();
  }
  return { views: viewOfFake(fake), reports, fake };
}
