import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { buildSyntheticSnapshots } from "../test/fixtures/synthetic";
import { analyse } from "../src/engine/analyse";
void (async () => {
  const snaps = buildSyntheticSnapshots(1000);
  analyse(snaps, { asOf: "2024-09-30", review: null });
  const s = new Session(); s.connect();
  await s.post("HeapProfiler.enable");
  await s.post("HeapProfiler.startSampling", { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  for (let i = 0; i < 3; i++) analyse(snaps, { asOf: "2024-09-30", review: process.argv[2] === "interim" ? "interim" : null });
  const { profile } = await s.post("HeapProfiler.stopSampling");
  writeFileSync("/tmp/h/heap.json", JSON.stringify(profile));
})();
