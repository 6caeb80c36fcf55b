import { DEFAULT_METHODOLOGY, type Methodology } from "../../../src/engine/compute/methodology";
import { computeSchedule } from "../../../src/engine/compute/schedule";
import { bandOf, computeScores, endOfMonth, phaseTimeliness } from "../../../src/engine/compute/scores";
import type { Override, ReviewKind, Scores } from "../../../src/engine/compute/types";
import type { Plan } from "../../../src/engine/model/plan";
import { indicator, num, objective, phase, plan, scheduleRow, weight } from "../rules/plan-builder";
import { CARD4_INTERIM_ACTUALS, card1, card2, card3, card4, card5 } from "./servizio-amministrativo";

const ID4 = "servizio-amministrativo/4";

function score(p: Plan, review: ReviewKind, asOf: string, methodology: Partial<Methodology> = {}, overrides: Override[] = []): Scores {
  const m = { ...DEFAULT_METHODOLOGY, ...methodology };
  const schedules = p.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, p.year)));
  return computeScores(p, { methodology: m, review, asOf, overrides, schedules });
}

const objectiveScore = (s: Scores, id: string) => {
  const found = s.objectives.find((o) => o.objectiveId === id);
  if (!found) throw new Error(`no score for ${id}`);
  return found;
};

describe("Servizio Amministrativo, card 4 «Trasparenza» (targets SI, SI, 150, < di 5, 0, SI)", () => {
  describe("final review on 31/01/2025, achieved SI, NO, 120, 3, 1, SI", () => {
    const s = score(plan({ objectives: [card4()] }), "final", "2025-01-31");
    const o = objectiveScore(s, ID4);

    it("infers the indicator kinds", () => {
      expect(o.indicators.map((i) => i.kind)).toEqual(["yesno", "yesno", "higher", "lower", "lower", "yesno"]);
    });

    it("computes each achievement", () => {
      // SI = SI → 100; NO ≠ SI → 0; 120 ÷ 150 = 80; (2·5 − 3) ÷ 5 = 140 → capped 100;
      // target 0, actual 1 → 0; SI = SI → 100.
      expect(o.indicators.map((i) => i.achievement)).toEqual([100, 0, 80, 100, 0, 100]);
      expect(o.indicators.every((i) => i.included)).toBe(true);
    });

    it("media valore raggiunto = (100 + 0 + 80 + 100 + 0 + 100) / 6 = 63,33", () => {
      expect(o.meanAchievement).toBeCloseTo(380 / 6, 10);
    });

    it("phase timeliness against the cronoprogramma", () => {
      // Phase 1: last month December, done 20/12/2024 → 100.
      // Phase 2: last month December, done 15/01/2025 → 1 month late → 100 − 25 = 75.
      // Phase 3: due, never done → 0.
      // Phase 4: last month January, done 10/03/2024 → 2 months late → 100 − 50 = 50.
      expect(o.phases.map((p) => [p.lastMonth, p.due, p.timeliness, p.monthsLate])).toEqual([
        [12, true, 100, 0],
        [12, true, 75, 1],
        [12, true, 0, null],
        [1, true, 50, 2],
      ]);
    });

    it("media rispetto dei tempi = (100 + 75 + 0 + 50) / 4 = 56,25", () => {
      expect(o.meanTimeliness).toBe(56.25);
    });

    it("objective score = 50% × 63,33 + 50% × 56,25 = 59,79", () => {
      expect(o.score).toBeCloseTo((380 / 6 + 56.25) / 2, 10);
      expect(o.score).toBeCloseTo(59.7916667, 6);
      expect(o.finalScore).toBe(o.score);
      expect(o.override).toBeNull();
      expect(o.weight).toBe(15);
      expect(o.owner).toBe("Deborah Ariboni");
    });

    it("lists the settings it used", () => {
      expect(o.settingsUsed).toEqual(["achievementShare", "timelinessShare", "achievementCap", "timelinessPenaltyPerMonth"]);
    });
  });

  describe("interim review on 30/09/2024, achieved SI, NO, 90 and two values still missing", () => {
    const s = score(plan({ objectives: [card4(CARD4_INTERIM_ACTUALS)] }), "interim", "2024-09-30");
    const o = objectiveScore(s, ID4);

    it("leaves the missing values out and re-weights the others", () => {
      // 100, 0, 90 ÷ 150 = 60, —, —, 100 → (100 + 0 + 60 + 100) / 4 = 65.
      expect(o.indicators.map((i) => [i.achievement, i.included])).toEqual([
        [100, true],
        [0, true],
        [60, true],
        [null, false],
        [null, false],
        [100, true],
      ]);
      expect(o.indicators[3]?.note).toMatch(/mancante/);
      expect(o.meanAchievement).toBe(65);
    });

    it("counts only phase 4, the only one due by September", () => {
      // Phases 1–3 run to December: not due. Phase 4 (January) done 10/03 → 50.
      expect(o.phases.map((p) => p.due)).toEqual([false, false, false, true]);
      expect(o.phases.map((p) => p.timeliness)).toEqual([null, null, null, 50]);
      expect(o.meanTimeliness).toBe(50);
    });

    it("objective score = (65 + 50) / 2 = 57,5, band E", () => {
      expect(o.score).toBe(57.5);
      expect(s.owners[0]?.band).toBe("E");
      expect(o.settingsUsed).toContain("missingActualInterim");
    });
  });

  it("final review with the same two values still missing: they count 0 and are noted", () => {
    const o = objectiveScore(score(plan({ objectives: [card4(CARD4_INTERIM_ACTUALS)] }), "final", "2025-01-31"), ID4);
    // (100 + 0 + 60 + 0 + 0 + 100) / 6 = 43,33; timeliness 56,25 → (43,33 + 56,25) / 2 = 49,79.
    expect(o.indicators.map((i) => [i.achievement, i.included])).toEqual([
      [100, true],
      [0, true],
      [60, true],
      [0, true],
      [0, true],
      [100, true],
    ]);
    expect(o.indicators[4]?.note).toMatch(/conteggiato 0/);
    expect(o.meanAchievement).toBeCloseTo(260 / 6, 10);
    expect(o.score).toBeCloseTo((260 / 6 + 56.25) / 2, 10);
    expect(o.settingsUsed).toContain("missingActualFinal");
  });

  it("with a cap of 120%: < di 5 reached with 3 counts 120 instead of 100", () => {
    const o = objectiveScore(score(plan({ objectives: [card4()] }), "final", "2025-01-31", { achievementCap: 120 }), ID4);
    // 140 → capped 120: (100 + 0 + 80 + 120 + 0 + 100) / 6 = 66,67.
    expect(o.indicators.map((i) => i.achievement)).toEqual([100, 0, 80, 120, 0, 100]);
    expect(o.indicators[3]?.note).toMatch(/tetto/);
    expect(o.meanAchievement).toBeCloseTo(400 / 6, 10);
  });

  it("a 60/40 share and a 20-point monthly penalty change the score", () => {
    const o = objectiveScore(
      score(plan({ objectives: [card4()] }), "final", "2025-01-31", { achievementShare: 60, timelinessShare: 40, timelinessPenaltyPerMonth: 20 }),
      ID4,
    );
    // Timeliness: 100, 100 − 20 = 80, 0, 100 − 2 × 20 = 60 → 60. Score 0,6 × 63,33 + 0,4 × 60 = 62.
    expect(o.meanTimeliness).toBe(60);
    expect(o.score).toBeCloseTo(0.6 * (380 / 6) + 0.4 * 60, 10);
    expect(o.score).toBeCloseTo(62, 10);
  });
});

