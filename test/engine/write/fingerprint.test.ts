/**
 * Fingerprints of the add-in's sheets (issue 12): what the add-in wrote on each generated sheet
 * is hashed into the ownership record, and the next analysis names the cells a user changed on
 * a sheet it is about to regenerate — never the cells it carries over itself.
 */
import { analyse, type Analysis } from "../../../src/engine/analyse";
import { isoToSerial } from "../../../src/engine/write/context";
import { changedCells, sheetFingerprint } from "../../../src/engine/write/fingerprint";
import { decodeOwnershipRecord, encodeOwnershipRecord } from "../../../src/engine/write/ownership";
import { reconcile, type SheetInfo, type WriteState } from "../../../src/engine/write/reconcile";
import { hostMessageText } from "../../../src/engine/write/reconcile/messages";
import type { CellValue, SheetSnapshot } from "../../../src/engine/model/snapshot";
import { STATE_SHEET, type CellContent, type OwnedSheet, type OwnershipRecord, type SheetFingerprint, type WritePlan } from "../../../src/engine/write/types";
import { loadFixtureSnapshots } from "../../fixtures";

jest.setTimeout(60_000);

const OPTIONS = { asOf: "2024-12-31", review: "final" } as const;

/** What a host's reader gives back for a cell the add-in wrote. */
function readBack(content: CellContent): CellValue {
  switch (content.kind) {
    case "text":
      return content.text;
    case "number":
    case "boolean":
      return content.value;
    case "date":
      return isoToSerial(content.iso);
    case "formula":
      return content.result === undefined || content.result === "" ? null : content.result;
    case "empty":
      return null;
  }
}

/** The sheet as a host would read it back right after writing it. */
function snapshotOf(sheet: OwnedSheet): SheetSnapshot {
  const cells: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const formats: (string | null)[][] = [];
  const put = (row: number, col: number, content: CellContent, format?: string): void => {
    for (const g of [cells, formulas, formats] as unknown[][][]) while (g.length <= row) g.push([]);
    const line = cells[row] as CellValue[];
    while (line.length <= col) line.push(null);
    for (const g of [formulas[row], formats[row]] as (string | null)[][]) while (g.length <= col) g.push(null);
    line[col] = readBack(content);
    (formulas[row] as (string | null)[])[col] = content.kind === "formula" ? content.formula : null;
    (formats[row] as (string | null)[])[col] = format ?? null;
  };
  for (const t of sheet.tables) {
    t.columns.forEach((c, i) => put(t.row, t.col + i, { kind: "text", text: c.header }));
    t.rows.forEach((row, r) => row.forEach((content, i) => put(t.row + 1 + r, t.col + i, content, t.columns[i]?.numberFormat)));
  }
  for (const c of sheet.cells) put(c.row, c.col, c.content, c.style?.numberFormat);
  const width = Math.max(...cells.map((r) => r.length));
  const pad = <T,>(g: T[][]): T[][] => g.map((r) => [...r, ...new Array<T>(width - r.length).fill(null as T)]);
  return { name: sheet.name, origin: { row: 0, col: 0 }, cells: pad(cells), formulas: pad(formulas), formats: pad(formats) };
}

/** The record the reconcile step leaves when it writes `plan` on a workbook of `users`. */
function recordAfter(plan: WritePlan, users: readonly SheetSnapshot[]): OwnershipRecord {
  const sheets = new Map<string, SheetInfo>(users.map((s) => [s.name.toLowerCase(), { name: s.name, visibility: "Visible", protected: false, tables: [] }]));
  const state: WriteState = {
    sheets,
    tables: new Set(),
    recordStatus: "absent",
    record: null,
    recordRows: 0,
    structureProtected: false,
    fills: new Map(),
    notes: new Map(),
    comments: [],
    cells: new Map(),
  };
  const program = reconcile({ kind: "apply", plan }, state, "fill");
  if (!program.record) throw new Error("no record");
  return program.record;
}

const stateSnapshot = (record: OwnershipRecord): SheetSnapshot => ({ name: STATE_SHEET, origin: { row: 0, col: 0 }, cells: encodeOwnershipRecord(record).map((c) => [c]) });

interface Written {
  users: SheetSnapshot[];
  owned: SheetSnapshot[];
  record: OwnershipRecord;
  first: Analysis;
}

