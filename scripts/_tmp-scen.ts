import { filledScenario, FILLED_SCENARIOS } from "../test/hosts/xlsx/roundtrip-helpers";
import { allObjectives } from "../src/engine/model/plan";
void (async () => {
  for (const n of FILLED_SCENARIOS) {
  const s = await filledScenario(n);
  const phases = allObjectives(s.analysis.plan).flatMap((o) => o.phases);
  console.log(n, phases.length, phases.filter((p) => p.completedOn).length);
  }
})();
