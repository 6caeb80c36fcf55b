import { rangeToA1, toA1 } from "../../../src/engine/cells/a1";
import type { Objective } from "../../../src/engine/model/plan";
import { cellAt, fillAt, formatAt, snapshotBounds, type CellValue } from "../../../src/engine/model/snapshot";
import { emptyOwnershipRecord, encodeOwnershipRecord } from "../../../src/engine/write/ownership";
import { planReviewColumns, withAddedCells } from "../../../src/engine/write/review-columns";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { grid } from "../../helpers/grid";
import { at, indicator, num, objective, plan, scheduleRow } from "../rules/plan-builder";

const MONTHS = ["Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"];

/**
 * A layout-A card: indicators B3:D5 (header row 3) and the cronoprogramma B8:N10 (header row 8,
 * Gennaio in C … Dicembre in N), with `extra` cells typed by the user.
 */
function card(extra: Record<string, CellValue> = {}, options: { actualColumn?: boolean } = {}) {
  const rows: CellValue[][] = Array.from({ length: 12 }, () => Array(20).fill(null));
  const put = (a: string, v: CellValue): void => {
    const r = /^([A-Z])(\d+)$/.exec(a);
    if (!r) throw new Error(a);
    (rows[Number(r[2]) - 1] as CellValue[])[(r[1] as string).charCodeAt(0) - 65] = v;
  };
  put("B2", "Indicatori di risultato");
  put("B3", "Descrizione");
  put("C3", "Valore atteso");
  if (options.actualColumn) put("D3", "Valore raggiunto");
  put("B4", "Pratiche");
  put("C4", 100);
  put("B5", "Tempi");
  put("C5", 30);
  put("B8", "Fasi e tempi");
  MONTHS.forEach((m, i) => put(`${String.fromCharCode(67 + i)}8`, m));
  put("B9", "1");
  put("C9", "X");
  put("B10", "2");
  put("N10", "X");
  for (const [a, v] of Object.entries(extra)) put(a, v);
  const sheet = grid("Scheda", "A1", rows);
  const o: Objective = objective({
    indicators: [
      indicator({ target: num(100), source: { description: at("B4"), target: at("C4"), ...(options.actualColumn ? { actual: at("D4") } : {}) } }),
      indicator({ target: num(30), source: { description: at("B5"), target: at("C5") } }),
    ],
    schedule: [scheduleRow("1", [1], { source: { label: at("B9") } }), scheduleRow("2", [12], { source: { label: at("B10") } })],
    source: { card: at("B2:N10"), indicators: at("B2:D5"), schedule: at("B8:N10") },
  });
  return { sheet, plan: plan({ objectives: [o] }) };
}

const placed = (cells: ReturnType<typeof planReviewColumns>["cells"]) => cells.map((c) => [toA1(c), c.content.kind === "text" ? c.content.text : ""]);

