import { ExcelWorkbookHost } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { decodeOwnershipRecord, encodeOwnershipRecord, noteHash } from "../../../src/engine/write/ownership";
import { STATE_SHEET, type CellFlag, type OwnershipRecord, type WritePlan } from "../../../src/engine/write/types";
import { FakeExcel, type SheetModel } from "./fake-excel";
import { cardWorkbook } from "./workbooks";

const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });

const ERROR_FILL = "#FFC7CE";
const WARNING_FILL = "#FFEB9C";

function flag(sheet: string, top: number, left: number, bottom: number, right: number, note: string, fill = ERROR_FILL): CellFlag {
  return { sheet, top, left, bottom, right, severity: fill === ERROR_FILL ? "error" : "warning", fill, note, ruleIds: ["regola"] };
}

function plan(parts: Partial<WritePlan> = {}): WritePlan {
  return { version: 1, sheets: [], flags: [], addedCells: [], stats: { cells: 0, formulas: 0, flags: 0, tables: 0 }, ...parts };
}

const verifica: WritePlan["sheets"][number] = {
  name: "Verifica",
  key: "findings",
  tabColor: "#107C41",
  freeze: { rows: 2, cols: 0 },
  columnWidths: { 0: 20 },
  dataBars: [{ top: 2, left: 1, bottom: 3, right: 1, min: 0, max: 1, color: "#5B9BD5" }],
  pageBreaks: [2],
  cells: [{ sheet: "Verifica", row: 0, col: 0, content: { kind: "text", text: "Schede Obiettivo · Verifica" }, style: { bold: true } }],
  tables: [
    {
      name: "SO_Verifica",
      sheet: "Verifica",
      row: 1,
      col: 0,
      style: "TableStyleMedium2",
      columns: [{ header: "Foglio" }, { header: "Cella" }, { header: "Messaggio", width: 60 }, { header: "Entro il" }],
      rows: [
        [
          { kind: "text", text: "Schede 1" },
          { kind: "text", text: "B12" },
          { kind: "text", text: "=SOMMA(A1) è il testo dell'utente" },
          { kind: "date", iso: "2024-05-15" },
        ],
        [{ kind: "text", text: "Schede 1" }, { kind: "text", text: "-5 giorni" }, { kind: "formula", formula: "1+1", result: 2 }, { kind: "empty" }],
      ],
      links: [{ row: 0, col: 1, target: "'Schede 1'!B12" }],
    },
  ],
};

function record(fake: FakeExcel): OwnershipRecord | null {
  const sheet = fake.findSheet(STATE_SHEET);
  if (!sheet) return null;
  const chunks: unknown[] = [];
  for (let r = 0; sheet.cell(r, 0)?.value; r++) chunks.push(sheet.cell(r, 0)?.value);
  const decoded = decodeOwnershipRecord(chunks);
  if (decoded.status !== "ok") throw new Error(`record ${decoded.status}`);
  return decoded.record;
}

