import { parseAddressList, parseSheetAddress, splitAddressList, unquoteSheetName } from "../../../src/hosts/excel/address";
import { detectCapabilities } from "../../../src/hosts/excel/capabilities";
import { charsToPoints, isoToSerial, toCellInput } from "../../../src/hosts/excel/cell-input";
import { DEFAULT_LIMITS, isSizeLimitError } from "../../../src/hosts/excel/limits";
import { cellsPerRequest, planReadChunks } from "../../../src/hosts/excel/read-plan";
import { overlayBlock, toFormula, toSnapshot } from "../../../src/hosts/excel/snapshot";
import { estimateOpBytes, splitIntoBatches, type OfficeOp } from "../../../src/hosts/excel/write-plan";

describe("addresses", () => {
  it.each([
    ["Foglio1!C5:F9", { sheet: "Foglio1", top: 4, left: 2, bottom: 8, right: 5 }],
    ["'Polizia Locale'!B3", { sheet: "Polizia Locale", top: 2, left: 1, bottom: 2, right: 1 }],
    ["'L''Aquila, sede'!$A$1:$B$2", { sheet: "L'Aquila, sede", top: 0, left: 0, bottom: 1, right: 1 }],
    ["D4", { sheet: "", top: 3, left: 3, bottom: 3, right: 3 }],
  ])("%s", (address, expected) => {
    expect(parseSheetAddress(address)).toEqual(expected);
  });

  it("splits area lists on commas outside quoted sheet names", () => {
    expect(splitAddressList("'Rossi, Bianchi'!A1:B2, Foglio1!C3;Foglio1!D4")).toEqual(["'Rossi, Bianchi'!A1:B2", "Foglio1!C3", "Foglio1!D4"]);
    expect(parseAddressList("Foglio1!A1:B2, Foglio1!D1:D4").map((a) => [a.top, a.left, a.bottom, a.right])).toEqual([
      [0, 0, 1, 1],
      [0, 3, 3, 3],
    ]);
    expect(unquoteSheetName("'It''s'")).toBe("It's");
  });
});

describe("capabilities", () => {
  const upTo = (max: number) => ({ isSetSupported: (_: string, v?: string) => Number((v ?? "1.1").split(".")[1]) <= max });
  it.each([
    [18, "note", true, true],
    [14, "comment", true, true],
    [12, "comment", false, false],
    [9, "fill", false, false],
  ])("ExcelApi 1.%i → %s", (max, annotation, mergedAreas, triggerSource) => {
    expect(detectCapabilities(upTo(max))).toEqual({ annotation, mergedAreas, triggerSource });
  });
});

describe("read planning", () => {
  const limits = { payloadBudgetBytes: 1000, readCellBudget: 100, readBytesPerCell: 20 };

  it("packs whole ranges while they fit, under both budgets", () => {
    expect(cellsPerRequest(limits)).toBe(50);
    // Each cell is read twice (grids + cell properties): the cell budget halves.
    expect(cellsPerRequest({ ...limits, payloadBudgetBytes: 100_000 })).toBe(50);
    // 4 MB at 90 bytes per cell (values, formats, formulas and the fill of getCellProperties).
    expect(cellsPerRequest(DEFAULT_LIMITS)).toBe(44_444);
    const chunks = planReadChunks(
      [
        { sheet: "A", bounds: { top: 0, left: 0, bottom: 3, right: 4 } },
        { sheet: "B", bounds: { top: 2, left: 1, bottom: 5, right: 5 } },
        { sheet: "C", bounds: { top: 0, left: 0, bottom: 1, right: 1 } },
      ],
      limits,
    );
    expect(chunks.map((c) => c.map((p) => p.sheet))).toEqual([["A", "B", "C"]]);
  });

  it("splits a range into bands of whole rows that fill each request", () => {
    const chunks = planReadChunks(
      [
        { sheet: "A", bounds: { top: 0, left: 0, bottom: 1, right: 9 } },
        { sheet: "B", bounds: { top: 10, left: 2, bottom: 21, right: 11 } },
      ],
      limits,
    );
    expect(chunks.map((c) => c.map((p) => `${p.sheet}:${p.bounds.top}-${p.bounds.bottom}`))).toEqual([["A:0-1", "B:10-12"], ["B:13-17"], ["B:18-21"]]);
    for (const c of chunks) expect(c.reduce((n, p) => n + (p.bounds.bottom - p.bounds.top + 1) * (p.bounds.right - p.bounds.left + 1), 0)).toBeLessThanOrEqual(50);
  });

  it("gives a row wider than the budget a request of its own", () => {
    const chunks = planReadChunks([{ sheet: "A", bounds: { top: 0, left: 0, bottom: 1, right: 79 } }], limits);
    expect(chunks.map((c) => c.map((p) => `${p.bounds.top}-${p.bounds.bottom}`))).toEqual([["0-0"], ["1-1"]]);
  });

  it("recognises Excel's size errors", () => {
    expect(isSizeLimitError({ code: "ResponsePayloadSizeLimitExceeded" })).toBe(true);
    expect(isSizeLimitError({ code: "ItemNotFound" })).toBe(false);
    expect(isSizeLimitError(new Error("x"))).toBe(false);
  });
});

