import { readMethodology } from "../../../src/engine/compute/methodology-sheet";
import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { grid } from "../../helpers/grid";
import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/methodology-invalid";

describeRuleCases(cases);

describe("a bad setting falls back to its defaults", () => {
  it("thresholds out of order: the default thresholds, the rest as typed", () => {
    const { methodology } = readMethodology([grid("Metodologia", "A1", [["Conversione del raggiungimento", "soglie"], ["Soglia minima (%)", 90], ["Soglia target (%)", 80], ["Quota media valore raggiunto (%)", 70]])]);
    expect(methodology).toMatchObject({ conversion: "thresholds", thresholdMin: 60, thresholdTarget: 100, achievementShare: 70 });
  });

  it("a table with a gap: the default table", () => {
    const { methodology } = readMethodology([grid("Metodologia", "A1", [["Scaglione 1", 0, 40, "fisso", 0], ["Scaglione 2", 50, 200, "fisso", 100]])]);
    expect(methodology.achievementBands).toEqual(DEFAULT_METHODOLOGY.achievementBands);
  });
});
