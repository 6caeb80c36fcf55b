import { ExcelWorkbookHost, type CardChange } from "../../../src/hosts/excel/host";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { BlockDebouncer, decideChange } from "../../../src/hosts/excel/live-validation";
import { OwnWrites } from "../../../src/hosts/excel/own-writes";
import type { CellRange } from "../../../src/engine";
import type { CellFlag } from "../../../src/engine/write/types";
import { FakeExcel } from "./fake-excel";
import { CARD_HEIGHT, cardWorkbook } from "./workbooks";
import { ManualTimers } from "../../helpers/manual-timers";


const caps = (fake: FakeExcel) => detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") });

/** Cards are stacked CARD_HEIGHT rows apart in column A…M. */
const cardBlock = (_sheet: string, changed: CellRange): CellRange | null => {
  if (changed.left > 12) return null;
  const top = Math.floor(changed.top / CARD_HEIGHT) * CARD_HEIGHT;
  return { top, left: 0, bottom: top + CARD_HEIGHT - 1, right: 12 };
};

describe("BlockDebouncer", () => {
  it("flushes a block once after the quiet time, restarting it on every edit", async () => {
    const timers = new ManualTimers();
    const flushed: string[] = [];
    const d = new BlockDebouncer(500, async (sheet, b) => void flushed.push(`${sheet}:${b.top}`), timers);
    const block = { top: 0, left: 0, bottom: 29, right: 12 };
    d.push("S", block);
    timers.advance(400);
    d.push("S", block);
    timers.advance(400);
    expect(flushed).toEqual([]);
    timers.advance(100);
    await d.idle();
    expect(flushed).toEqual(["S:0"]);
  });

  it("keeps blocks apart and never runs one block twice at once", async () => {
    const timers = new ManualTimers();
    const flushed: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const d = new BlockDebouncer(
      100,
      async (sheet, b) => {
        flushed.push(`${sheet}:${b.top}`);
        if (flushed.length === 1) await gate;
      },
      timers,
    );
    const a = { top: 0, left: 0, bottom: 29, right: 12 };
    const b = { top: 30, left: 0, bottom: 59, right: 12 };
    d.push("S", a);
    d.push("S", b);
    timers.advance(100);
    d.push("S", a);
    timers.advance(100);
    expect(flushed).toEqual(["S:0", "S:30"]);
    release();
    await d.idle();
    expect(flushed).toEqual(["S:0", "S:30", "S:0"]);
  });

  it("drops waiting blocks when cancelled", () => {
    const timers = new ManualTimers();
    const d = new BlockDebouncer(100, async () => undefined, timers);
    d.push("S", { top: 0, left: 0, bottom: 1, right: 1 });
    expect(d.pending).toBe(1);
    d.cancelAll();
    expect(d.pending).toBe(0);
  });
});