async function written(): Promise<Written> {
  const users = await loadFixtureSnapshots("casorate-polizia-locale");
  const first = analyse(users, OPTIONS);
  const record = recordAfter(first.writePlan, users);
  return { users, owned: first.writePlan.sheets.map(snapshotOf), record, first };
}

/** The sheet with some cells changed ({ A1: value }); `null` removes the cell's formula and value. */
function edit(sheet: SheetSnapshot, changes: Record<string, CellValue | { formula: string | null; value: CellValue }>): SheetSnapshot {
  const cells = sheet.cells.map((r) => [...r]);
  const formulas = (sheet.formulas ?? []).map((r) => [...r]);
  for (const [a1, change] of Object.entries(changes)) {
    const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
    const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row = Number(m[2]) - 1;
    while (cells.length <= row) cells.push([]);
    while (formulas.length <= row) formulas.push([]);
    const value = change !== null && typeof change === "object" ? change.value : change;
    const formula = change !== null && typeof change === "object" ? change.formula : null;
    (cells[row] as CellValue[])[col] = value;
    (formulas[row] as (string | null)[])[col] = formula;
  }
  const width = Math.max(...cells.map((r) => r.length));
  const pad = <T,>(g: T[][]): T[][] => g.map((r) => [...r, ...new Array<T>(Math.max(0, width - r.length)).fill(null as T)]);
  return { ...sheet, cells: pad(cells), formulas: pad(formulas), ...(sheet.formats ? { formats: pad(sheet.formats.map((r) => [...r])) } : {}) };
}

const editedMessages = (a: Analysis) => (a.writePlan.messages ?? []).filter((m) => m.code === "generated-sheet-edited");

function again(w: Written, changes: Record<string, Record<string, Parameters<typeof edit>[1][string]>> = {}, record: OwnershipRecord = w.record): Analysis {
  const owned = w.owned.map((s) => (changes[s.name] ? edit(s, changes[s.name] as Parameters<typeof edit>[1]) : s));
  return analyse([...w.users, ...owned, stateSnapshot(record)], OPTIONS);
}

