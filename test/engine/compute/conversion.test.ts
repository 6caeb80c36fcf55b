import { bandValue, convertAchievement, methodologyProblems } from "../../../src/engine/compute/conversion";
import { applyPreset, DEFAULT_METHODOLOGY, METHODOLOGY_PRESETS, MethodologySchema, presetOf } from "../../../src/engine/compute/methodology";
import { computeSchedule } from "../../../src/engine/compute/schedule";
import { computeScores, phaseTimeliness } from "../../../src/engine/compute/scores";
import { indicator, num, objective, phase, plan, scheduleRow } from "../rules/plan-builder";
import { WORKED, WORKED_AS_OF, WORKED_ID, workedPlan } from "./worked-example";

describe("the worked example of docs/DOMAIN.md, per preset", () => {
  it.each(Object.entries(WORKED))("%s", (_name, { methodology, figures }) => {
    const p = workedPlan();
    const schedules = p.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, p.year)));
    const s = computeScores(p, { methodology, review: "final", asOf: WORKED_AS_OF, overrides: [], schedules });
    const o = s.objectives.find((x) => x.objectiveId === WORKED_ID);
    expect(o?.indicators.map((i) => i.achievement)).toEqual(figures.achievements.map((a) => expect.closeTo(a, 9)));
    expect(o?.meanAchievement).toBeCloseTo(figures.meanAchievement, 9);
    expect(o?.meanTimeliness).toBeCloseTo(figures.meanTimeliness, 9);
    expect(o?.score).toBeCloseTo(figures.score, 9);
    expect(s.owners[0]?.band).toBe(figures.band);
  });
});

describe("convertAchievement", () => {
  const thresholds = applyPreset(DEFAULT_METHODOLOGY, "thresholds");
  it.each([
    [0, 0],
    [59.99, 0],
    [60, 0],
    [80, 50],
    [100, 100],
    [110, 105],
    [120, 110],
    [150, 110],
  ])("thresholds 60/100/120 → 110: %s %% counts %s", (r, out) => {
    expect(convertAchievement(r, thresholds)).toBeCloseTo(out, 9);
  });

  it("thresholds with a score at the minimum and no maximum: linear from it to 100, flat above the target", () => {
    const m = { ...thresholds, thresholdMinScore: 40, thresholdMax: null };
    expect(convertAchievement(60, m)).toBeCloseTo(40, 9);
    expect(convertAchievement(80, m)).toBeCloseTo(70, 9);
    expect(convertAchievement(130, m)).toBe(100);
  });

  const bands = applyPreset(DEFAULT_METHODOLOGY, "bands");
  it.each([
    [0, 0],
    [49.99, 0],
    [50, 50],
    [65, 65],
    [79.99, 79.99],
    [80, 100],
    [500, 100],
  ])("range table 0 / 50–80 as achieved / 100: %s %% counts %s", (r, out) => {
    expect(convertAchievement(r, bands)).toBeCloseTo(out, 9);
  });

  it("a proportional band scales from its value to its end value; the last band holds its end above", () => {
    const table = [
      { from: 0, to: 50, mode: "fixed" as const, value: 10, valueTo: null },
      { from: 50, to: 100, mode: "proportional" as const, value: 0, valueTo: 100 },
    ];
    expect(bandValue(20, table)).toBe(10);
    expect(bandValue(75, table)).toBeCloseTo(50, 9);
    expect(bandValue(130, table)).toBe(100);
  });

  it("linear leaves the figure as it is, negative figures count 0", () => {
    expect(convertAchievement(137, DEFAULT_METHODOLOGY)).toBe(137);
    expect(convertAchievement(-20, DEFAULT_METHODOLOGY)).toBe(0);
  });

  it("applies to every kind before the cap: a 130 % indicator under thresholds counts 110", () => {
    const p = plan({ objectives: [objective({ indicators: [indicator({ target: num(100), actual: num(130) })], phases: [phase({ number: "1", completedOn: null })], schedule: [scheduleRow("1", [12])] })] });
    const s = computeScores(p, { methodology: thresholds, review: "interim", asOf: "2024-06-30", overrides: [], schedules: [] });
    expect(s.objectives[0]?.indicators[0]?.achievement).toBe(110);
    expect(s.objectives[0]?.settingsUsed).toEqual(expect.arrayContaining(["conversion", "thresholdMin", "thresholdMax"]));
  });
});

