import { parseA1 } from "../../src/engine/cells/a1";
import type { CellValue, SheetSnapshot } from "../../src/engine/model/snapshot";

/**
 * Builds a SheetSnapshot from literal rows placed at `topLeft` ("B3"). `undefined`/"" become
 * null, as hosts do. Use `formats` for number formats at A1 addresses: { "C5": "0%" }.
 */
export function grid(
  name: string,
  topLeft: string,
  rows: ReadonlyArray<ReadonlyArray<CellValue | undefined>>,
  options: { formats?: Record<string, string>; merges?: string[]; fills?: Record<string, string> } = {},
): SheetSnapshot {
  const origin = parseA1(topLeft);
  if (!origin) throw new Error(`bad address ${topLeft}`);
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  const cells = rows.map((r) => Array.from({ length: width }, (_, i) => normalise(r[i])));
  const snapshot: SheetSnapshot = { name, origin, cells };
  if (options.formats) {
    const formats = cells.map((r) => r.map(() => null as string | null));
    for (const [addr, fmt] of Object.entries(options.formats)) {
      const at = parseA1(addr);
      if (!at) throw new Error(`bad address ${addr}`);
      const row = formats[at.row - origin.row];
      if (!row || at.col - origin.col >= row.length) throw new Error(`format outside grid: ${addr}`);
      row[at.col - origin.col] = fmt;
    }
    snapshot.formats = formats;
  }
  if (options.fills) {
    const fills = cells.map((r) => r.map(() => null as string | null));
    for (const [addr, fill] of Object.entries(options.fills)) {
      const at = parseA1(addr);
      if (!at) throw new Error(`bad address ${addr}`);
      const row = fills[at.row - origin.row];
      if (!row || at.col - origin.col >= row.length) throw new Error(`fill outside grid: ${addr}`);
      row[at.col - origin.col] = fill;
    }
    snapshot.fills = fills;
  }
  if (options.merges) {
    snapshot.merges = options.merges.map((m) => {
      const [a, b] = m.split(":");
      const s = parseA1(a ?? "");
      const e = parseA1(b ?? a ?? "");
      if (!s || !e) throw new Error(`bad merge ${m}`);
      return { top: s.row, left: s.col, bottom: e.row, right: e.col };
    });
  }
  return snapshot;
}

function normalise(v: CellValue | undefined): CellValue {
  if (v === undefined || v === "") return null;
  return v;
}

/** Splits tab-separated text (as in ../shared/domain/examples) into rows of cells. */
export function tsvRows(text: string): CellValue[][] {
  return text
    .replace(/^\n/, "")
    .replace(/\n\s*$/, "")
    .split("\n")
    .map((line) => line.split("\t").map((c) => (c.trim() === "" ? null : c.trim())));
}