describe("snapshots", () => {
  it("keeps a text that only looks like a formula as text", () => {
    expect(toFormula("=A1+1", 2)).toBe("A1+1");
    expect(toFormula("=testo", "=testo")).toBeNull();
    expect(toFormula(5, 5)).toBeNull();
  });

  it("stacks row bands in any order", () => {
    const s = toSnapshot("S", [
      { bounds: { top: 3, left: 1, bottom: 3, right: 2 }, data: { values: [["c", ""]] } },
      { bounds: { top: 1, left: 1, bottom: 2, right: 2 }, data: { values: [["a", 1], ["", true]], numberFormat: [["General", "0%"], ["General", "General"]] } },
    ]);
    expect(s).toEqual({
      name: "S",
      origin: { row: 1, col: 1 },
      cells: [["a", 1], [null, true], ["c", null]],
      formats: [[null, "0%"], [null, null], [null, null]],
    });
  });

  it("lays a re-read block over the sheet, growing it when the block reaches further", () => {
    const base = { name: "S", origin: { row: 0, col: 0 }, cells: [["a", "b"], ["c", "d"]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] };
    const block = { name: "S", origin: { row: 1, col: 1 }, cells: [["D", "E"], [null, "F"]] };
    expect(overlayBlock(base, block)).toEqual({
      name: "S",
      origin: { row: 0, col: 0 },
      cells: [["a", "b", null], ["c", "D", "E"], [null, null, "F"]],
      merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    });
  });
});

describe("cell input", () => {
  it.each([
    [{ kind: "text", text: "=SOMMA(A1)" }, "'=SOMMA(A1)", null],
    [{ kind: "text", text: "30%" }, "'30%", null],
    [{ kind: "text", text: "" }, "", null],
    [{ kind: "number", value: 3.5 }, 3.5, null],
    [{ kind: "date", iso: "2024-05-15" }, 45427, "dd/mm/yyyy"],
    [{ kind: "date", iso: "2024-02-30" }, "'2024-02-30", null],
    [{ kind: "formula", formula: "SUM(A1:A3)" }, "=SUM(A1:A3)", null],
    [{ kind: "empty" }, "", null],
  ] as const)("%j", (content, input, impliedFormat) => {
    expect(toCellInput(content)).toEqual({ input, impliedFormat });
  });

  it("converts dates and widths as Excel does", () => {
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("2024-12-31")).toBe(45657);
    expect(charsToPoints(8.43)).toBe(48);
  });
});

describe("write batching", () => {
  it("cuts a grid larger than the budget into row bands, and batches in order", () => {
    const grid: OfficeOp = { kind: "formulas", sheet: "S", bounds: { top: 0, left: 0, bottom: 999, right: 0 }, formulas: Array.from({ length: 1000 }, (_, i) => [`'riga ${i}`]) };
    const small: OfficeOp = { kind: "fill", sheet: "S", bounds: { top: 0, left: 0, bottom: 0, right: 0 }, color: "#FFC7CE" };
    const budget = 4000;
    const batches = splitIntoBatches([small, grid, small], budget);
    expect(batches.length).toBeGreaterThan(3);
    for (const b of batches) expect(b.reduce((n, op) => n + estimateOpBytes(op), 0)).toBeLessThanOrEqual(budget);
    const rows = batches.flat().flatMap((op) => (op.kind === "formulas" ? op.formulas.map((r) => r[0]) : []));
    expect(rows).toEqual(grid.formulas.map((r) => r[0]));
    expect(batches[0]?.[0]).toBe(small);
    expect(batches.at(-1)?.at(-1)).toBe(small);
  });
});

describe("noFillRects", () => {
  it("groups the cells to clear into stacked row runs", () => {
    const { noFillRects } = jest.requireActual<typeof import("../../../src/hosts/excel/write-plan")>("../../../src/hosts/excel/write-plan");
    expect(
      noFillRects([
        [null, null, "#FF0000", undefined],
        [null, null, null, undefined],
        [null, null, "#FF0000", null],
      ]),
    ).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 1, left: 0, bottom: 1, right: 2 },
      { top: 2, left: 0, bottom: 2, right: 1 },
      { top: 2, left: 3, bottom: 2, right: 3 },
    ]);
    expect(noFillRects([[null], [null], [null]])).toEqual([{ top: 0, left: 0, bottom: 2, right: 0 }]);
  });
});

describe("cellRects", () => {
  it("covers exactly the listed cells with stacked row runs", () => {
    const { cellRects } = jest.requireActual<typeof import("../../../src/hosts/excel/write-plan")>("../../../src/hosts/excel/write-plan");
    const cells = [
      { row: 2, col: 20 },
      { row: 2, col: 21 },
      { row: 3, col: 21 },
      { row: 3, col: 20 },
      { row: 3, col: 20 },
      { row: 9, col: 1 },
    ];
    expect(cellRects(cells)).toEqual([
      { top: 2, left: 20, bottom: 3, right: 21 },
      { top: 9, left: 1, bottom: 9, right: 1 },
    ]);
  });
});