describe("presets", () => {
  it("are valid methodologies, have Italian names, and are recognised back", () => {
    expect(METHODOLOGY_PRESETS.map((p) => p.name)).toEqual(["Lineare", "Soglie minima/target/massima", "Fasce di raggiungimento"]);
    for (const p of METHODOLOGY_PRESETS) {
      const m = applyPreset(DEFAULT_METHODOLOGY, p.id);
      expect(MethodologySchema.safeParse(m).success).toBe(true);
      expect(methodologyProblems(m)).toEqual([]);
      expect(presetOf(m)).toBe(p.id);
    }
    expect(presetOf(DEFAULT_METHODOLOGY)).toBe("linear");
    expect(presetOf({ ...DEFAULT_METHODOLOGY, conversion: "thresholds", thresholdMin: 50 })).toBeNull();
  });

  it("keep the settings they do not set", () => {
    const m = applyPreset({ ...DEFAULT_METHODOLOGY, achievementShare: 70, timelinessShare: 30 }, "bands");
    expect(m).toMatchObject({ achievementShare: 70, timelinessShare: 30, conversion: "bands" });
  });
});

describe("non calcolabile", () => {
  const schedule = [scheduleRow("1", [1, 2])];
  const p = (actual: ReturnType<typeof num> | null, completedOn: string | null) =>
    plan({ objectives: [objective({ indicators: [indicator({ target: num(10), actual })], phases: [phase({ number: "1", weight: null, completedOn })], schedule })] });
  const run = (pl: ReturnType<typeof p>) => computeScores(pl, { methodology: DEFAULT_METHODOLOGY, review: "final", asOf: "2024-12-31", overrides: [], schedules: [] });

  it("nothing recorded: no mean, no score, no band (not 0 % and E)", () => {
    const s = run(p(null, null));
    expect(s.objectives[0]).toMatchObject({ meanAchievement: null, meanTimeliness: null, score: null, notComputable: ["achievement", "timeliness"] });
    expect(s.owners[0]).toMatchObject({ score: null, band: null });
  });

  it("an achieved value recorded: the timeliness alone is non calcolabile", () => {
    const s = run(p(num(5), null));
    expect(s.objectives[0]).toMatchObject({ meanAchievement: 50, meanTimeliness: null, score: 50, notComputable: ["timeliness"] });
  });

  it("one of two indicators recorded at the final review: the other counts 0, as the methodology says", () => {
    const pl = plan({ objectives: [objective({ indicators: [indicator({ target: num(10), actual: num(10) }), indicator({ target: num(10), actual: null })], phases: [], schedule: [] })] });
    expect(run(pl).objectives[0]).toMatchObject({ meanAchievement: 50, notComputable: [] });
  });
});

describe("timeliness by a days-late table", () => {
  const table = [
    { from: 0, to: 31, mode: "fixed" as const, value: 75, valueTo: null },
    { from: 31, to: 91, mode: "proportional" as const, value: 60, valueTo: 0 },
    { from: 91, to: 3660, mode: "fixed" as const, value: 0, valueTo: null },
  ];
  it.each([
    ["2024-06-30", 100, 0],
    ["2024-07-30", 75, 1],
    ["2024-07-31", 60, 1],
    ["2024-08-30", 60 - (30 / 60) * 60, 2],
    ["2024-12-01", 0, 6],
  ])("a phase due by 30/06 completed on %s counts %s (months late %s, still reported)", (completedOn, timeliness, monthsLate) => {
    const t = phaseTimeliness(0, [4, 5, 6], completedOn, 2024, "2024-12-31", 25, table);
    expect(t.timeliness).toBeCloseTo(timeliness, 9);
    expect(t.monthsLate).toBe(monthsLate);
  });

  it("without the table: today's 25 points a month", () => {
    expect(phaseTimeliness(0, [4, 5, 6], "2024-08-01", 2024, "2024-12-31", 25).timeliness).toBe(50);
  });
});
