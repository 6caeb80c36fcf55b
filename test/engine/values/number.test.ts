import { type NumberReading, parseDigits, readNumber, readPercent, readWeight } from "../../../src/engine/values";
import type { CellValue } from "../../../src/engine/model/snapshot";

const reading = (value: number, unit: NumberReading["unit"] = "number", comparator: NumberReading["comparator"] = null, direction: NumberReading["direction"] = null): NumberReading => ({
  value,
  unit,
  comparator,
  direction,
});

describe("readNumber", () => {
  it.each<[CellValue, string | null, NumberReading]>([
    ["1.100", null, reading(1100)],
    ["1.000,00", null, reading(1000)],
    ["€ 1.000,00", null, reading(1000, "currency")],
    ["1.000 €", null, reading(1000, "currency")],
    ["€ 300,00", null, reading(300, "currency")],
    ["1.000 euro", null, reading(1000, "currency")],
    ["+ 19", null, reading(19, "number", null, "increase")],
    ["+19%", null, reading(19, "percent", null, "increase")],
    ["< di 5", null, reading(5, "number", "<")],
    ["<5", null, reading(5, "number", "<")],
    ["≤ 3", null, reading(3, "number", "<=")],
    ["≥ 80%", null, reading(80, "percent", ">=")],
    [">= 80%", null, reading(80, "percent", ">=")],
    ["> 10", null, reading(10, "number", ">")],
    ["= 0", null, reading(0, "number", "=")],
    ["almeno il 70%", null, reading(70, "percent", ">=")],
    ["non più di 3", null, reading(3, "number", "<=")],
    ["NON PIÙ DI 3", null, reading(3, "number", "<=")],
    ["non meno di 10", null, reading(10, "number", ">=")],
    ["inferiore a 30", null, reading(30, "number", "<")],
    ["superiore al 50%", null, reading(50, "percent", ">")],
    ["30%", null, reading(30, "percent")],
    ["100 %", null, reading(100, "percent")],
    ["30 per cento", null, reading(30, "percent")],
    ["(50%)", null, reading(50, "percent")],
    ["0,5", null, reading(0.5)],
    ["0.5", null, reading(0.5)],
    [",5", null, reading(0.5)],
    ["2.75", null, reading(2.75)],
    ["1.234.567", null, reading(1234567)],
    ["1 000,50", null, reading(1000.5)],
    ["1,000,000.50", null, reading(1000000.5)],
    ["miglioramento 20%", null, reading(20, "percent", null, "increase")],
    ["riduzione 20%", null, reading(20, "percent", null, "decrease")],
    ["riduzione del 10%", null, reading(10, "percent", null, "decrease")],
    ["MAX 20 PUNTI", null, reading(20, "points")],
    ["max 5", null, reading(5, "number", "<=")],
    ["20 punti", null, reading(20, "points")],
    ["punti 20", null, reading(20, "points")],
    ["N. 5", null, reading(5)],
    ["150.", null, reading(150)],
    ["-5", null, reading(-5)],
    ["0", null, reading(0)],
    ["-0", null, reading(0)],
    ["<p>1100</p>", null, reading(1100)],
    [1100, null, reading(1100)],
    [0, null, reading(0)],
    [-0, null, reading(0)],
    [0.5, "0%", reading(50, "percent")],
    [0.5, "0.00%", reading(50, "percent")],
    [0.07, "0%", reading(7, "percent")],
    [0.5, null, reading(0.5)],
    [0.5, "General", reading(0.5)],
    [1000, "€ #,##0.00", reading(1000, "currency")],
    [1000, "[$€-410] #.##0,00", reading(1000, "currency")],
  ])("%j (format %j)", (value, format, expected) => {
    expect(readNumber(value, format)).toEqual({ ok: true, value: expected });
  });

  it("reads -0 as a plain zero", () => {
    const r = readNumber(-0);
    expect(r.ok && Object.is(r.value.value, 0)).toBe(true);
  });

  it.each<[CellValue, RegExp]>([
    [null, /vuota/],
    ["   ", /vuota/],
    [true, /valore logico/],
    [Number.NaN, /non valido/],
    [Number.POSITIVE_INFINITY, /non valido/],
    ["N.", /non contiene un numero/],
    ["Liquidata", /non contiene un numero/],
    ["%", /non contiene un numero/],
    ["20 30", /più di un numero/],
    ["2024 - 2025", /più di un numero/],
    ["31/12/2024", /più di un numero/],
    ["1.00.0", /separatori/],
    ["Tempi medi di pagamento entro i 30 gg.", /non è un numero|testo/],
    ["30 gg", /testo oltre al numero/],
    ["≠ 5", /non è un numero leggibile/],
    ["€ 5%", /due unità/],
    ["< > 5", /due confronti/],
  ])("fails on %j with a reason", (value, reason) => {
    const r = readNumber(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("quotes the text it could not read", () => {
    expect(readNumber("Liquidata")).toEqual({ ok: false, reason: "«Liquidata» non contiene un numero." });
  });
});

describe("parseDigits", () => {
  it.each<[string, number | null]>([
    ["1.100", 1100],
    ["0.100", 0.1],
    ["1234.567", 1234.567],
    ["1.000,00", 1000],
    ["1,000.00", 1000],
    ["1,5", 1.5],
    ["1,000", 1], // Italian: the comma is the decimal separator
    ["1,5,6", null],
    ["1.000.00", null],
    ["1 000", 1000],
    ["1 00", null],
    ["12", 12],
  ])("%s → %p", (raw, expected) => {
    expect(parseDigits(raw)).toBe(expected);
  });
});

describe("readPercent", () => {
  it.each<[CellValue, string | null, number]>([
    ["30%", null, 30],
    ["(50%)", null, 50],
    ["50,00", null, 50],
    ["33", null, 33],
    [33, null, 33],
    [0.5, "0%", 50],
    [0.5, "0.00%", 50],
    [0.333, "0.0%", 33.3],
    ["100 %", null, 100],
    ["0,5", null, 0.5],
    [0.5, null, 0.5],
    ["= 100%", null, 100],
    [0, null, 0],
  ])("%j (format %j) → %p", (value, format, expected) => {
    expect(readPercent(value, format)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    ["%", /non contiene un numero/],
    [".. /.. /..", /non contiene un numero/],
    ["MAX 20 PUNTI", /punti/],
    ["€ 100", /euro/],
    ["≥ 80%", /confronto/],
    ["riduzione 20%", /variazione/],
    [null, /vuota/],
    [Number.NaN, /non valido/],
  ])("fails on %j", (value, reason) => {
    const r = readPercent(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("readPercent refuses figures that are no percent of anything", () => {
  it.each<[CellValue, RegExp]>([
    [-20, /negativo/],
    ["-5%", /negativo/],
    [-1.7e308, /negativo/],
    [1e308, /fuori misura/],
    ["5000%", /fuori misura/],
  ])("fails on %j", (value, reason) => {
    const r = readPercent(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it("still reads over-achievement such as 150%", () => {
    expect(readPercent("150%")).toEqual({ ok: true, value: 150 });
  });
});

describe("readWeight", () => {
  it.each<[CellValue, string | null, { value: number; unit: "percent" | "points" }]>([
    ["30%", null, { value: 30, unit: "percent" }],
    ["(50%)", null, { value: 50, unit: "percent" }],
    ["50,00", null, { value: 50, unit: "percent" }],
    [25, null, { value: 25, unit: "percent" }],
    [0.3, "0%", { value: 30, unit: "percent" }],
    ["MAX 20 PUNTI", null, { value: 20, unit: "points" }],
    ["20 punti", null, { value: 20, unit: "points" }],
    ["punti 20", null, { value: 20, unit: "points" }],
    ["Punti: 15", null, { value: 15, unit: "points" }],
    [0, null, { value: 0, unit: "percent" }],
  ])("%j (format %j)", (value, format, expected) => {
    expect(readWeight(value, format)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, RegExp]>([
    ["Intersettoriale", /non è un numero/],
    ["€ 100", /euro/],
    ["-10%", /negativo/],
    ["≥ 10%", /confronto/],
    [null, /vuota/],
    [1e308, /fuori misura/],
  ])("fails on %j", (value, reason) => {
    const r = readWeight(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
