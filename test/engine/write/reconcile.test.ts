/**
 * The reconcile step on literal states, one concern at a time: what the write path decides
 * for both hosts (undo, sheets, tables, flags, notes, added cells, record, refusals).
 */
import {
  type FillNow,
  type SheetInfo,
  type WriteMode,
  type WriteOp,
  type WriteState,
  cellKey,
  reconcile,
  stateNeeds,
  tokenColor,
} from "../../../src/engine/write/reconcile";
import { noteHash } from "../../../src/engine/write/ownership";
import type { CellFlag, OwnershipRecord, WritePlan } from "../../../src/engine/write/types";

const SCHEDE: SheetInfo = { name: "Schede", visibility: "Visible", protected: false, tables: [] };
const STATO: SheetInfo = { name: "SO_Stato", visibility: "VeryHidden", protected: false, tables: [] };

function state(extra: Partial<WriteState> = {}, sheets: SheetInfo[] = [SCHEDE]): WriteState {
  return {
    sheets: new Map(sheets.map((s) => [s.name.toLowerCase(), s])),
    tables: new Set(sheets.flatMap((s) => s.tables ?? []).map((t) => t.toLowerCase())),
    recordStatus: extra.record ? "ok" : "absent",
    record: null,
    recordRows: 0,
    structureProtected: false,
    fills: new Map(),
    notes: new Map(),
    comments: [],
    cells: new Map(),
    ...extra,
  };
}

const plan = (p: Partial<WritePlan> = {}): WritePlan => ({ version: 1, sheets: [], flags: [], addedCells: [], stats: { cells: 0, formulas: 0, flags: 0, tables: 0 }, ...p });
const apply = (p: Partial<WritePlan> = {}): WriteMode => ({ kind: "apply", plan: plan(p) });
const flag = (top: number, left: number, bottom = top, right = left, note = "Schede Obiettivo · Errore\nmanca il peso"): CellFlag => ({
  sheet: "Schede",
  top,
  left,
  bottom,
  right,
  severity: "error",
  fill: "#FFC7CE",
  note,
  ruleIds: [],
});
const fill = (color: string | null, extra: Partial<FillNow> = {}): FillNow => ({ color, token: color, ...extra });
const kinds = (ops: readonly WriteOp[]): string[] => ops.map((o) => o.kind);

const PREVIOUS: OwnershipRecord = {
  version: 1,
  sheets: [],
  tables: [],
  addedCells: [],
  flags: [{ sheet: "Schede", top: 2, left: 1, bottom: 2, right: 2, originalFills: ["#00B050", null], originalNotes: ["Nota utente"], note: "Schede Obiettivo · Errore\nx", fill: "#FFC7CE" }],
};

