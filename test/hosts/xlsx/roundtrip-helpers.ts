/**
 * Shared by the apply, clear, roundtrip and LibreOffice tests: the fixture workbooks, the run
 * the CLI does (read → analyse → apply), a reviewer filling in a prepared workbook, and the
 * state of every user cell (value, formula, fill, note, number format) to compare workbooks.
 */
import { readFileSync } from "node:fs";
import * as ExcelJS from "exceljs";
import { analyse, type Analysis, type AnalyseOptions } from "../../../src/engine/analyse";
import { cellKey } from "../../../src/engine/cells/range";
import { allObjectives } from "../../../src/engine/model/plan";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { TABLE_TOP } from "../../../src/engine/write/layout";
import type { WritePlan } from "../../../src/engine/write/types";
import { applyWritePlanToWorkbook, saveWorkbook, workbookSnapshots } from "../../../src/hosts/xlsx/apply";
import { fillToRecord, noteModelToRecord, noteText, readState, sheetCell } from "../../../src/hosts/xlsx/ownership";
import { loadWorkbook } from "../../../src/hosts/xlsx/read";
import { DEMO_WORKBOOK_PATH, fixtureBytes, type FixtureName } from "../../fixtures";

/** Readable fixture workbooks (the broken ones are the reader's business), plus the demo plan. */
export const WORKBOOKS = [
  "casorate-servizio-amministrativo",
  "casorate-polizia-locale",
  "casorate-segreteria",
  "pdo-template-2022",
  "layout-c-servizi-sociali",
  "no-cards",
  "demo",
] as const;
export type WorkbookName = (typeof WORKBOOKS)[number];

/** The workbooks with cards, where a reviewer fills values in. */
export const FILLED_SCENARIOS: readonly WorkbookName[] = WORKBOOKS.filter((w) => w !== "no-cards");

export const REVIEW_OPTIONS: AnalyseOptions = { asOf: "2024-12-31", review: "final" };

export function workbookBytes(name: WorkbookName): Uint8Array {
  if (name === "demo") return new Uint8Array(readFileSync(DEMO_WORKBOOK_PATH));
  return fixtureBytes(name as FixtureName);
}

/**
 * analyse() as it needs to be for writing back (proposed to the lead; analyse.ts is not ours):
 * - the plan is read from userSnapshots() — without SO_Stato and the add-in's own sheets, found
 *   by the ownership record or their A1 marker, whatever they are called ("Obiettivi (SO)"), and
 *   with a user's sheet that happens to be called "Obiettivi" read like any other;
 * - when a review is prepared, the plan is read again with the review headers in place
 *   (withAddedCells), so findings and flags are those the next run will see: a run is its own
 *   fixed point;
 * - `review` reaches buildWritePlan.
 * Everything else is analyse() line for line.
 */
/** The engine's analysis, with the review options the roundtrip tests use by default. */
export function analyseSnapshots(snapshots: readonly SheetSnapshot[], options: AnalyseOptions = REVIEW_OPTIONS): Analysis {
  return analyse(snapshots, options);
}

/** What the CLI does for `schede tables`: analyse the workbook and apply the write plan. */
export async function annotate(bytes: Uint8Array, options: AnalyseOptions = REVIEW_OPTIONS): Promise<{ bytes: Uint8Array; analysis: Analysis }> {
  const wb = await loadWorkbook(bytes);
  const analysis = analyseSnapshots(workbookSnapshots(wb), options);
  applyWritePlanToWorkbook(wb, analysis.writePlan);
  return { bytes: await saveWorkbook(wb), analysis };
}

export async function analyseBytes(bytes: Uint8Array, options: AnalyseOptions = REVIEW_OPTIONS): Promise<Analysis> {
  return analyseSnapshots(workbookSnapshots(await loadWorkbook(bytes)), options);
}