describe("ExcelWorkbookHost.applyWritePlan", () => {
  let fake: FakeExcel;
  let cards: SheetModel;
  let host: ExcelWorkbookHost;
  let uninstall: () => void;

  function setUp(excelApi = "1.18"): void {
    fake = cardWorkbook(2, 2, { excelApi });
    cards = fake.sheet("Schede 1");
    cards.notes.set("E5", "Nota del responsabile");
    cards.touch(4, 4).fill = "#00B050";
    uninstall = fake.install();
    host = new ExcelWorkbookHost({ capabilities: caps(fake) });
  }
  afterEach(() => uninstall());

  const firstPlan = (): WritePlan =>
    plan({
      sheets: [verifica],
      flags: [
        flag("Schede 1", 11, 1, 11, 2, "Schede Obiettivo · Errore\nManca il valore raggiunto."),
        flag("Schede 1", 4, 4, 4, 4, "Schede Obiettivo · Avviso\nPeso mancante.", WARNING_FILL),
      ],
      addedCells: [
        { sheet: "Schede 1", row: 15, col: 14, content: { kind: "text", text: "Completata il" }, style: { bold: true } },
        { sheet: "Schede 1", row: 15, col: 0, content: { kind: "text", text: "Non scrivere qui" } },
      ],
    });

  it("writes in one batch after two reads, with events off and calculation and screen suspended", async () => {
    setUp();
    await host.readSnapshots();
    fake.resetCounters();
    await host.applyWritePlan(firstPlan());
    expect(fake.syncs).toBe(3);
    const write = fake.batches[2];
    expect(write?.actions.slice(0, 3)).toEqual([
      "Runtime.enableEvents=false",
      "Application.suspendApiCalculationUntilNextSync",
      "Application.suspendScreenUpdatingUntilNextSync",
    ]);
    expect(write?.actions.at(-1)).toBe("Runtime.enableEvents=true");
    expect(fake.eventsEnabled).toBe(true);
  });

  it("creates the add-in's sheet with a real table, literal texts, dates, links and layout", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    const sheet = fake.sheet("Verifica");
    expect(sheet.tabColor).toBe("#107C41");
    expect(sheet.freeze).toEqual({ rows: 2, cols: 0 });
    expect(sheet.dataBars).toEqual([
      {
        box: { top: 2, left: 1, bottom: 3, right: 1 },
        settings: { lowerBoundRule: { type: "Number", formula: "0" }, upperBoundRule: { type: "Number", formula: "1" }, positiveFormat: { fillColor: "#5B9BD5" } },
      },
    ]);
    expect(sheet.pageBreaks).toEqual([3]);
    expect(sheet.cell(0, 0)).toMatchObject({ value: "Schede Obiettivo · Verifica", bold: true });
    expect(fake.tables.map((t) => [t.name, t.sheet.name, t.box])).toEqual([["SO_Verifica", "Verifica", { top: 1, left: 0, bottom: 3, right: 3 }]]);
    expect(sheet.cell(1, 2)?.value).toBe("Messaggio");
    // Text that looks like a formula or a number stays the text it was.
    expect(sheet.cell(2, 2)).toMatchObject({ value: "=SOMMA(A1) è il testo dell'utente", formula: null });
    expect(sheet.cell(3, 1)).toMatchObject({ value: "-5 giorni", formula: null });
    expect(sheet.cell(3, 2)?.formula).toBe("=1+1");
    expect(sheet.cell(2, 3)).toMatchObject({ value: 45427, numberFormat: "dd/mm/yyyy" });
    expect(sheet.cell(2, 1)?.hyperlink).toEqual({ documentReference: "'Schede 1'!B12", textToDisplay: "B12" });
    expect(sheet.columnWidths.get(0)).toBeCloseTo(113.88, 1);
    expect(sheet.columnWidths.get(2)).toBeCloseTo(341.64, 1);
  });

  it("flags cells with a fill and a note, keeps a user's note under it, and records the originals", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    expect(cards.cell(11, 1)?.fill).toBe(ERROR_FILL);
    expect(cards.cell(11, 2)?.fill).toBe(ERROR_FILL);
    expect(cards.notes.get("B12")).toBe("Schede Obiettivo · Errore\nManca il valore raggiunto.");
    expect(cards.notes.get("E5")).toBe("Schede Obiettivo · Avviso\nPeso mancante.\n\n— Nota originale —\nNota del responsabile");
    expect(cards.cell(4, 4)?.fill).toBe(WARNING_FILL);

    const state = fake.sheet(STATE_SHEET);
    expect(state.visibility).toBe("VeryHidden");
    const rec = record(fake);
    expect(rec?.sheets).toEqual(["Verifica"]);
    expect(rec?.tables).toEqual(["SO_Verifica"]);
    expect(rec?.sheetKeys).toEqual({ findings: "Verifica" });
    expect(rec?.flags).toEqual([
      { sheet: "Schede 1", top: 11, left: 1, bottom: 11, right: 2, originalFills: [null, null], originalNotes: [null], noteHash: noteHash("Schede Obiettivo · Errore\nManca il valore raggiunto."), fill: ERROR_FILL },
      {
        sheet: "Schede 1",
        top: 4,
        left: 4,
        bottom: 4,
        right: 4,
        originalFills: ["#00B050"],
        originalNotes: ["Nota del responsabile"],
        // The record keeps the hash of the note it wrote (the user's note under the add-in's).
        noteHash: noteHash("Schede Obiettivo · Avviso\nPeso mancante.\n\n— Nota originale —\nNota del responsabile"),
        fill: WARNING_FILL,
      },
    ]);
  });

  it("adds cells only where empty and says so", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    expect(cards.cell(15, 14)).toMatchObject({ value: "Completata il", bold: true });
    expect(cards.cell(15, 0)?.value).toBe("Fasi e tempi");
    expect(host.lastReport?.messages.map((m) => [m.code, m.range])).toContainEqual(["added-cell-skipped", "A16"]);
    expect(record(fake)?.addedCells).toEqual([{ sheet: "Schede 1", row: 15, col: 14, written: "Completata il" }]);
  });

  it("undoes the previous run before the next: original fills and notes back, its sheet replaced", async () => {
    setUp();
    await host.readSnapshots();
    await host.applyWritePlan(firstPlan());
    fake.resetCounters();
    await host.applyWritePlan(plan({ sheets: [verifica], flags: [flag("Schede 1", 12, 1, 12, 1, "Schede Obiettivo · Errore\nAltro.")] }));
    expect(fake.syncs).toBe(3);
    expect(cards.cell(11, 1)?.fill).toBeNull();
    expect(cards.notes.has("B12")).toBe(false);
    expect(cards.cell(4, 4)?.fill).toBe("#00B050");
    expect(cards.notes.get("E5")).toBe("Nota del responsabile");
    expect(cards.cell(12, 1)?.fill).toBe(ERROR_FILL);
    expect(cards.cell(15, 14)?.value).toBe("");
    expect(fake.sheets.filter((s) => s.name === "Verifica")).toHaveLength(1);
    expect(fake.tables).toHaveLength(1);
  });

  it("leaves what the user changed since: a re-coloured cell, an edited note, a retyped cell", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    cards.touch(11, 2).fill = "#0070C0";
    cards.notes.set("E5", "Visto, correggo io");
    cards.touch(15, 14).value = "Fatto";
    await host.clearAddinContent();
    expect(cards.cell(11, 1)?.fill).toBeNull();
    expect(cards.cell(11, 2)?.fill).toBe("#0070C0");
    expect(cards.notes.get("E5")).toBe("Visto, correggo io");
    expect(cards.cell(4, 4)?.fill).toBe("#00B050");
    expect(cards.cell(15, 14)?.value).toBe("Fatto");
    expect(host.lastReport?.messages.map((m) => m.code)).toContain("added-cell-kept");
  });

  it("clears everything it added and removes its state sheet", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    await host.clearAddinContent();
    expect(fake.findSheet("Verifica")).toBeUndefined();
    expect(fake.findSheet(STATE_SHEET)).toBeUndefined();
    expect(fake.tables).toHaveLength(0);
    expect(cards.notes.get("E5")).toBe("Nota del responsabile");
    expect(cards.notes.has("B12")).toBe(false);
    expect(cards.cell(4, 4)?.fill).toBe("#00B050");
    expect(cards.cell(15, 14)?.value).toBe("");
  });

  it("clears a record of an older version, which kept the notes' texts instead of their hashes", async () => {
    setUp();
    await host.applyWritePlan(firstPlan());
    const rec = record(fake) as OwnershipRecord;
    const texts = new Map([
      ["11:1", "Schede Obiettivo · Errore\nManca il valore raggiunto."],
      ["4:4", "Schede Obiettivo · Avviso\nPeso mancante.\n\n— Nota originale —\nNota del responsabile"],
    ]);
    const old: OwnershipRecord = { ...rec, flags: rec.flags.map(({ noteHash: _h, ...f }) => ({ ...f, note: texts.get(`${f.top}:${f.left}`) as string })) };
    const state = fake.sheet(STATE_SHEET);
    for (let r = 0; state.cell(r, 0)?.value; r++) state.touch(r, 0).value = "";
    encodeOwnershipRecord(old).forEach((chunk, r) => (state.touch(r, 0).value = chunk));
    expect(record(fake)?.flags.map((f) => f.note !== undefined && f.noteHash === undefined)).toEqual([true, true]);
    await new ExcelWorkbookHost({ capabilities: caps(fake) }).clearAddinContent();
    expect(cards.notes.get("E5")).toBe("Nota del responsabile");
    expect(cards.notes.has("B12")).toBe(false);
    expect(cards.cell(4, 4)?.fill).toBe("#00B050");
    expect(cards.cell(11, 1)?.fill ?? null).toBeNull();
  });

  it("reads what the previous run touched in one more round trip when its record is new to this host", async () => {
    setUp();
    await new ExcelWorkbookHost({ capabilities: caps(fake) }).applyWritePlan(firstPlan());
    fake.resetCounters();
    await host.clearAddinContent();
    expect(fake.syncs).toBe(4);
    expect(cards.notes.get("E5")).toBe("Nota del responsabile");
    expect(cards.cell(15, 14)?.value).toBe("");
  });

  it("undoes a record written by the .xlsx host (ExcelJS fill models)", async () => {
    setUp();
    const xlsxRecord: OwnershipRecord = {
      version: 1,
      sheets: [],
      tables: [],
      addedCells: [],
      flags: [
        {
          sheet: "Schede 1",
          top: 20,
          left: 0,
          bottom: 20,
          right: 1,
          originalFills: [JSON.stringify({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } }), null],
          originalNotes: [null, null],
          note: "Schede Obiettivo · Errore\nx",
          fill: ERROR_FILL,
        },
      ],
    };
    cards.touch(20, 0).fill = ERROR_FILL;
    cards.touch(20, 1).fill = ERROR_FILL;
    cards.notes.set("A21", "Schede Obiettivo · Errore\nx");
    const state = fake.addSheet(STATE_SHEET);
    state.visibility = "VeryHidden";
    state.touch(0, 0).value = JSON.stringify(xlsxRecord);
    await host.clearAddinContent();
    expect(cards.cell(20, 0)?.fill).toBe("#FFFF00");
    expect(cards.cell(20, 1)?.fill).toBeNull();
    expect(cards.notes.has("A21")).toBe(false);
  });

  it("falls back to threaded comments on ExcelApi 1.10–1.17, never touching a user's comment", async () => {
    setUp("1.12");
    fake.comments.push({ id: "utente-1", sheet: cards, row: 4, col: 4, content: "Commento dell'utente" });
    await host.applyWritePlan(firstPlan());
    expect(cards.notes.size).toBe(1); // only the user's note, untouched
    expect(fake.comments.map((c) => [c.row, c.col, c.content])).toEqual([
      [4, 4, "Commento dell'utente"],
      [11, 1, "Schede Obiettivo · Errore\nManca il valore raggiunto."],
    ]);
    expect(record(fake)?.flags.every((f) => f.originalNotes.length === 0 && f.note === undefined)).toBe(true);
    await host.clearAddinContent();
    expect(fake.comments.map((c) => c.id)).toEqual(["utente-1"]);
    expect(cards.cell(11, 1)?.fill).toBeNull();
  });

  it("uses fills alone on ExcelApi 1.9", async () => {
    setUp("1.9");
    await host.applyWritePlan(firstPlan());
    expect(cards.notes.get("E5")).toBe("Nota del responsabile");
    expect(fake.comments).toHaveLength(0);
    expect(cards.cell(11, 1)?.fill).toBe(ERROR_FILL);
  });

  it("skips a protected sheet with a message instead of failing the batch", async () => {
    setUp();
    cards.protected = true;
    await host.applyWritePlan(firstPlan());
    expect(cards.cell(11, 1)?.fill).toBeNull();
    expect(host.lastReport?.messages.map((m) => m.code)).toEqual(expect.arrayContaining(["flag-skipped-protected", "added-cell-skipped"]));
    expect(fake.findSheet("Verifica")).toBeDefined();
  });

  it("does not replace a user's sheet that has the name of one of its sheets", async () => {
    setUp();
    fake.addSheet("Verifica").put("A1", [["Appunti miei"]]);
    await host.applyWritePlan(firstPlan());
    expect(fake.sheet("Verifica").cell(0, 0)?.value).toBe("Appunti miei");
    expect(host.lastReport?.messages.map((m) => m.code)).toContain("sheet-name-taken");
  });

  it("splits a plan over 5 MB into batches under the limit, events back on only at the end", async () => {
    setUp();
    const rows = Array.from({ length: 80_000 }, (_, r) => [
      { kind: "text" as const, text: `Obiettivo ${r} — descrizione sintetica dell'obiettivo` },
      { kind: "number" as const, value: r },
      { kind: "text" as const, text: "Polizia Locale" },
    ]);
    const big = plan({
      sheets: [{ name: "Obiettivi", tables: [{ name: "SO_Obiettivi", sheet: "Obiettivi", row: 0, col: 0, style: "TableStyleLight9", columns: [{ header: "Titolo" }, { header: "N." }, { header: "Struttura" }], rows }], cells: [] }],
    });
    fake.resetCounters();
    const outcome = await host.write({ kind: "apply", plan: big });
    expect(outcome.batches).toBeGreaterThan(1);
    const writes = fake.batches.slice(-outcome.batches);
    for (const b of writes) {
      expect(b.failed).toBeUndefined();
      expect(b.requestBytes).toBeLessThanOrEqual(5_000_000);
      expect(b.actions[0]).toBe("Runtime.enableEvents=false");
    }
    expect(writes.filter((b) => b.actions.includes("Runtime.enableEvents=true"))).toEqual([writes.at(-1)]);
    const sheet = fake.sheet("Obiettivi");
    expect(sheet.cell(80_000, 0)?.value).toBe("Obiettivo 79999 — descrizione sintetica dell'obiettivo");
    expect(fake.tables.find((t) => t.name === "SO_Obiettivi")?.box).toEqual({ top: 0, left: 0, bottom: 80_000, right: 2 });
  });

  it("refuses to write when a user's sheet is called SO_Stato", async () => {
    setUp();
    fake.addSheet(STATE_SHEET).put("A1", [["Il mio stato"]]);
    const report = await host.applyWritePlan(firstPlan());
    expect(report.messages.map((m) => m.code)).toContain("state-sheet-taken");
    expect(fake.findSheet("Verifica")).toBeUndefined();
  });
});
