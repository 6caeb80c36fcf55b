import {
  computeAchievement,
  daysBetween,
  hasValue,
  indicatorKey,
  inferIndicatorKind,
} from "../../../src/engine/compute/indicators";
import { DEFAULT_METHODOLOGY, type Methodology } from "../../../src/engine/compute/methodology";
import type { IndicatorKind } from "../../../src/engine/compute/types";
import type { Measure } from "../../../src/engine/model/plan";
import { date, indicator, lessThan, no, num, pct, text, yes } from "../rules/plan-builder";

describe("inferIndicatorKind", () => {
  it.each<[string, Measure | null, IndicatorKind]>([
    ["1100 carte d'identità", num(1100), "higher"],
    ["30% (riduzione costi in the description only)", pct(30), "higher"],
    ["≥ 80%", num(80, { unit: "percent", comparator: ">=", text: "≥ 80%" }), "higher"],
    ["< di 5", lessThan(5), "lower"],
    ["≤ 3", num(3, { comparator: "<=", text: "≤ 3" }), "lower"],
    ["direction decrease", num(10, { unit: "percent", direction: "decrease", text: "-10%" }), "lower"],
    ["«riduzione del 10%» read as a number", num(10, { unit: "percent", text: "riduzione del 10%" }), "lower"],
    ["«non più di 3 giorni»", num(3, { text: "non più di 3 giorni" }), "lower"],
    ["target 0", num(0), "lower"],
    ["SI", yes(), "yesno"],
    ["NO", no(), "yesno"],
    ["15/05/2024", date("2024-05-15"), "deadline"],
    ["Entro il 31/12/2024", { type: "date", value: "2024-12-31", text: "Entro il 31/12/2024" }, "deadline"],
    ["Entro 60 giorni dall'elezione", text("Entro 60 giorni dall'elezione"), "qualitative"],
    ["Effettuata entro i termini", text("Effettuata entro i termini"), "qualitative"],
    ["no target", null, "qualitative"],
    ["placeholder «-»", text("-"), "qualitative"],
  ])("%s → %s", (_name, target, kind) => {
    expect(inferIndicatorKind(indicator({ target }))).toBe(kind);
  });

  it("a kind chosen by the user wins over the inferred one", () => {
    const i = indicator({ description: "Tempi medi di pagamento", target: num(30) });
    const key = indicatorKey("servizio-finanziario/3", 0);
    expect(key).toBe("servizio-finanziario/3#1");
    expect(inferIndicatorKind(i)).toBe("higher");
    expect(inferIndicatorKind(i, { [key]: "lower" }, key)).toBe("lower");
    expect(inferIndicatorKind(i, { other: "lower" }, key)).toBe("higher");
  });
});

describe("hasValue", () => {
  it.each<[Measure | null, boolean]>([
    [null, false],
    [text("N."), false],
    [text("N. N. N."), false],
    [text("%"), false],
    [text(" - "), false],
    [text("…"), false],
    [text("Effettuata"), true],
    [num(0), true],
    [no(), true],
  ])("%j → %s", (m, expected) => {
    expect(hasValue(m)).toBe(expected);
  });
});

