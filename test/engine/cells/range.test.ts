import {
  cellKey,
  rangeCellCount,
  rangeContains,
  rangeKey,
  rangesIntersect,
  sheetKey,
  type CellRange,
  type SheetRange,
} from "../../../src/engine/cells/range";
import { cellRange, parseRangeA1, qualifiedA1, rangeToA1 } from "../../../src/engine/cells/a1";

const box = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

describe("cellKey", () => {
  it("is the same for a sheet name in any case, as Excel compares them", () => {
    expect(cellKey("Verifica", 4, 2)).toBe(cellKey("VERIFICA", 4, 2));
    expect(cellKey("Città", 0, 0)).toBe(cellKey("CITTÀ", 0, 0));
    expect(sheetKey("Polizia Locale")).toBe(sheetKey("polizia locale"));
  });

  it("tells cells, sheets and positions apart", () => {
    const keys = [cellKey("A", 1, 23), cellKey("A", 12, 3), cellKey("A", 1, 2), cellKey("B", 1, 2), cellKey("A1", 1, 2), cellKey("A", 2, 1)];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("cannot be forged by a sheet name that looks like a position", () => {
    // A sheet may be called "1:2" or "A:1": the separator is a character no sheet name holds.
    expect(cellKey("1:2", 3, 4)).not.toBe(cellKey("1", 2, 3));
    expect(cellKey("A:1", 2, 3)).not.toBe(cellKey("A", 1, 2));
  });
});

describe("rangeKey", () => {
  it("is the same for a sheet name in any case", () => {
    expect(rangeKey("Fasi", box(1, 2, 3, 4))).toBe(rangeKey("fasi", box(1, 2, 3, 4)));
  });

  it("tells rectangles apart, and a one-cell rectangle from its cell", () => {
    const keys = [rangeKey("S", box(1, 2, 3, 4)), rangeKey("S", box(1, 2, 4, 3)), rangeKey("S", box(12, 3, 4, 5)), rangeKey("T", box(1, 2, 3, 4))];
    expect(new Set(keys).size).toBe(keys.length);
    expect(rangeKey("S", box(1, 2, 1, 2))).not.toBe(cellKey("S", 1, 2));
  });

  it("reads only the rectangle of a SheetRange (its own sheet is the caller's business)", () => {
    const r: SheetRange = { sheet: "Altro", ...box(0, 0, 1, 1) };
    expect(rangeKey("S", r)).toBe(rangeKey("S", box(0, 0, 1, 1)));
  });
});

describe("rectangles", () => {
  it("intersect when they share a cell, edges included", () => {
    expect(rangesIntersect(box(0, 0, 2, 2), box(2, 2, 5, 5))).toBe(true);
    expect(rangesIntersect(box(0, 0, 2, 2), box(3, 0, 5, 2))).toBe(false);
    expect(rangesIntersect(box(0, 0, 2, 2), box(0, 3, 2, 5))).toBe(false);
    expect(rangesIntersect(box(0, 0, 9, 9), box(4, 4, 4, 4))).toBe(true);
  });

  it("contain what lies wholly inside, themselves included", () => {
    expect(rangeContains(box(0, 0, 9, 9), box(0, 0, 9, 9))).toBe(true);
    expect(rangeContains(box(0, 0, 9, 9), box(3, 3, 4, 4))).toBe(true);
    expect(rangeContains(box(0, 0, 9, 9), box(3, 3, 10, 4))).toBe(false);
    expect(rangeContains(box(3, 3, 4, 4), box(0, 0, 9, 9))).toBe(false);
  });

  it("count their cells inclusively", () => {
    expect(rangeCellCount(box(4, 2, 4, 2))).toBe(1);
    expect(rangeCellCount(box(0, 0, 2, 3))).toBe(12);
  });

  it("are what the A1 helpers read and write: zero-based, inclusive", () => {
    expect(parseRangeA1("B3:D7")).toEqual(box(2, 1, 6, 3));
    expect(rangeToA1(box(2, 1, 6, 3))).toBe("B3:D7");
    const one: SheetRange = cellRange("Polizia Locale", 4, 2);
    expect(one).toEqual({ sheet: "Polizia Locale", ...box(4, 2, 4, 2) });
    expect(qualifiedA1(one)).toBe("'Polizia Locale'!C5");
  });
});
