import { readMethodology } from "../../../../src/engine/compute/methodology-sheet";
import type { CellValue } from "../../../../src/engine/model/snapshot";
import { methodologyInvalid } from "../../../../src/engine/rules/methodology-invalid";
import { grid } from "../../../helpers/grid";
import { objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

/** The problems of a Metodologia sheet whose rows start at A1. */
const sheet = (rows: CellValue[][]) => ({ methodologyProblems: readMethodology([grid("Metodologia", "A1", rows)]).problems });
const p = plan({ objectives: [objective()] });
const table = (...rows: CellValue[][]): CellValue[][] => rows.map((r, i) => [`Scaglione ${i + 1}`, ...r]);

export const cases: RuleCases = {
  rule: methodologyInvalid,
  valid: [
    { name: "no Metodologia sheet", plan: p },
    { name: "thresholds in order", plan: p, options: sheet([["Soglia minima (%)", 50], ["Soglia target (%)", 90], ["Soglia massima (%)", 120]]) },
    {
      name: "a range table from 0 with no gap",
      plan: p,
      options: sheet(table([0, 50, "fisso", 0], [50, 80, "proporzionale", 0, 100], [80, 200, "fisso", 100])),
    },
  ],
  invalid: [
    {
      name: "minimum at the target",
      plan: p,
      options: sheet([["Soglia minima (%)", 100], ["Soglia target (%)", 100]]),
      findings: [{ messageId: "threshold-order", sheet: "Metodologia", range: "B1", data: { min: 100, target: 100, setting: "thresholdMin" } }],
    },
    {
      name: "a target below the default minimum: on the target's cell",
      plan: p,
      options: sheet([["Soglia target (%)", 50]]),
      findings: [{ messageId: "threshold-order", sheet: "Metodologia", range: "B1", data: { min: 60, target: 50, setting: "thresholdMin" } }],
    },
    {
      name: "maximum below the target",
      plan: p,
      options: sheet([["Soglia target (%)", 100], ["Soglia massima (%)", 90]]),
      findings: [{ messageId: "threshold-max-order", sheet: "Metodologia", range: "B2", data: { max: 90, target: 100, setting: "thresholdMax" } }],
    },
    {
      name: "a table with a gap, an overlap, an empty row, a proportional row with no end, not starting at 0",
      plan: p,
      options: sheet(table([10, 50, "fisso", 0], [60, 80, "fisso", 50], [70, 90, "proporzionale", 60], [90, 90, "fisso", 100])),
      findings: [
        { messageId: "bands-start", sheet: "Metodologia", range: "A1:F1", data: { from: 10, setting: "achievementBands" } },
        { messageId: "bands-gap", sheet: "Metodologia", range: "A2:F2", data: { from: 60, previousTo: 50, setting: "achievementBands" } },
        { messageId: "band-no-end-value", sheet: "Metodologia", range: "A3:F3", data: { from: 70, to: 90, setting: "achievementBands" } },
        { messageId: "bands-overlap", sheet: "Metodologia", range: "A3:F3", data: { from: 70, previousTo: 80, setting: "achievementBands" } },
        { messageId: "band-empty", sheet: "Metodologia", range: "A4:F4", data: { from: 90, to: 90, setting: "achievementBands" } },
      ],
    },
    {
      name: "a days-late table with a gap",
      plan: p,
      options: sheet([["Ritardo 1", 0, 30, "fisso", 80], ["Ritardo 2", 45, 3660, "fisso", 0]]),
      findings: [{ messageId: "bands-gap", sheet: "Metodologia", range: "A2:F2", data: { from: 45, previousTo: 30, setting: "timelinessBands" } }],
    },
  ],
};