/** A small deterministic random source (the same workbook every run). */
export function random(seed: string): () => number {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let state = h >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A date as a reviewer types it, "15/03/2024", kept as text. Real date cells (serials) under
 * "Completata il" or "Valore raggiunto" read the same way: test/engine/read/weight-table.test.ts.
 */
export function typedDate(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

export interface Scenario {
  /** The analysis of the filled workbook. */
  analysis: Analysis;
  /** The filled workbook (prepared for the final review, values typed in). */
  bytes: Uint8Array;
  /** The filled workbook with a plan applied. */
  annotate(plan: WritePlan): Promise<Uint8Array>;
}

/**
 * A workbook as the Nucleo sees it at the final review: prepared by the add-in (review columns),
 * then achieved values typed in every indicator's "Valore raggiunto" (a few left empty),
 * completion dates in "Completata il" and one override in Punteggi; analysed again.
 */
export async function filledScenario(name: WorkbookName): Promise<Scenario> {
  const prepared = await annotate(workbookBytes(name));
  const wb = await loadWorkbook(prepared.bytes);
  const analysis = analyseSnapshots(workbookSnapshots(wb), REVIEW_OPTIONS);
  const rnd = random(name);
  const typed = new Set<string>();
  const put = (sheet: string, row: number, col: number, value: ExcelJS.CellValue): void => {
    const ws = wb.getWorksheet(sheet);
    if (ws) sheetCell(ws, row + 1, col + 1).value = value;
  };
  for (const s of analysis.plan.structures) {
    for (const o of s.objectives) {
      o.indicators.forEach((ind, i) => {
        const at = ind.source.actual;
        if (!at || (i + o.indicators.length) % 5 === 4) return;
        const t = ind.target;
        const factor = [0.5, 0.8, 1, 1.2, 0.95][Math.floor(rnd() * 5)] as number;
        let value: ExcelJS.CellValue;
        if (t?.type === "number") value = Math.round(t.value * factor * 100) / 100;
        else if (t?.type === "boolean") value = rnd() < 0.7 ? "SI" : "NO";
        else if (t?.type === "date") {
          const [y, m, d] = t.value.split("-").map(Number) as [number, number, number];
          value = typedDate(y, m, d + Math.round((rnd() - 0.6) * 120));
        } else value = rnd() < 0.5 ? `${Math.round(rnd() * 100)}%` : Math.round(rnd() * 100);
        put(at.sheet, at.top, at.left, value);
      });
      for (const p of o.phases) {
        const at = p.source.completedOn;
        if (!at || rnd() < 0.2) continue;
        put(at.sheet, at.top, at.left, typedDate(analysis.plan.year ?? 2024, 1 + Math.floor(rnd() * 13), 1 + Math.floor(rnd() * 28)));
        typed.add(cellKey(at.sheet, at.top, at.left));
      }
    }
  }
  const scores = analysis.writePlan.sheetNames?.find((n) => n.key === "scores")?.used;
  const ws = scores ? wb.getWorksheet(scores) : undefined;
  if (ws && analysis.scores.objectives.length > 0) {
    const header = ws.getRow(TABLE_TOP + 1);
    header.eachCell((cell, col) => {
      if (cell.value === "Valutazione Nucleo") sheetCell(ws, TABLE_TOP + 2, col).value = 0.875;
      if (cell.value === "Nota Nucleo") sheetCell(ws, TABLE_TOP + 2, col).value = "=Rivalutato dal Nucleo";
    });
  }
  const bytes = await saveWorkbook(wb);
  const filled = await analyseBytes(bytes);
  // Every date typed under "Completata il" is read back, from the cell it was typed in: the
  // review columns stay where the reviewer found them.
  const read = allObjectives(filled.plan)
    .flatMap((o) => o.phases)
    .filter((p) => p.completedOn !== null && p.source.completedOn && typed.has(cellKey(p.source.completedOn.sheet, p.source.completedOn.top, p.source.completedOn.left)));
  const columns = allObjectives(analysis.plan).flatMap((o) => o.phases).filter((p) => p.source.completedOn).length;
  if (read.length !== typed.size || (columns > 0 && read.length === 0)) {
    throw new Error(`${name}: ${typed.size} date di completamento scritte, ${read.length} rilette`);
  }
  return {
    analysis: filled,
    bytes,
    async annotate(plan) {
      const target = await loadWorkbook(bytes);
      applyWritePlanToWorkbook(target, plan);
      return saveWorkbook(target);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cell states.

export interface CellState {
  value: string;
  formula: string | null;
  fill: string | null;
  note: string | null;
  noteModel: string | null;
  numFmt: string | null;
}

export type WorkbookState = Map<string, Map<string, CellState>>;

const EMPTY: CellState = { value: "null", formula: null, fill: null, note: null, noteModel: null, numFmt: null };

function cellState(cell: ExcelJS.Cell): CellState {
  const v = cell.value;
  const formula = cell.type === ExcelJS.ValueType.Formula ? (cell.formula ?? null) : null;
  const value = formula !== null ? JSON.stringify(cell.result ?? null) : JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));
  const numFmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : null;
  return { value, formula, fill: fillToRecord(cell.fill), note: noteText(cell.note), noteModel: noteModelToRecord(cell.note), numFmt };
}

/** Every cell of the named sheets (all but the add-in's, by default), empty cells with a style included. */
export function userCellStates(wb: ExcelJS.Workbook, sheets?: readonly string[]): WorkbookState {
  const owned = new Set((readState(wb).record?.sheets ?? []).map((s) => s.toLowerCase()));
  const out: WorkbookState = new Map();
  for (const ws of wb.worksheets) {
    if (sheets ? !sheets.includes(ws.name) : owned.has(ws.name.toLowerCase()) || ws.name === "SO_Stato") continue;
    const cells = new Map<string, CellState>();
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const s = cellState(cell);
        if (JSON.stringify(s) !== JSON.stringify(EMPTY)) cells.set(cell.address, s);
      });
    });
    out.set(ws.name, cells);
  }
  return out;
}

/** Cells whose state differs ("Sheet!C5 fill: … → …"); `fields` limits what is compared. */
export function diffStates(a: WorkbookState, b: WorkbookState, fields: readonly (keyof CellState)[] = ["value", "formula", "fill", "note", "noteModel", "numFmt"]): string[] {
  const out: string[] = [];
  for (const sheet of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(sheet);
    const y = b.get(sheet);
    if (!x || !y) {
      out.push(`${sheet}: foglio ${x ? "scomparso" : "aggiunto"}`);
      continue;
    }
    for (const addr of new Set([...x.keys(), ...y.keys()])) {
      const s = x.get(addr) ?? EMPTY;
      const t = y.get(addr) ?? EMPTY;
      for (const f of fields) if (s[f] !== t[f]) out.push(`${sheet}!${addr} ${f}: ${String(s[f])} → ${String(t[f])}`);
    }
  }
  return out;
}

export async function statesOf(bytes: Uint8Array, sheets?: readonly string[]): Promise<WorkbookState> {
  return userCellStates(await loadWorkbook(bytes), sheets);
}