describe("owner score of Deborah Ariboni, Servizio Amministrativo (weights 30/30/15/15/10)", () => {
  const p = plan({ objectives: [card1(), card2(), card3(), card4(), card5()] });

  it("scores the other four cards", () => {
    const s = score(p, "final", "2025-01-31");
    // Card 1: 100 and 100. Card 2: (80 + 80) / 2 = 80 and 100 → 90. Card 3: 100 and (100 + 100 + 0 + 0) / 4
    // = 50 → 75. Card 5: 90 and (100 + 100 + 75 + 100) / 4 = 93,75 → 91,875.
    expect(s.objectives.map((o) => [o.objectiveId, o.meanAchievement, o.meanTimeliness, o.score])).toEqual([
      ["servizio-amministrativo/1", 100, 100, 100],
      ["servizio-amministrativo/2", 80, 100, 90],
      ["servizio-amministrativo/3", 100, 50, 75],
      [ID4, expect.closeTo(380 / 6, 10), 56.25, expect.closeTo(59.7916667, 6)],
      ["servizio-amministrativo/5", 90, 93.75, 91.875],
    ]);
    expect(objectiveScore(s, "servizio-amministrativo/2").indicators[1]).toMatchObject({ kind: "deadline", achievement: 80 });
    expect(objectiveScore(s, "servizio-amministrativo/2").settingsUsed).toContain("deadlinePenaltyPer30Days");
  });

  it("Σ weight × score ÷ Σ weights = 86,41, band C", () => {
    const s = score(p, "final", "2025-01-31");
    // (30 × 100 + 30 × 90 + 15 × 75 + 15 × 59,7917 + 10 × 91,875) / 100
    // = (3000 + 2700 + 1125 + 896,875 + 918,75) / 100 = 8640,625 / 100 = 86,40625.
    expect(s.owners).toHaveLength(1);
    expect(s.owners[0]).toEqual({
      owner: "Deborah Ariboni",
      structure: "Servizio Amministrativo",
      score: expect.closeTo(86.40625, 10),
      band: "C",
      objectiveIds: ["1", "2", "3", "4", "5"].map((n) => `servizio-amministrativo/${n}`),
    });
  });

  it("a Nucleo override of card 4 to 100 is kept beside the computed score and lifts the owner to band B", () => {
    const s = score(p, "final", "2025-01-31", {}, [{ objectiveId: ID4, value: 100, note: "Pubblicazioni verificate dal Nucleo" }]);
    const o = objectiveScore(s, ID4);
    expect(o.score).toBeCloseTo(59.7916667, 6);
    expect(o.override).toEqual({ value: 100, note: "Pubblicazioni verificate dal Nucleo" });
    expect(o.finalScore).toBe(100);
    // 8640,625 − 15 × 59,7917 + 15 × 100 = 8640,625 − 896,875 + 1500 = 9243,75 → 92,4375.
    expect(s.owners[0]?.score).toBeCloseTo(92.4375, 10);
    expect(s.owners[0]?.band).toBe("B");
  });

  it("an intersectoral objective without weight stays out of the owner score", () => {
    const extra = objective({ structure: "Servizio Amministrativo", number: "6", top: 500, weight: null, weightText: "Intersettoriale", intersectoral: true });
    const s = score(plan({ objectives: [card1(), card2(), card3(), card4(), card5(), extra] }), "final", "2025-01-31");
    expect(s.owners[0]?.score).toBeCloseTo(86.40625, 10);
    expect(s.owners[0]?.objectiveIds).toHaveLength(6);
  });

  it("weights in points count as their value", () => {
    const a = objective({ number: "1", weight: weight(20, "points"), indicators: [indicator({ actual: num(100) })], schedule: [], phases: [] });
    const b = objective({ number: "2", top: 60, weight: weight(60, "points"), indicators: [indicator({ actual: num(50) })], schedule: [], phases: [] });
    // (20 × 100 + 60 × 50) / 80 = 62,5.
    expect(score(plan({ objectives: [a, b] }), "final", "2025-01-31").owners[0]?.score).toBe(62.5);
  });
});

