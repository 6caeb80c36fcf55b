import { isMark, readBoolean } from "../../../src/engine/values";
import type { CellValue } from "../../../src/engine/model/snapshot";

describe("readBoolean", () => {
  it.each<[CellValue, boolean]>([
    ["SI", true],
    ["Si", true],
    ["si", true],
    ["sì", true],
    ["SÌ", true],
    ["si'", true],
    ["Sì.", true],
    [" SI ", true],
    ["NO", false],
    ["No", false],
    ["no", false],
    ["VERO", true],
    ["Falso", false],
    [true, true],
    [false, false],
  ])("%j → %p", (value, expected) => {
    expect(readBoolean(value)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    [null, /vuota/],
    ["", /vuota/],
    ["forse", /non è SI o NO/],
    ["Sino a novembre", /non è SI o NO/],
    [1, /non è SI o NO/],
    [0, /non è SI o NO/],
    ["X", /non è SI o NO/],
  ])("fails on %j", (value, reason) => {
    const r = readBoolean(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("isMark", () => {
  it.each<[CellValue, boolean]>([
    ["X", true],
    ["x", true],
    [" X ", true],
    ["✓", true],
    ["✔", true],
    ["•", true],
    ["*", true],
    ["<p>X</p>", true],
    [true, true],
    ["✗", false],
    ["✘", false],
    ["XX", false],
    ["SI", false],
    ["", false],
    ["   ", false],
    [null, false],
    [false, false],
    // Grids typed as 0/1: 1 is a mark, 0 is not (the reader treats 0 as an empty month).
    [1, true],
    ["1", true],
    ["■", true],
    [0, false],
    [2, false],
    ["Gennaio", false],
  ])("%j → %p", (value, expected) => {
    expect(isMark(value)).toBe(expected);
  });
});
