/**
 * What a layout reader is. Each layout file (layout-a.ts, layout-b.ts, layout-c.ts) exports one
 * `LayoutReader`; `layouts.ts` lists them in the order they read a sheet. Adding a layout is one
 * file, one entry in that list, and its tests.
 */
import type { Layout } from "../model/plan";
import type { CellReader, StructureDraft } from "./context";
import type { Region } from "./sheet";
import type { WeightRow } from "./weight-table";

/** A structure as one layout reader saw it on one sheet. */
export interface LayoutStructure {
  draft: StructureDraft;
  /** Rows of the structure's weight table (layout A); joined to its cards once sheets are merged. */
  weightRows: WeightRow[];
  /** True when the name comes from a card's "Settore" cell or the sheet name, not from a header. */
  nameFromCard: boolean;
}

export interface LayoutReader {
  /** The layout ids its objectives carry (A's cards with the add-in's "Peso %" column are "addin"). */
  ids: readonly Layout[];
  /** Italian name shown in the reading report. */
  name: string;
  /**
   * Reads the layout's cards and tables from a sheet, outside `claimed` (what readers listed
   * before it read); returns its structures and the regions it read.
   */
  read(cr: CellReader, claimed: readonly Region[]): { structures: LayoutStructure[]; claimed: Region[] };
  /**
   * Where the review columns ("Completata il", "Note verifica", "Valore raggiunto") go for its
   * objectives: beside each indicator table, and whether the phase table (when there is no
   * cronoprogramma) also takes "Valore raggiunto" (a layout whose indicators sit on phase rows)
   * and runs to the card's bottom.
   */
  review: { indicatorTables: boolean; actualInPhaseTable: boolean; phaseTableToCardBottom: boolean };
}

/** Identity helper that checks a layout reader's shape. */
export function defineLayout(reader: LayoutReader): LayoutReader {
  return reader;
}