describe("phaseTimeliness", () => {
  it.each([
    // months, completedOn, asOf, due, timeliness, monthsLate
    [[1, 2, 3], "2024-03-31", "2024-09-30", true, 100, 0],
    [[1, 2, 3], "2024-02-10", "2024-09-30", true, 100, 0],
    [[1, 2, 3], "2024-04-01", "2024-09-30", true, 75, 1],
    [[1, 2, 3], "2024-04-30", "2024-09-30", true, 75, 1],
    [[1, 2, 3], "2024-05-01", "2024-09-30", true, 50, 2],
    [[1, 2, 3], "2024-09-15", "2024-09-30", true, 0, 6],
    [[1, 2, 3], null, "2024-09-30", true, 0, null],
    [[1, 2, 3], "2024-10-15", "2024-09-30", true, 0, null],
    [[10, 11, 12], "2024-09-01", "2024-09-30", false, null, null],
    [[9], null, "2024-09-30", true, 0, null],
    [[], "2024-01-01", "2024-09-30", false, null, null],
  ] as const)("months %j done %s at %s → due %s, %s%%, %s months late", (months, completedOn, asOf, due, timeliness, monthsLate) => {
    expect(phaseTimeliness(0, months, completedOn, 2024, asOf, 25)).toMatchObject({ due, timeliness, monthsLate });
  });

  it("ends months on their last day", () => {
    expect([endOfMonth(2024, 2), endOfMonth(2023, 2), endOfMonth(2024, 12)]).toEqual(["2024-02-29", "2023-02-28", "2024-12-31"]);
  });
});