describe("planReviewColumns", () => {
  it("adds «Completata il» and «Note verifica» right of Dicembre, and «Valore raggiunto» right of the indicator header", () => {
    const { sheet, plan: p } = card();
    const r = planReviewColumns(p, [sheet]);
    expect(placed(r.cells)).toEqual([
      ["D3", "Valore raggiunto"],
      ["O8", "Completata il"],
      ["P8", "Note verifica"],
    ]);
    expect(r.messages).toEqual([]);
  });

  it("adds nothing the card has already", () => {
    const { sheet, plan: p } = card({ O8: "Completata il", P8: "Note verifica:" }, { actualColumn: true });
    expect(planReviewColumns(p, [sheet]).cells).toEqual([]);
  });

  it("goes round cells the user filled, and reports a block with no room", () => {
    expect(placed(planReviewColumns(card({ O9: "appunto" }).plan, [card({ O9: "appunto" }).sheet]).cells).slice(1)).toEqual([
      ["P8", "Completata il"],
      ["Q8", "Note verifica"],
    ]);
    const full = Object.fromEntries(["O", "P", "Q", "R", "S", "T"].map((c) => [`${c}10`, "x"]));
    const { sheet, plan: p } = card(full);
    const r = planReviewColumns(p, [sheet]);
    expect(placed(r.cells)).toEqual([["D3", "Valore raggiunto"]]);
    expect(r.messages.map((m) => [m.code, m.range])).toEqual([
      ["review-column-skipped", "O8"],
      ["review-column-skipped", "O8"],
    ]);
    expect(r.messages[0]?.message).toMatch(/Non c'è spazio libero per la colonna «Completata il» a destra del cronoprogramma/);
  });

  it("never uses a cell inside a merged area", () => {
    const { plan: p } = card();
    const merged = grid("Scheda", "A1", card().sheet.cells, { merges: ["O8:O9"] });
    expect(placed(planReviewColumns(p, [merged]).cells).slice(1)).toEqual([
      ["P8", "Completata il"],
      ["Q8", "Note verifica"],
    ]);
  });

  it("its own earlier headers (in the record) are free: the next run puts them back in the same place", () => {
    const { sheet, plan: p } = card({ O8: "Completata il", P8: "Note verifica", D3: "Valore raggiunto" });
    const record = { ...emptyOwnershipRecord(), addedCells: ["O8", "P8", "D3"].map((a) => ({ sheet: "Scheda", row: at(a).top, col: at(a).left, written: "x" })) };
    const state = grid(STATE_SHEET, "A1", encodeOwnershipRecord(record).map((c) => [c]));
    expect(placed(planReviewColumns(p, [sheet, state]).cells)).toEqual([
      ["D3", "Valore raggiunto"],
      ["O8", "Completata il"],
      ["P8", "Note verifica"],
    ]);
  });

  it("its own earlier headers with dates typed under them are written again in the same cells, not moved right", () => {
    const { sheet, plan: p } = card({ O8: "Completata il", P8: "Note verifica", O9: "15/03/2024", P10: "in ritardo" });
    const record = { ...emptyOwnershipRecord(), addedCells: ["O8", "P8"].map((a) => ({ sheet: "Scheda", row: at(a).top, col: at(a).left, written: "x" })) };
    const state = grid(STATE_SHEET, "A1", encodeOwnershipRecord(record).map((c) => [c]));
    expect(placed(planReviewColumns(p, [sheet, state]).cells)).toEqual([
      ["D3", "Valore raggiunto"],
      ["O8", "Completata il"],
      ["P8", "Note verifica"],
    ]);
  });

  it("a column placed anew never takes the cell of one of its own headers kept in place", () => {
    // O is the user's (O9), P8 is the add-in's «Note verifica» with nothing under it: «Completata il» goes to Q.
    const { sheet, plan: p } = card({ O9: "appunto", P8: "Note verifica" });
    const record = { ...emptyOwnershipRecord(), addedCells: [{ sheet: "Scheda", row: at("P8").top, col: at("P8").left, written: "Note verifica" }] };
    const state = grid(STATE_SHEET, "A1", encodeOwnershipRecord(record).map((c) => [c]));
    expect(placed(planReviewColumns(p, [sheet, state]).cells)).toEqual([
      ["D3", "Valore raggiunto"],
      ["P8", "Note verifica"],
      ["Q8", "Completata il"],
    ]);
  });
});

describe("withAddedCells", () => {
  it("gives the snapshots as they will be, growing the grid where needed", () => {
    const { sheet } = card();
    const [next] = withAddedCells([sheet], [{ sheet: "Scheda", row: 7, col: 24, content: { kind: "text", text: "Completata il" } }]);
    if (!next) throw new Error("no snapshot");
    expect(cellAt(next, 7, 24)).toBe("Completata il");
    expect(cellAt(next, 7, 13)).toBe("Dicembre");
    expect(rangeToA1(snapshotBounds(next))).toBe("A1:Y12");
    // The original is left as it was.
    expect(cellAt(sheet, 7, 24)).toBeNull();
    expect(rangeToA1(snapshotBounds(sheet))).toBe("A1:T12");
  });

  it("grows the grid up and left, and down, when a cell lies outside it", () => {
    const sheet = grid("Scheda", "C3", [
      ["a", "b"],
      ["c", "d"],
    ]);
    const [next] = withAddedCells([sheet], [
      { sheet: "Scheda", row: 0, col: 0, content: { kind: "text", text: "Note verifica" } },
      { sheet: "Scheda", row: 6, col: 3, content: { kind: "text", text: "Completata il" } },
    ]);
    if (!next) throw new Error("no snapshot");
    expect(rangeToA1(snapshotBounds(next))).toBe("A1:D7");
    expect([cellAt(next, 0, 0), cellAt(next, 2, 2), cellAt(next, 3, 3), cellAt(next, 6, 3)]).toEqual(["Note verifica", "a", "d", "Completata il"]);
    const [below] = withAddedCells([sheet], [{ sheet: "Scheda", row: 6, col: 5, content: { kind: "text", text: "Completata il" } }]);
    if (!below) throw new Error("no snapshot");
    expect(rangeToA1(snapshotBounds(below))).toBe("C3:F7");
    expect([cellAt(below, 2, 2), cellAt(below, 6, 5), cellAt(below, 5, 5)]).toEqual(["a", "Completata il", null]);
  });

  it("moves formats and fills with the cells when the grid grows up and left", () => {
    const sheet = {
      ...grid("Scheda", "C3", [
        ["Fase", "Gennaio"],
        [1, null],
      ]),
      formats: [
        [null, null],
        ["0", null],
      ],
      fills: [
        [null, null],
        [null, "#00B050"],
      ],
    };
    const [next] = withAddedCells([sheet], [{ sheet: "Scheda", row: 0, col: 0, content: { kind: "text", text: "Note verifica" } }]);
    if (!next) throw new Error("no snapshot");
    expect(next.origin).toEqual({ row: 0, col: 0 });
    expect([fillAt(next, 3, 3), fillAt(next, 3, 2), fillAt(next, 1, 1)]).toEqual(["#00B050", null, null]);
    expect(formatAt(next, 3, 2)).toBe("0");
    expect(next.fills).toHaveLength(next.cells.length);
  });
});