describe("decideChange", () => {
  const own = new OwnWrites(() => 0);
  it.each([
    [{ address: "B12", changeType: "RangeEdited" }, "block"],
    [{ address: "B12", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" }, "ignore"],
    [{ address: "A5:XFD5", changeType: "RowInserted" }, "structure"],
    [{ address: "Z12", changeType: "RangeEdited" }, "ignore"],
    [{ address: "not an address", changeType: "RangeEdited" }, "ignore"],
  ])("%j → %s", (event, kind) => {
    expect(decideChange("S", event, own, cardBlock).kind).toBe(kind);
  });

  it("ignores a change inside what the add-in is writing, not one that spills out of it", () => {
    let now = 0;
    const writes = new OwnWrites(() => now, 1000);
    const end = writes.begin([{ sheet: "S", top: 10, left: 0, bottom: 12, right: 3 }]);
    expect(decideChange("s", { address: "B11:C12", changeType: "RangeEdited" }, writes, cardBlock).kind).toBe("ignore");
    expect(decideChange("S", { address: "B11:E12", changeType: "RangeEdited" }, writes, cardBlock).kind).toBe("block");
    end();
    now = 999;
    expect(decideChange("S", { address: "B11", changeType: "RangeEdited" }, writes, cardBlock).kind).toBe("ignore");
    now = 1001;
    expect(decideChange("S", { address: "B11", changeType: "RangeEdited" }, writes, cardBlock).kind).toBe("block");
  });
});

describe("ExcelWorkbookHost.watchCardChanges", () => {
  let fake: FakeExcel;
  let timers: ManualTimers;
  let host: ExcelWorkbookHost;
  let uninstall: () => void;
  let changes: CardChange[];
  let structure: string[];
  let stop: () => Promise<void>;

  async function setUp(excelApi = "1.18", leakOwnEvents = false): Promise<void> {
    fake = cardWorkbook(3, 3, { excelApi, leakOwnEvents });
    uninstall = fake.install();
    timers = new ManualTimers();
    host = new ExcelWorkbookHost({ capabilities: caps(fake), timers, now: () => timers.now });
    await host.readSnapshots();
    changes = [];
    structure = [];
    stop = await host.watchCardChanges({
      locateBlock: cardBlock,
      onCardChanged: (c) => void changes.push(c),
      onStructureChanged: (s) => void structure.push(s),
      debounceMs: 600,
    });
  }
  afterEach(async () => {
    await stop();
    uninstall();
  });

  async function settle(ms: number): Promise<void> {
    await fake.eventsDelivered();
    timers.advance(ms);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }

  it("re-reads only the edited card, once the typing pauses, in one sync", async () => {
    await setUp();
    await fake.userEdits("Schede 1", "B42", [[35]]);
    await settle(300);
    await fake.userEdits("Schede 1", "C42", [["40%"]]);
    await settle(300);
    expect(changes).toHaveLength(0);
    fake.resetCounters();
    await settle(300);
    expect(changes).toHaveLength(1);
    expect(fake.syncs).toBe(1);
    const change = changes[0] as CardChange;
    expect(change.block).toEqual({ top: 30, left: 0, bottom: 59, right: 12 });
    expect(change.blockSnapshot.origin).toEqual({ row: 30, col: 0 });
    expect(change.blockSnapshot.cells[11]?.slice(1, 3)).toEqual([35, "40%"]);
    const sheet = change.snapshots.find((s) => s.name === "Schede 1");
    expect(sheet?.cells[41]?.[1]).toBe(35);
    // The other cards are the ones from the full read.
    expect(sheet?.cells[11]?.[1]).toBe(40);
  });

  it("tells structure changes apart: rows inserted mean the cards moved", async () => {
    await setUp();
    await fake.fireChanged(fake.sheet("Schede 1"), "A5:XFD5", "RowInserted");
    expect(structure).toEqual(["Schede 1"]);
  });

  it("notices rows and columns inserted with the whole-row/column addresses Excel gives (5:7, C:D)", async () => {
    await setUp();
    await fake.userInsertsRows("Schede 1", 4, 3);
    await fake.userInsertsColumns("Schede 1", 2, 2);
    expect(structure).toEqual(["Schede 1", "Schede 1"]);
  });

  it("re-checks an edit even when the re-read starts while the user types in the next cell", async () => {
    await setUp();
    await fake.userEdits("Schede 1", "B42", [[35]]);
    fake.enterCellEdit();
    await settle(1000);
    expect(changes).toHaveLength(0);
    fake.exitCellEdit();
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
    expect(changes).toHaveLength(1);
    expect(changes[0]?.blockSnapshot.cells[11]?.[1]).toBe(35);
  });

  it("ignores coauthors' edits (source Remote): only local edits are re-checked", async () => {
    await setUp();
    await fake.remoteEdits("Schede 1", "B42", [[35]]);
    await settle(1000);
    expect(changes).toHaveLength(0);
    await fake.userEdits("Schede 1", "B42", [[36]]);
    await settle(1000);
    expect(changes).toHaveLength(1);
  });

  it.each([
    ["1.18", "the trigger source"],
    ["1.13", "the ranges it wrote"],
  ])("ignores the add-in's own writes on ExcelApi %s (by %s)", async (excelApi) => {
    await setUp(excelApi, true);
    const flags: CellFlag[] = [{ sheet: "Schede 1", top: 41, left: 1, bottom: 41, right: 1, severity: "error", fill: "#FFC7CE", note: "Schede Obiettivo · Errore\nx", ruleIds: ["r"] }];
    await host.applyWritePlan({
      version: 1,
      sheets: [],
      flags,
      addedCells: [{ sheet: "Schede 1", row: 43, col: 5, content: { kind: "text", text: "Completata il" } }],
      stats: { cells: 1, formulas: 0, flags: 1, tables: 0 },
    });
    await settle(1000);
    expect(fake.sheet("Schede 1").cell(43, 5)?.value).toBe("Completata il");
    expect(changes).toHaveLength(0);
    // A user edit right after is still seen.
    await fake.userEdits("Schede 1", "G44", [["2024-05-15"]]);
    await settle(1000);
    expect(changes).toHaveLength(1);
  });

  it("stops listening", async () => {
    await setUp();
    expect(fake.handlerCount).toBe(1);
    await stop();
    expect(fake.handlerCount).toBe(0);
    await fake.userEdits("Schede 1", "B42", [[1]]);
    await settle(1000);
    expect(changes).toHaveLength(0);
  });

  it("refreshes one card's flags and leaves the other cards' flags alone", async () => {
    await setUp();
    const f = (top: number, note: string): CellFlag => ({ sheet: "Schede 1", top, left: 1, bottom: top, right: 1, severity: "error", fill: "#FFC7CE", note, ruleIds: ["r"] });
    await host.applyWritePlan({ version: 1, sheets: [], flags: [f(11, "Schede Obiettivo · Errore\nuno"), f(41, "Schede Obiettivo · Errore\ndue")], addedCells: [], stats: { cells: 0, formulas: 0, flags: 2, tables: 0 } });
    const cards = fake.sheet("Schede 1");
    await host.refreshFlags({ sheet: "Schede 1", top: 30, left: 0, bottom: 59, right: 12 }, [f(42, "Schede Obiettivo · Errore\ntre")]);
    expect(cards.cell(11, 1)?.fill).toBe("#FFC7CE");
    expect(cards.notes.get("B12")).toBe("Schede Obiettivo · Errore\nuno");
    expect(cards.cell(41, 1)?.fill).toBeNull();
    expect(cards.notes.has("B42")).toBe(false);
    expect(cards.cell(42, 1)?.fill).toBe("#FFC7CE");
    expect(cards.notes.get("B43")).toBe("Schede Obiettivo · Errore\ntre");
    await host.clearAddinContent();
    expect([cards.cell(11, 1)?.fill, cards.cell(42, 1)?.fill]).toEqual([null, null]);
  });
});

describe("selection and navigation", () => {
  let fake: FakeExcel;
  let uninstall: () => void;
  let host: ExcelWorkbookHost;
  beforeEach(() => {
    fake = cardWorkbook(40, 20);
    uninstall = fake.install();
    host = new ExcelWorkbookHost({ capabilities: caps(fake) });
  });
  afterEach(() => uninstall());

  it("activates the finding's sheet and selects its range in one sync", async () => {
    fake.resetCounters();
    await host.selectRange("Schede 2", "C5:F9");
    expect(fake.syncs).toBe(1);
    expect(fake.activeSheet?.name).toBe("Schede 2");
    expect(fake.activeCell).toMatchObject({ row: 4, col: 2 });
    expect(await host.getActiveCell()).toEqual({ sheet: "Schede 2", address: "C5" });
  });

  it("says in Italian when the sheet is gone", async () => {
    await expect(host.selectRange("Foglio rinominato", "A1")).rejects.toMatchObject({ name: "UserFacingError", message: expect.stringContaining("Foglio rinominato") });
  });

  it("reports the cell the user moves to, also on a sheet added later", async () => {
    const seen: unknown[] = [];
    const unsubscribe = await host.onSelectionChanged((cell) => seen.push(cell));
    await fake.fireSelection("Schede 1", "D7:E8");
    fake.addSheet("Nuovo");
    await fake.fireSelection("Nuovo", "A1");
    expect(seen).toEqual([
      { sheet: "Schede 1", address: "D7" },
      { sheet: "Nuovo", address: "A1" },
    ]);
    unsubscribe();
    await new Promise((r) => setImmediate(r));
    expect(fake.handlerCount).toBe(0);
  });
});