describe("computeAchievement", () => {
  const m = DEFAULT_METHODOLOGY;
  const cap120: Methodology = { ...m, achievementCap: 120 };

  it.each<[string, Measure, Measure, IndicatorKind, Methodology, number]>([
    // higher: actual ÷ target
    ["150 pubblicazioni, 120 fatte: 120 ÷ 150", num(150), num(120), "higher", m, 80],
    ["150, 180 fatte: 120 → capped 100", num(150), num(180), "higher", m, 100],
    ["150, 180 fatte, cap 120: 120", num(150), num(180), "higher", cap120, 120],
    ["150, 300 fatte, cap 120: 200 → 120", num(150), num(300), "higher", cap120, 120],
    ["80%, 60% reached", pct(80), pct(60), "higher", m, 75],
    // lower: (2·target − actual) ÷ target
    ["< di 5, 3 richieste: (10 − 3) ÷ 5 = 140 → 100", lessThan(5), num(3), "lower", m, 100],
    ["< di 5, 3 richieste, cap 120: 140 → 120", lessThan(5), num(3), "lower", cap120, 120],
    ["< di 5, 7 richieste: (10 − 7) ÷ 5 = 60", lessThan(5), num(7), "lower", m, 60],
    ["< di 5, 12 richieste: −40 → 0", lessThan(5), num(12), "lower", m, 0],
    ["target 0, actual 0 → 100", num(0), num(0), "lower", m, 100],
    ["target 0, actual 1 → 0", num(0), num(1), "lower", m, 0],
    // yes/no
    ["SI, SI", yes(), yes(), "yesno", m, 100],
    ["SI, NO", yes(), no(), "yesno", m, 0],
    ["NO (presenza intranet), NO", no(), no(), "yesno", m, 100],
    // deadline: 10 points per started 30-day period late
    ["due 15/05, done 10/05", date("2024-05-15"), date("2024-05-10"), "deadline", m, 100],
    ["due 15/05, done 15/05", date("2024-05-15"), date("2024-05-15"), "deadline", m, 100],
    ["due 15/05, done 16/05: 1 day late", date("2024-05-15"), date("2024-05-16"), "deadline", m, 90],
    ["due 15/05, done 14/06: 30 days late", date("2024-05-15"), date("2024-06-14"), "deadline", m, 90],
    ["due 15/05, done 15/06: 31 days late", date("2024-05-15"), date("2024-06-15"), "deadline", m, 80],
    ["due 15/05, done 29/06: 45 days late → 2 periods → 80", date("2024-05-15"), date("2024-06-29"), "deadline", m, 80],
    ["45 days late with 5 points per period → 90", date("2024-05-15"), date("2024-06-29"), "deadline", { ...m, deadlinePenaltyPer30Days: 5 }, 90],
    ["due 29/02, done a year later → 0", date("2024-02-29"), date("2025-03-01"), "deadline", m, 0],
    ["deadline marked SI (done, no date)", date("2024-05-15"), yes(), "deadline", m, 100],
    // qualitative: the actual is the achievement
    ["Effettuata entro i termini, 80%", text("Effettuata entro i termini"), pct(80), "qualitative", m, 80],
    ["Entro 60 giorni, 130% → 100", text("Entro 60 giorni dall'elezione"), pct(130), "qualitative", m, 100],
    ["qualitative marked SI", text("Liquidata"), yes(), "qualitative", m, 100],
  ])("%s → %s%%", (_name, target, actual, kind, methodology, expected) => {
    const a = computeAchievement(indicator({ target, actual }), kind, methodology);
    expect(a.status).toBe("ok");
    expect(a.value).toBeCloseTo(expected, 10);
  });

  it("reports the days late and the raw figure", () => {
    const a = computeAchievement(indicator({ target: date("2024-05-15"), actual: date("2024-06-29") }), "deadline", m);
    expect(a).toMatchObject({ value: 80, raw: 80, daysLate: 45 });
    const b = computeAchievement(indicator({ target: lessThan(5), actual: num(3) }), "lower", m);
    expect(b).toMatchObject({ value: 100, raw: 140 });
    expect(b.note).toMatch(/tetto/);
  });

  it.each<[string, Measure | null, Measure | null, IndicatorKind, string]>([
    ["no actual", num(10), null, "higher", "missing-actual"],
    ["placeholder actual «N.»", num(10), text("N."), "higher", "missing-actual"],
    ["no target", null, num(3), "higher", "missing-target"],
    ["number target, SI actual", num(10), yes(), "higher", "not-comparable"],
    ["SI target, 3 actual", yes(), num(3), "yesno", "not-comparable"],
    ["date target, text actual", date("2024-05-15"), text("fatto"), "deadline", "not-comparable"],
    ["qualitative, text actual", text("Effettuata"), text("Effettuata"), "qualitative", "not-comparable"],
  ])("%s → %s, no value", (_name, target, actual, kind, status) => {
    const a = computeAchievement(indicator({ target, actual }), kind, m);
    expect(a.status).toBe(status);
    expect(a.value).toBeNull();
    expect(a.note).not.toBeNull();
  });

  it("a deadline marked NO is not yet due before its date, 0 after it", () => {
    const i = indicator({ target: date("2024-12-31"), actual: no() });
    expect(computeAchievement(i, "deadline", m, { asOf: "2024-09-30" }).status).toBe("not-due");
    expect(computeAchievement(i, "deadline", m, { asOf: "2025-01-31" }).value).toBe(0);
  });

  it("counts days across months and leap years", () => {
    expect(daysBetween("2024-05-15", "2024-06-29")).toBe(45);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-06-29", "2024-05-15")).toBe(-45);
  });
});
