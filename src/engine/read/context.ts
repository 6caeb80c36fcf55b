import { cellRange, type SheetRange } from "../cells/a1";
import type { Layout, Measure, Objective, StrategyLink, Structure, UnreadableCell, Weight } from "../model/plan";
import type { CellValue } from "../model/snapshot";
import { cellText, readDate, readMeasure, readMonths, readNumber, readPercent, readWeight, type ReadResult } from "../values";
import { isPlaceholder } from "./labels";
import { isEmpty, type SheetIndex } from "./sheet";

/** An objective while it is being read: everything but its id, plus where the id falls back to. */
export interface ObjectiveDraft extends Omit<Objective, "id"> {
  /** Top-left cell of the card (or table row): the id of an unnumbered objective. */
  anchor: { sheet: string; row: number; col: number };
  /** Position in the structure's weight table, when the objective is listed there. */
  tableOrder: number | null;
  /** Set when ids are assigned. */
  id: string | null;
  /** The structure as the card itself names it (its "Settore" cell), before structures are merged. */
  sectorText: string | null;
}

/** A structure as one layout reader saw it; structures of the same name are merged later. */
export interface StructureDraft {
  name: string;
  owner: string | null;
  strategy: StrategyLink | null;
  source: Record<string, SheetRange>;
  objectives: ObjectiveDraft[];
  /** Other spellings merged into this structure (see Structure.mergedFrom). */
  mergedFrom?: NonNullable<Structure["mergedFrom"]>;
}

/** Who an unreadable cell belongs to; resolved to ids once ids exist. */
export interface Scope {
  objective: ObjectiveDraft | null;
  structure: string | null;
}

export interface PendingUnreadable {
  cell: Omit<UnreadableCell, "objectiveId" | "structure">;
  scope: Scope;
}

type Expected = UnreadableCell["expected"];

/** Why a formula without its result is not read. */
export const UNCALCULATED_REASON =
  "La cella contiene una formula ma non il suo risultato (il file è stato salvato senza ricalcolare): aprire la cartella in Excel, salvarla e ripetere la verifica.";

/** Text of a cell for an unreadable report: as typed, HTML stripped. */
function typedText(v: CellValue): string {
  return cellText(v) ?? String(v);
}

/**
 * Reads values out of one sheet through the value readers. A non-empty cell that cannot be read
 * is recorded as unreadable (never thrown, never stored as 0); placeholders that mean "nothing
 * typed yet" (".. /.. /..", "%", "N.", "-", "____") read as empty.
 */
export class CellReader {
  constructor(
    readonly sheet: SheetIndex,
    private readonly sink: PendingUnreadable[],
  ) {}

  /** A one-cell range on this sheet. */
  at(row: number, col: number): SheetRange {
    return cellRange(this.sheet.name, row, col);
  }

  /** A range on this sheet. */
  range(top: number, left: number, bottom: number, right: number): SheetRange {
    return { sheet: this.sheet.name, top, left, bottom, right };
  }

  /** Text of a cell, null when empty or a placeholder. */
  text(row: number, col: number): string | null {
    return this.sheet.typedText(row, col);
  }

  weight(row: number, col: number, field: string, scope: Scope): Weight | null {
    return this.read(row, col, "weight", field, scope, readWeight);
  }

  percent(row: number, col: number, field: string, scope: Scope): number | null {
    return this.read(row, col, "percent", field, scope, readPercent);
  }

  number(row: number, col: number, field: string, scope: Scope): number | null {
    const n = this.read(row, col, "number", field, scope, readNumber);
    return n === null ? null : n.value;
  }

  date(row: number, col: number, field: string, scope: Scope): string | null {
    return this.read(row, col, "date", field, scope, readDate);
  }

  /**
   * An expected or achieved value; free text is a valid measure, so this fails only on a formula
   * without its result (with `scope` given, see `uncalculated`).
   */
  measure(row: number, col: number, field?: string, scope?: Scope): Measure | null {
    const v = this.sheet.value(row, col);
    if (isEmpty(v)) {
      if (field !== undefined && scope !== undefined) this.uncalculated(row, col, "number", field, scope);
      return null;
    }
    if (typeof v === "string") return this.text(row, col) === null ? null : (this.sheet.textMeasure(row, col) ?? readMeasure(v, null));
    return readMeasure(v, this.sheet.format(row, col));
  }

  /** Months from schedule text ("Gennaio - marzo"); unreadable text gives [] and a report. */
  months(text: string, row: number, col: number, field: string, scope: Scope): number[] {
    const r = readMonths(text);
    if (r.ok) return r.value;
    this.fail(row, col, "months", text, r.reason, field, scope);
    return [];
  }

  /** Records a cell that should have held a value of `expected` kind. */
  fail(row: number, col: number, expected: Expected, text: string, reason: string, field: string, scope: Scope, cause?: "uncalculated"): void {
    this.sink.push({ cell: { at: this.at(row, col), expected, text, reason, field, ...(cause ? { cause } : {}) }, scope });
  }

  /**
   * An empty value whose cell holds a formula: the file was saved without its result (a tool that
   * writes formulas without computing them). Reported as such — the value is there, Excel has to
   * compute it — never as a missing value. True when it was reported.
   */
  private uncalculated(row: number, col: number, expected: Expected, field: string, scope: Scope): boolean {
    const f = this.sheet.formula(row, col);
    if (f === null || f.trim() === "") return false;
    const text = f.startsWith("=") ? f : `=${f}`;
    this.fail(row, col, expected, text, UNCALCULATED_REASON, field, scope, "uncalculated");
    return true;
  }

  private read<T>(
    row: number,
    col: number,
    expected: Expected,
    field: string,
    scope: Scope,
    reader: (v: CellValue, format: string | null) => ReadResult<T>,
  ): T | null {
    const v = this.sheet.value(row, col);
    if (isEmpty(v)) {
      this.uncalculated(row, col, expected, field, scope);
      return null;
    }
    if (typeof v === "string") {
      const t = cellText(v);
      if (t === null || isPlaceholder(t)) return null;
    }
    const r = reader(v, this.sheet.format(row, col));
    if (r.ok) return r.value;
    this.fail(row, col, expected, typedText(v), r.reason, field, scope);
    return null;
  }
}

/** A fresh objective draft with every field empty. */
export function emptyObjective(init: {
  sheet: string;
  row: number;
  col: number;
  structure: string;
  layout: Layout;
  title?: string;
}): ObjectiveDraft {
  return {
    id: null,
    sectorText: null,
    anchor: { sheet: init.sheet, row: init.row, col: init.col },
    tableOrder: null,
    number: null,
    kind: null,
    intersectoral: false,
    year: null,
    title: init.title ?? "",
    description: null,
    structure: init.structure,
    owner: null,
    weight: null,
    weightText: null,
    deadline: null,
    phases: [],
    indicators: [],
    schedule: [],
    reviews: [],
    staff: [],
    strategy: null,
    layout: init.layout,
    source: {},
  };
}
