import { buildSyntheticSnapshots } from "../../fixtures/synthetic";
import { analyse } from "../../../src/engine/analyse";
import { buildWritePlan } from "../../../src/engine/write";
import { planReviewColumns } from "../../../src/engine/write/review-columns";
const t = () => performance.now();
test("bench", () => {
  const snaps = buildSyntheticSnapshots(1000);
  const an = analyse(snaps, { asOf: "2024-12-31", review: null });
  let a = t(); planReviewColumns(an.plan, snaps); console.log("review", Math.round(t() - a));
  a = t(); buildWritePlan({ ...an, snapshots: snaps }); console.log("noreview", Math.round(t() - a));
  a = t(); buildWritePlan({ ...an, snapshots: snaps }); console.log("noreview", Math.round(t() - a));
}, 600000);