describe("recorded fills", () => {
  it("are read from either host's record", () => {
    expect(tokenColor("#ffeb9c")).toBe("#FFEB9C");
    expect(tokenColor(JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FF00B050" } }))).toBe("#00B050");
    expect(tokenColor(JSON.stringify({ type: "pattern", pattern: "darkGray", fgColor: { theme: 1 } }))).toBeNull();
    expect(tokenColor("{rotto")).toBeNull();
  });
});

describe("needs", () => {
  const sheets = new Map([["schede", SCHEDE]]);
  it("asks for the fills and notes the undo needs, given the record it knows", () => {
    const needs = stateNeeds({ kind: "clear" }, PREVIOUS, sheets, "note");
    expect(needs.fillRanges).toEqual([{ sheet: "Schede", top: 2, left: 1, bottom: 2, right: 2 }]);
    expect(needs.noteCells).toEqual([{ sheet: "Schede", row: 2, col: 1 }]);
    expect(stateNeeds({ kind: "clear" }, PREVIOUS, sheets, "fill").noteCells).toEqual([]);
    expect(stateNeeds({ kind: "clear" }, PREVIOUS, sheets, "note", { indexNotes: true }).noteSheets).toEqual(["Schede"]);
  });

  it("asks for nothing on a protected sheet but A1 of a sheet in the way", () => {
    const locked = new Map([["schede", { ...SCHEDE, protected: true }]]);
    const needs = stateNeeds(apply({ flags: [flag(1, 1)], sheets: [{ name: "Schede", cells: [], tables: [] }] }), null, locked, "note");
    expect(needs).toEqual({ fillRanges: [], noteCells: [], cells: [{ sheet: "Schede", row: 0, col: 0 }], noteSheets: [] });
  });
});

describe("undo", () => {
  it("gives back each cell's original only where the add-in's fill is still there", () => {
    const s = state({ record: PREVIOUS, fills: new Map([[cellKey("Schede", 2, 1), fill("#FFC7CE")], [cellKey("Schede", 2, 2), fill("#123456")]]) });
    const program = reconcile({ kind: "clear" }, s, "fill");
    const restore = program.ops.find((o) => o.kind === "restoreFills");
    expect(restore).toMatchObject({ fills: [["#00B050", undefined]] });
    expect(program.report.flagsRemoved).toBe(1);
  });

  it("keeps the note part of a flag for a host that can write notes, when this one cannot", () => {
    const s = state({ record: PREVIOUS, fills: new Map([[cellKey("Schede", 2, 1), fill("#FFC7CE")], [cellKey("Schede", 2, 2), fill("#FFC7CE")]]) });
    const program = reconcile({ kind: "clear" }, s, "fill");
    expect(program.ops.filter((o) => o.kind === "restoreFills")).toHaveLength(1);
    expect(program.record?.flags).toEqual([{ ...PREVIOUS.flags[0], originalFills: [] }]);
  });

  it("puts the user's note back only when the cell still shows the add-in's", () => {
    const base = { record: PREVIOUS, fills: new Map([[cellKey("Schede", 2, 1), fill("#FFC7CE")]]) };
    const untouched = reconcile({ kind: "clear" }, state({ ...base, notes: new Map([[cellKey("Schede", 2, 1), { text: "Schede Obiettivo · Errore\nx" }]]) }), "note");
    expect(untouched.ops.find((o) => o.kind === "note")).toMatchObject({ text: "Nota utente", now: "Schede Obiettivo · Errore\nx" });
    const edited = reconcile({ kind: "clear" }, state({ ...base, notes: new Map([[cellKey("Schede", 2, 1), { text: "risolto" }]]) }), "note");
    expect(edited.ops.some((o) => o.kind === "note")).toBe(false);
  });

  it("leaves a flag that moved and was not found, with a warning; finds it by its note where the host indexed notes", () => {
    const two: OwnershipRecord = {
      ...PREVIOUS,
      flags: [PREVIOUS.flags[0]!, { sheet: "Schede", top: 5, left: 1, bottom: 5, right: 1, originalFills: [null], originalNotes: [null], note: "Schede Obiettivo · Errore\ny", fill: "#FFC7CE" }],
    };
    // Two rows inserted above both: row 2 now shows nothing, row 5 shows the first flag's note.
    const notes = new Map([
      [cellKey("Schede", 2, 1), null],
      [cellKey("Schede", 5, 1), { text: "Schede Obiettivo · Errore\nx" }],
    ]);
    const blind = reconcile({ kind: "clear" }, state({ record: two, notes }), "note");
    expect(blind.report.messages.map((m) => m.code)).toEqual(["flag-not-found"]);
    const index = new Map([["schede", new Map([["Schede Obiettivo · Errore\nx", [{ row: 5, col: 1 }]], ["Schede Obiettivo · Errore\ny", [{ row: 8, col: 1 }]]])]]);
    const fills = new Map([[cellKey("Schede", 8, 1), fill("#FFC7CE")], [cellKey("Schede", 5, 1), fill("#FFC7CE")], [cellKey("Schede", 5, 2), fill("#FFC7CE")]]);
    const found = reconcile({ kind: "clear" }, state({ record: two, notes, noteIndex: index, fills }), "note");
    expect(found.report.messages).toEqual([]);
    expect(found.ops.filter((o) => o.kind === "restoreFills").map((o) => (o.kind === "restoreFills" ? o.bounds.top : -1))).toEqual([8, 5]);
  });

  // The record keeps a hash of each note the add-in wrote; records written before carry the text.
  const hashed = (r: OwnershipRecord): OwnershipRecord => ({
    ...r,
    flags: r.flags.map(({ note, ...f }) => (note === undefined ? f : { ...f, noteHash: noteHash(note) })),
  });
  it.each([
    ["note hashes", hashed],
    ["note texts (older records)", (r: OwnershipRecord) => r],
  ])("recognises the add-in's note by the record's %s: the user's note back, a moved flag found", (_, form) => {
    const base = { record: form(PREVIOUS), fills: new Map([[cellKey("Schede", 2, 1), fill("#FFC7CE")]]) };
    const untouched = reconcile({ kind: "clear" }, state({ ...base, notes: new Map([[cellKey("Schede", 2, 1), { text: "Schede Obiettivo · Errore\nx" }]]) }), "note");
    expect(untouched.ops.find((o) => o.kind === "note")).toMatchObject({ text: "Nota utente", now: "Schede Obiettivo · Errore\nx" });
    const edited = reconcile({ kind: "clear" }, state({ ...base, notes: new Map([[cellKey("Schede", 2, 1), { text: "risolto" }]]) }), "note");
    expect(edited.ops.some((o) => o.kind === "note")).toBe(false);
    const two = form({
      ...PREVIOUS,
      flags: [PREVIOUS.flags[0]!, { sheet: "Schede", top: 5, left: 1, bottom: 5, right: 1, originalFills: [null], originalNotes: [null], note: "Schede Obiettivo · Errore\ny", fill: "#FFC7CE" }],
    });
    const notes = new Map([
      [cellKey("Schede", 2, 1), null],
      [cellKey("Schede", 5, 1), { text: "Schede Obiettivo · Errore\nx" }],
    ]);
    expect(reconcile({ kind: "clear" }, state({ record: two, notes }), "note").report.messages.map((m) => m.code)).toEqual(["flag-not-found"]);
    const index = new Map([["schede", new Map([["Schede Obiettivo · Errore\nx", [{ row: 5, col: 1 }]], ["Schede Obiettivo · Errore\ny", [{ row: 8, col: 1 }]]])]]);
    const fills = new Map([[cellKey("Schede", 8, 1), fill("#FFC7CE")], [cellKey("Schede", 5, 1), fill("#FFC7CE")], [cellKey("Schede", 5, 2), fill("#FFC7CE")]]);
    const found = reconcile({ kind: "clear" }, state({ record: two, notes, noteIndex: index, fills }), "note");
    expect(found.report.messages).toEqual([]);
    expect(found.ops.filter((o) => o.kind === "restoreFills").map((o) => (o.kind === "restoreFills" ? o.bounds.top : -1))).toEqual([8, 5]);
  });

  it("records a hash of the note it writes, not the text", () => {
    const s = state({ fills: new Map([[cellKey("Schede", 1, 1), fill(null)]]), notes: new Map([[cellKey("Schede", 1, 1), null]]) });
    const program = reconcile(apply({ flags: [flag(1, 1)] }), s, "note");
    const text = (program.ops.find((o) => o.kind === "note") as { text: string }).text;
    expect(program.record?.flags[0]).toMatchObject({ noteHash: noteHash(text) });
    expect(program.record?.flags[0]?.note).toBeUndefined();
    expect(noteHash(text)).toMatch(/^[0-9a-f]{16}$/);
  });

  it("clears an added cell only while it holds what the add-in wrote; an emptied one is simply gone", () => {
    const record: OwnershipRecord = { ...PREVIOUS, flags: [], addedCells: [{ sheet: "Schede", row: 0, col: 5, written: "Valore raggiunto" }, { sheet: "Schede", row: 0, col: 6, written: "Note" }, { sheet: "Schede", row: 0, col: 7, written: "X" }] };
    const cells = new Map([
      [cellKey("Schede", 0, 5), { value: "Valore raggiunto", formula: "Valore raggiunto" }],
      [cellKey("Schede", 0, 6), { value: "mie note", formula: "mie note" }],
      [cellKey("Schede", 0, 7), { value: "", formula: "" }],
    ]);
    const program = reconcile({ kind: "clear" }, state({ record, cells }), "note");
    expect(program.ops.filter((o) => o.kind === "clearCell")).toEqual([{ kind: "clearCell", sheet: "Schede", row: 0, col: 5 }]);
    expect(program.report.messages.map((m) => [m.code, m.range])).toEqual([["added-cell-kept", "G1"]]);
  });
});

describe("sheets and tables", () => {
  const owned = (name: string, table = `SO_${name}`) => ({ name, cells: [{ sheet: name, row: 0, col: 0, content: { kind: "text" as const, text: `Schede Obiettivo · ${name}` } }], tables: [{ name: table, sheet: name, row: 2, col: 0, columns: [{ header: "A" }], rows: [], style: "TableStyleMedium2" }] });

  it("writes a user's table name taken as _2, and says so", () => {
    const user: SheetInfo = { name: "Dati", visibility: "Visible", protected: false, tables: ["SO_Verifica"] };
    const program = reconcile(apply({ sheets: [owned("Verifica")] }), state({}, [SCHEDE, user]), "note");
    expect(program.ops.find((o) => o.kind === "sheetContent")).toMatchObject({ tableNames: ["SO_Verifica_2"] });
    expect(program.report.messages.map((m) => [m.code, m.data])).toEqual([["table-name-taken", { sheet: "Verifica", wanted: "SO_Verifica", used: "SO_Verifica_2" }]]);
  });

  it("never replaces a user's sheet that has the name; replaces a generated one whose record was lost", () => {
    const theirs: SheetInfo = { name: "Verifica", visibility: "Visible", protected: false, tables: [] };
    const refused = reconcile(apply({ sheets: [owned("Verifica")] }), state({ cells: new Map([[cellKey("Verifica", 0, 0), { value: "Schede Obiettivo · copia", formula: "" }]]) }, [SCHEDE, theirs]), "note");
    expect(refused.report.messages.map((m) => m.code)).toEqual(["sheet-name-taken"]);
    expect(kinds(refused.ops)).not.toContain("deleteSheet");
    const generated: SheetInfo = { ...theirs, tables: ["SO_Verifica"] };
    const replaced = reconcile(apply({ sheets: [owned("Verifica")] }), state({ cells: new Map([[cellKey("Verifica", 0, 0), { value: "Schede Obiettivo · Verifica", formula: "" }]]) }, [SCHEDE, generated]), "note");
    expect(kinds(replaced.ops).slice(0, 2)).toEqual(["deleteSheet", "addSheet"]);
  });

  it("orders the tabs: the user's as they were, the add-in's in the plan's order, the state sheet last", () => {
    const prev: OwnershipRecord = { version: 1, sheets: ["Metodologia"], tables: ["SO_Metodologia"], flags: [], addedCells: [] };
    const metodologia: SheetInfo = { name: "Metodologia", visibility: "Visible", protected: false, tables: ["SO_Metodologia"] };
    const s = state({ record: prev }, [SCHEDE, metodologia, STATO]);
    const program = reconcile(apply({ sheets: [owned("Verifica"), { ...owned("Metodologia"), keepIfExists: true }] }), s, "note");
    expect(program.ops.filter((o) => o.kind === "moveSheetToEnd").map((o) => (o.kind === "moveSheetToEnd" ? o.sheet : ""))).toEqual(["Metodologia", "SO_Stato"]);
  });

  it("deletes a very hidden sheet as such (Excel must unhide it first)", () => {
    const prev: OwnershipRecord = { version: 1, sheets: [], tables: [], flags: [], addedCells: [] };
    const program = reconcile({ kind: "clear" }, state({ record: prev }, [SCHEDE, STATO]), "note");
    expect(program.ops).toEqual([{ kind: "deleteSheet", sheet: "SO_Stato", veryHidden: true }]);
  });
});

describe("flags", () => {
  it("keeps the user's note under the add-in's and records the true originals where flags overlap", () => {
    const s = state({ fills: new Map([[cellKey("Schede", 1, 1), fill("#00FF00")], [cellKey("Schede", 1, 2), fill(null)]]), notes: new Map([[cellKey("Schede", 1, 1), { text: "mia" }]]) });
    const program = reconcile(apply({ flags: [flag(1, 1, 1, 2), flag(1, 2, 1, 2, "")] }), s, "note");
    const note = program.ops.find((o) => o.kind === "note");
    expect(note).toMatchObject({ text: "Schede Obiettivo · Errore\nmanca il peso\n\n— Nota originale —\nmia", now: "mia" });
    expect(program.record?.flags.map((f) => f.originalFills)).toEqual([["#00FF00", null], [null]]);
  });

  it("skips a protected sheet once, with one message", () => {
    const s = state({}, [{ ...SCHEDE, protected: true }]);
    const program = reconcile(apply({ flags: [flag(1, 1), flag(3, 1)] }), s, "note");
    expect(program.report.messages.map((m) => m.code)).toEqual(["flag-skipped-protected"]);
    expect(kinds(program.ops)).toEqual(["addSheet", "writeRecord"]);
  });
});

describe("added cells", () => {
  const header = { sheet: "Schede", row: 0, col: 4, content: { kind: "text" as const, text: "Valore raggiunto" } };
  it("go only where the cell is empty and not merged", () => {
    const at = cellKey("Schede", 0, 4);
    const empty = reconcile(apply({ addedCells: [header] }), state({ cells: new Map([[at, { value: "", formula: "" }]]) }), "note");
    expect(kinds(empty.ops)).toContain("writeCell");
    const typed = reconcile(apply({ addedCells: [header] }), state({ cells: new Map([[at, { value: 5, formula: 5 }]]) }), "note");
    expect(typed.report.messages.map((m) => m.data)).toEqual([{ sheet: "Schede", range: "E1", reason: "not-empty" }]);
    const merged = reconcile(apply({ addedCells: [header] }), state({ cells: new Map([[at, { value: "", formula: "", merged: true }]]) }), "note");
    expect(merged.report.messages.map((m) => m.data?.reason)).toEqual(["merged"]);
  });
});

describe("refusals", () => {
  it("a user's SO_Stato (visible, with something in it that is not a record): nothing written, said", () => {
    const theirs: SheetInfo = { name: "SO_Stato", visibility: "Visible", protected: false, tables: [], empty: false };
    for (const recordStatus of ["absent", "unreadable"] as const) {
      const program = reconcile(apply({ flags: [flag(1, 1)] }), state({ recordStatus }, [SCHEDE, theirs]), "note");
      expect(program.ops).toEqual([]);
      expect(program.report.messages.map((m) => [m.code, m.severity])).toEqual([["state-sheet-taken", "error"]]);
    }
    // An empty one is used, and hidden.
    const empty = reconcile(apply({ flags: [flag(1, 1)] }), state({ recordStatus: "absent" }, [SCHEDE, { ...theirs, empty: true }]), "note");
    expect(kinds(empty.ops).slice(0, 2)).toEqual(["hideSheet", "writeRecord"]);
  });

  it("a damaged record: nothing written; clear removes only the record", () => {
    const s = state({ recordStatus: "unreadable" }, [SCHEDE, STATO]);
    expect(reconcile(apply({ flags: [flag(1, 1)] }), s, "note").ops).toEqual([]);
    const clear = reconcile({ kind: "clear" }, s, "note");
    expect(clear.ops).toEqual([{ kind: "deleteSheet", sheet: "SO_Stato", veryHidden: true }]);
    expect(clear.report.messages.map((m) => [m.code, m.severity])).toEqual([["state-unreadable", "warning"]]);
  });

  it("a protected workbook structure: nothing written when a sheet would be added", () => {
    const program = reconcile(apply({ flags: [flag(1, 1)] }), state({ structureProtected: true }), "note");
    expect(program.ops).toEqual([]);
    expect(program.report.messages.map((m) => m.code)).toEqual(["workbook-protected"]);
  });

  it("writes nothing but the record's removal when clearing a workbook it never touched", () => {
    const program = reconcile({ kind: "clear" }, state(), "note");
    expect(program.ops).toEqual([]);
    expect(program.record).toBeNull();
  });
});

describe("order", () => {
  it("undoes first, then removes sheets, then writes the record, then the new content", () => {
    const prev: OwnershipRecord = { ...PREVIOUS, sheets: ["Verifica"], tables: ["SO_Verifica"] };
    const verifica: SheetInfo = { name: "Verifica", visibility: "Visible", protected: false, tables: ["SO_Verifica"] };
    const s = state({ record: prev, fills: new Map([[cellKey("Schede", 2, 1), fill("#FFC7CE")]]), notes: new Map([[cellKey("Schede", 2, 1), { text: "Schede Obiettivo · Errore\nx" }]]) }, [SCHEDE, verifica, STATO]);
    const program = reconcile(apply({ flags: [flag(2, 1)], sheets: [{ name: "Verifica", cells: [], tables: [{ name: "SO_Verifica", sheet: "Verifica", row: 2, col: 0, columns: [{ header: "A" }], rows: [], style: "TableStyleMedium2" }] }] }), s, "note");
    expect(kinds(program.ops)).toEqual(["restoreFills", "note", "deleteSheet", "writeRecord", "addSheet", "sheetContent", "fill", "note", "moveSheetToEnd"]);
  });
});
