import { columnToLetters, quoteSheetName } from "../cells/a1";
import type { CellContent, CellWrite, OwnedSheet, TableColumn, TableSpec } from "./types";

/** Number formats of the add-in's tables (Excel codes; LibreOffice reads them too). */
export const FORMATS = {
  percent: "0.00%",
  date: "dd/mm/yyyy",
  integer: "0",
  number: "#,##0.##",
  currency: '#,##0.00 "€"',
} as const;

/** Row (zero-based) of every table's header on the add-in's sheets: rows 1–2 hold title and notes. */
export const TABLE_TOP = 3;

/** Style of the add-in's tables (banded rows). */
export const TABLE_STYLE = "TableStyleMedium2";

export interface ColumnDef<K extends string> {
  key: K;
  header: string;
  numberFormat?: string;
  width?: number;
}

/**
 * Where a table sits and how to refer to its columns in formulas. Tables start at `left` on
 * row TABLE_TOP; a table with no data keeps one empty row (Excel tables need one).
 */
export class TableLayout<K extends string> {
  readonly firstRow: number;
  readonly lastRow: number;
  private readonly indexes: Map<K, number>;
  private readonly letters: Map<K, string>;

  constructor(
    readonly sheet: string,
    readonly name: string,
    readonly columns: readonly ColumnDef<K>[],
    readonly rowCount: number,
    readonly left = 0,
    readonly top = TABLE_TOP,
  ) {
    this.firstRow = top + 1;
    this.lastRow = top + Math.max(rowCount, 1);
    this.indexes = new Map(columns.map((c, i) => [c.key, left + i]));
    // Tables of thousands of rows build several formulas a row: letters are made once.
    this.letters = new Map(columns.map((c, i) => [c.key, columnToLetters(left + i)]));
  }

  /** Absolute column index of a key. */
  col(key: K): number {
    const c = this.indexes.get(key);
    if (c === undefined) throw new Error(`Unknown column ${key} in ${this.name}`);
    return c;
  }

  /** "D7": the key's cell on data row i, for formulas on the same sheet. */
  cell(key: K, i: number): string {
    const letters = this.letters.get(key);
    if (letters === undefined) throw new Error(`Unknown column ${key} in ${this.name}`);
    return `${letters}${this.firstRow + i + 1}`;
  }

  /** "'Fasi'!$D$5:$D$40": the key's whole data column, absolute, for formulas on other sheets. */
  range(key: K): string {
    const letters = columnToLetters(this.col(key));
    return `${quoteSheetName(this.sheet)}!$${letters}$${this.firstRow + 1}:$${letters}$${this.lastRow + 1}`;
  }

  /** "'Fasi'!$D$7:$D$9": the key's cells on data rows first…last, absolute. */
  rows(key: K, first: number, last: number): string {
    const letters = columnToLetters(this.col(key));
    return `${quoteSheetName(this.sheet)}!$${letters}$${this.firstRow + first + 1}:$${letters}$${this.firstRow + last + 1}`;
  }

  /** The table spec from rows keyed by column. */
  spec(rows: ReadonlyArray<Partial<Record<K, CellContent>>>, links?: TableSpec["links"]): TableSpec {
    const body: ReadonlyArray<Partial<Record<K, CellContent>>> = rows.length > 0 ? rows : [{}];
    const spec: TableSpec = {
      name: this.name,
      sheet: this.sheet,
      row: this.top,
      col: this.left,
      columns: this.columns.map((c): TableColumn => {
        const out: TableColumn = { header: c.header };
        if (c.numberFormat !== undefined) out.numberFormat = c.numberFormat;
        if (c.width !== undefined) out.width = c.width;
        return out;
      }),
      rows: body.map((r) => this.columns.map((c) => r[c.key] ?? { kind: "empty" })),
      style: TABLE_STYLE,
      showRowStripes: true,
    };
    if (links && links.length > 0) spec.links = links;
    return spec;
  }
}

/** Title and explanation in rows 1–2 of an add-in sheet (A1 starts with the owned-sheet marker). */
export function sheetHeading(sheet: string, title: string, explanation: string): CellWrite[] {
  return [
    { sheet, row: 0, col: 0, content: { kind: "text", text: title }, style: { bold: true } },
    { sheet, row: 1, col: 0, content: { kind: "text", text: explanation }, style: { italic: true } },
  ];
}

/** Column widths of the sheet's tables, by column index. */
export function widthsOf(...layouts: ReadonlyArray<TableLayout<string>>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const l of layouts) l.columns.forEach((c, i) => {
    if (c.width !== undefined) out[l.left + i] = c.width;
  });
  return out;
}

/** An owned sheet with its heading, tables and cells. */
export function ownedSheet(
  key: NonNullable<OwnedSheet["key"]>,
  name: string,
  tables: TableSpec[],
  cells: CellWrite[],
  columnWidths: Record<number, number>,
): OwnedSheet {
  return { key, name, tables, cells, columnWidths, freeze: { rows: TABLE_TOP + 1, cols: 0 } };
}

/*
 * Conditional sums match keys with "=" inside SUMPRODUCT rather than SUMIF/COUNTIF: criteria
 * functions read "*", "?", "~" and a leading "<", ">" or "=" in the key as patterns (and
 * LibreOffice may read regular expressions), while an id or a structure name must match as is.
 */

/** Σ values where keys = key. */
export function sumWhere(keys: string, key: string, values: string): string {
  return `SUMPRODUCT((${keys}=${key})*${values})`;
}

/** How many keys = key. */
export function countWhere(keys: string, key: string): string {
  return `SUMPRODUCT((${keys}=${key})*1)`;
}
