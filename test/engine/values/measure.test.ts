import { readBoolean, readDate, readMeasure, readNumber } from "../../../src/engine/values";
import type { Measure } from "../../../src/engine/model/plan";
import { MeasureSchema } from "../../../src/engine/model/plan";
import type { CellValue } from "../../../src/engine/model/snapshot";

const num = (value: number, text: string, extra: Partial<Extract<Measure, { type: "number" }>> = {}): Measure => ({
  type: "number",
  value,
  unit: "number",
  comparator: null,
  direction: null,
  text,
  ...extra,
});

describe("readMeasure", () => {
  it.each<[CellValue, string | null, Measure | null]>([
    [null, null, null],
    ["", null, null],
    ["   ", null, null],
    ["<p> </p>", null, null],
    [1100, null, num(1100, "1100")],
    [0, null, num(0, "0")],
    [0.5, null, num(0.5, "0,5")],
    ["1100", null, num(1100, "1100")],
    ["1.100", null, num(1100, "1.100")],
    [0.8, "0%", num(80, "80%", { unit: "percent" })],
    ["30%", null, num(30, "30%", { unit: "percent" })],
    ["€ 1.000,00", null, num(1000, "€ 1.000,00", { unit: "currency" })],
    ["< di 5", null, num(5, "< di 5", { comparator: "<" })],
    ["≥ 80%", null, num(80, "≥ 80%", { unit: "percent", comparator: ">=" })],
    ["riduzione 20%", null, num(20, "riduzione 20%", { unit: "percent", direction: "decrease" })],
    ["SI", null, { type: "boolean", value: true, text: "SI" }],
    ["No", null, { type: "boolean", value: false, text: "No" }],
    [true, null, { type: "boolean", value: true, text: "VERO" }],
    ["15/05/2024", null, { type: "date", value: "2024-05-15", text: "15/05/2024" }],
    ["Entro il 31/12/2024", null, { type: "date", value: "2024-12-31", text: "Entro il 31/12/2024" }],
    [45292, "dd/mm/yyyy", { type: "date", value: "2024-01-01", text: "01/01/2024" }],
    [45292, null, num(45292, "45292")],
    ["Effettuata entro i termini", null, { type: "text", text: "Effettuata entro i termini" }],
    ["Entro 60 giorni dall'elezione", null, { type: "text", text: "Entro 60 giorni dall'elezione" }],
    ["Liquidata", null, { type: "text", text: "Liquidata" }],
    ["N.", null, { type: "text", text: "N." }],
    ["-", null, { type: "text", text: "-" }],
    ["<p>Relazione <b>approvata</b></p>", null, { type: "text", text: "Relazione approvata" }],
    [Number.NaN, null, { type: "text", text: "NaN" }],
  ])("%j (format %j)", (value, format, expected) => {
    expect(readMeasure(value, format)).toEqual(expected);
  });

  it("always matches MeasureSchema", () => {
    for (const v of ["1.100", "SI", "15/05/2024", "testo", 3, 0.25, true]) {
      const m = readMeasure(v, typeof v === "number" ? "0%" : null);
      expect(MeasureSchema.safeParse(m).success).toBe(true);
    }
  });
});

describe("readMeasure agrees with the single readers", () => {
  it.each(["si   .", "Falso!", "NO", "15/05/2024", "entro il 1/1/24", "< di 5", "1.100", "45292", "Liquidata", "N. 12"])("%j", (typed) => {
    const m = readMeasure(typed);
    expect(m?.type).toBe(
      readBoolean(typed).ok ? "boolean" : readDate(typed).ok ? "date" : readNumber(typed).ok ? "number" : "text",
    );
  });
});