describe("weighting", () => {
  const twoPhases = (w1: number | null, w2: number | null) =>
    objective({
      indicators: [indicator({ actual: num(100) })],
      phases: [
        phase({ number: "1", label: "Analisi", weight: w1, completedOn: "2024-06-30" }),
        phase({ number: "2", label: "Attuazione", weight: w2, completedOn: "2025-01-20" }),
      ],
      schedule: [scheduleRow("1", [1, 2, 3, 4, 5, 6]), scheduleRow("2", [10, 11, 12])],
    });

  it.each([
    // Phase 1 on time (100), phase 2 one month late (75).
    ["valid phase weights 70/30: (70 × 100 + 30 × 75) / 100", 70, 30, 92.5],
    ["phase weights summing to 90: plain mean", 70, 20, 87.5],
    ["some phases unweighted: plain mean", 70, null, 87.5],
    ["no phase weights: plain mean", null, null, 87.5],
  ])("%s", (_name, w1, w2, expected) => {
    const o = score(plan({ objectives: [twoPhases(w1, w2)] }), "final", "2025-01-31").objectives[0];
    expect(o?.meanTimeliness).toBe(expected);
  });

  it("indicator weights 70/30 weight the media valore raggiunto", () => {
    const make = (w1: number | null, w2: number | null) =>
      objective({
        indicators: [indicator({ target: num(10), actual: num(10), weight: w1 }), indicator({ target: num(10), actual: num(5), weight: w2 })],
      });
    const weighted = score(plan({ objectives: [make(70, 30)] }), "final", "2025-01-31").objectives[0];
    const plain = score(plan({ objectives: [make(70, null)] }), "final", "2025-01-31").objectives[0];
    // (70 × 100 + 30 × 50) / 100 = 85; unweighted (100 + 50) / 2 = 75.
    expect(weighted?.meanAchievement).toBe(85);
    expect(plain?.meanAchievement).toBe(75);
  });

  it("before any phase is due the score is the achievement alone", () => {
    const o = score(plan({ objectives: [objective({ indicators: [indicator({ actual: num(70) })] })] }), "interim", "2024-03-31").objectives[0];
    expect([o?.meanAchievement, o?.meanTimeliness, o?.score]).toEqual([70, null, 70]);
  });

  it("with nothing to measure the score is null and so is the band", () => {
    const o = objective({ indicators: [], phases: [], schedule: [] });
    const s = score(plan({ objectives: [o] }), "final", "2025-01-31");
    expect(s.objectives[0]?.score).toBeNull();
    expect(s.owners[0]).toMatchObject({ score: null, band: null });
  });
});

describe("bandOf", () => {
  it.each([
    [100, "A"],
    [95, "A"],
    [94.99, "B"],
    [90, "B"],
    [89.99, "C"],
    [80, "C"],
    [79.99, "D"],
    [70, "D"],
    [69.99, "E"],
    [0, "E"],
    [null, null],
  ] as const)("%s → %s", (s, band) => {
    expect(bandOf(s, DEFAULT_METHODOLOGY.bands)).toBe(band);
  });

  it("sorts bands given in any order", () => {
    expect(bandOf(85, [{ band: "basso", min: 0 }, { band: "alto", min: 80 }])).toBe("alto");
  });
});