describe("fingerprints of the generated sheets", () => {
  let w: Written;
  beforeAll(async () => {
    w = await written();
  });

  it("the record keeps one per written sheet, and a round trip decodes them", () => {
    const names = w.first.writePlan.sheets.map((s) => s.name);
    expect(Object.keys(w.record.fingerprints ?? {}).sort()).toEqual([...names].sort());
    const decoded = decodeOwnershipRecord(encodeOwnershipRecord(w.record));
    expect(decoded.status).toBe("ok");
    expect(decoded.record?.fingerprints).toEqual(w.record.fingerprints);
    expect(w.record.fingerprints?.["Obiettivi"]).toEqual(sheetFingerprint(w.first.writePlan.sheets.find((s) => s.name === "Obiettivi") as OwnedSheet));
  });

  it("the sheets read back as written: no warning", () => {
    expect(editedMessages(again(w))).toEqual([]);
  });

  it("one typed value on Obiettivi: the warning names that cell", () => {
    const messages = editedMessages(again(w, { Obiettivi: { D5: "Titolo corretto a mano" } }));
    expect(messages).toEqual([expect.objectContaining({ code: "generated-sheet-edited", severity: "warning", sheet: "Obiettivi", data: { sheet: "Obiettivi", cells: "D5", count: 1, regenerated: true } })]);
    expect(messages[0]?.message).toBe(hostMessageText("generated-sheet-edited", { sheet: "Obiettivi", cells: "D5", count: 1, regenerated: true }));
    expect(messages[0]?.message).toContain("«Obiettivi»");
    expect(messages[0]?.message).toContain("copia di sicurezza");
  });

  it("values typed in empty cells and over the add-in's: the first few named, and the count; emptied cells are not", () => {
    const messages = editedMessages(again(w, { Fasi: { Z2: "mio appunto", A5: "x", B5: "y", C5: null, D6: null, Z9: 7, Z10: true, Z11: "z" } }));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.data).toEqual({ sheet: "Fasi", cells: "Z2, A5, B5, Z9, Z10, …", count: 6, regenerated: true });
    // Only emptied cells (or a write stopped halfway): nothing typed goes, nothing said.
    expect(editedMessages(again(w, { Fasi: { A5: null, B5: null, C5: null }, Obiettivi: { D5: null } }))).toEqual([]);
  });

  it("several rows and columns changed in one band of rows: exactly the cells changed", () => {
    const messages = editedMessages(again(w, { Obiettivi: { D5: "Titolo corretto a mano", E7: 0.33, B6: "Altra struttura" } }));
    expect(messages.map((m) => m.data)).toEqual([{ sheet: "Obiettivi", cells: "D5, B6, E7", count: 3, regenerated: true }]);
  });

  it("the Nucleo's override and note on Punteggi, a note on Verifica: carried over, no warning", () => {
    const verifica = w.owned.find((s) => s.name === "Verifica") as SheetSnapshot;
    const noteCol = (verifica.cells[3] ?? []).indexOf("Note dell'utente");
    expect(noteCol).toBeGreaterThan(0);
    const letter = String.fromCharCode(65 + noteCol);
    const a = again(w, { Punteggi: { I5: 0.9, J5: "Rivisto dal Nucleo" }, Verifica: { [`${letter}5`]: "Ne parlo con il responsabile" } });
    expect(editedMessages(a)).toEqual([]);
    // Sanity: they are read back.
    expect(a.scores.objectives.some((s) => s.override?.value === 90)).toBe(true);
    const nextVerifica = a.writePlan.sheets.find((s) => s.key === "findings") as OwnedSheet;
    expect(JSON.stringify(nextVerifica.tables[0]?.rows)).toContain("Ne parlo con il responsabile");
  });

  it("a formula replaced by a typed value is named; a formula spelled differently is not", () => {
    const punteggi = w.owned.find((s) => s.name === "Punteggi") as SheetSnapshot;
    const h5 = punteggi.formulas?.[4]?.[7];
    expect(typeof h5).toBe("string");
    expect(editedMessages(again(w, { Punteggi: { H5: { formula: (h5 as string).toLowerCase(), value: 0.5 } } }))).toEqual([]);
    const typed = editedMessages(again(w, { Punteggi: { H5: 0.5 } }));
    expect(typed.map((m) => m.data)).toEqual([{ sheet: "Punteggi", cells: "H5", count: 1, regenerated: true }]);
  });

  it("a record written before fingerprints is still valid and warns of nothing", () => {
    const { fingerprints: _dropped, ...older } = w.record;
    expect(decodeOwnershipRecord(encodeOwnershipRecord(older)).status).toBe("ok");
    const a = again(w, { Obiettivi: { D5: "Titolo corretto a mano" } }, older);
    expect(editedMessages(a)).toEqual([]);
    expect(a.writePlan.messages?.some((m) => m.code === "state-unreadable")).toBe(false);
  });

  it("a fingerprint of another version or shape is ignored, the record still read", () => {
    const other: OwnershipRecord = { ...w.record, fingerprints: { Obiettivi: { version: 99, rows: "?" } as unknown as SheetFingerprint, Fasi: { version: 1, rows: 5 } as unknown as SheetFingerprint } };
    const a = again(w, { Obiettivi: { D5: "x" }, Fasi: { A5: "y" } }, other);
    expect(editedMessages(a)).toEqual([]);
    expect(a.writePlan.messages?.some((m) => m.code === "state-unreadable")).toBe(false);
  });

  it("changedCells compares numbers as a reader gives them back (15 digits)", () => {
    const sheet: OwnedSheet = { name: "X", tables: [], cells: [{ sheet: "X", row: 0, col: 0, content: { kind: "number", value: 0.1 + 0.2 } }] };
    const fp = sheetFingerprint(sheet);
    expect(changedCells({ name: "X", origin: { row: 0, col: 0 }, cells: [[0.3]] }, fp).count).toBe(0);
    expect(changedCells({ name: "X", origin: { row: 0, col: 0 }, cells: [[0.31]] }, fp)).toEqual({ cells: ["A1"], count: 1 });
  });

  it("the next record carries the plan's fingerprints for the sheets written", () => {
    const a = again(w, { Obiettivi: { D5: "Titolo corretto a mano" } });
    const next = recordAfter(a.writePlan, w.users);
    expect(next.fingerprints?.["Obiettivi"]).toEqual(a.writePlan.sheets.find((s) => s.name === "Obiettivi")?.fingerprint);
  });
});
