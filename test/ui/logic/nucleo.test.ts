import type { ObjectiveScore, OwnerScore, Scores } from "../../../src/engine/compute/types";
import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { compareScores, defaultReviewDate } from "../../../src/ui/logic/nucleo";

describe("defaultReviewDate", () => {
  it("is 30/09 of the plan year for an interim review and 31/12 for the final one", () => {
    expect(defaultReviewDate(2024, "interim")).toBe("2024-09-30");
    expect(defaultReviewDate(2024, "final")).toBe("2024-12-31");
  });
});

describe("compareScores", () => {
  const objective = (id: string, finalScore: number | null) => ({ objectiveId: id, finalScore }) as ObjectiveScore;
  const owner = (name: string, score: number | null, band: string | null): OwnerScore => ({ owner: name, structure: "S", score, band, objectiveIds: [] });
  const scores = (objectives: ObjectiveScore[], owners: OwnerScore[]): Scores => ({ asOf: "2024-12-31", review: "final", objectives, owners, methodology: DEFAULT_METHODOLOGY });

  it("gives each owner before → after and the objectives that moved most, an objective that became non calcolabile first", () => {
    const before = scores([objective("a", 80), objective("b", 60), objective("c", 90), objective("d", 50)], [owner("Rossi", 75, "D"), owner("Verdi", 50, "E")]);
    const after = scores([objective("a", 70), objective("b", 61), objective("c", 90), objective("d", null)], [owner("Rossi", 72, "D"), owner("Verdi", null, null)]);
    const w = compareScores(before, after);
    expect(w.owners).toEqual([
      { owner: "Rossi", structure: "S", before: 75, after: 72, bandBefore: "D", bandAfter: "D" },
      { owner: "Verdi", structure: "S", before: 50, after: null, bandBefore: "E", bandAfter: null },
    ]);
    expect(w.moved.map((m) => [m.objectiveId, m.delta])).toEqual([
      ["d", null],
      ["a", -10],
      ["b", 1],
    ]);
    expect(compareScores(before, after, 1).moved).toHaveLength(1);
  });
});
