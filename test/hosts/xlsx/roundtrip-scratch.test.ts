import { filledScenario, FILLED_SCENARIOS, workbookBytes, analyseBytes } from "./roundtrip-helpers";
test("x", async () => {
  for (const n of FILLED_SCENARIOS) {
    const s = await filledScenario(n);
    const a = s.analysis;
    const orig = await analyseBytes(workbookBytes(n));
    const phases = a.plan.structures.flatMap(x => x.objectives.flatMap(o => o.phases));
    const inds = a.plan.structures.flatMap(x => x.objectives.flatMap(o => o.indicators));
    console.log(n, orig.scores.objectives.length, "obj", a.scores.objectives.map(o => [o.meanAchievement?.toFixed(1), o.meanTimeliness?.toFixed(1), o.finalScore?.toFixed(1)].join("/")).join(" "),
      "\n phases", phases.length, "completed", phases.filter(p => p.completedOn).length, "withSrc", phases.filter(p => p.source.completedOn).length,
      "inds", inds.length, "actual", inds.filter(i => i.actual).length, "actualSrc", inds.filter(i => i.source.actual).length,
      "\n added", a.writePlan.addedCells.length, a.writePlan.messages?.map(m => m.code));
  }
}, 60000);
