import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { computeScores } from "../../../src/engine/compute/scores";
import { runRules } from "../../../src/engine/rules";
import { buildWritePlan } from "../../../src/engine/write";
import type { CellWrite, OwnedSheet } from "../../../src/engine/write/types";
import { giuntaPlan } from "../../../src/ui/logic/plans";
import { indicator, months, num, objective, phase, plan, scheduleRow, weight } from "../rules/plan-builder";

function planOf(review: "final" | null) {
  const p = plan({
    objectives: [
      objective({ structure: "Servizio Tecnico", number: "1", owner: "Anna Neri", weight: weight(60), indicators: [indicator({ target: num(10), actual: num(8) })], phases: [phase({ number: "1", completedOn: "2024-03-10" })], schedule: [scheduleRow("1", months(1, 3))] }),
      objective({ structure: "Servizio Tecnico", number: "2", owner: "Anna Neri", weight: weight(30), indicators: [], phases: [], schedule: [] }),
      objective({ structure: "Polizia Locale", number: "1", owner: "Luca Verdi", weight: weight(100), indicators: [indicator({ target: num(5), actual: num(5) })], phases: [], schedule: [] }),
    ],
  });
  const scores = computeScores(p, { methodology: DEFAULT_METHODOLOGY, review: "final", asOf: "2024-12-31", overrides: [], schedules: [] });
  const findings = runRules(p, { methodology: DEFAULT_METHODOLOGY, review, asOf: "2024-12-31" });
  return buildWritePlan({ plan: p, findings, schedules: [], scores, methodology: DEFAULT_METHODOLOGY, snapshots: [], review });
}

const summaryOf = (review: "final" | null): OwnedSheet => planOf(review).sheets.find((s) => s.key === "summary") as OwnedSheet;

const at = (s: OwnedSheet, row: number, col: number): CellWrite["content"] | undefined => s.cells.find((c) => c.row === row && c.col === col)?.content;
const text = (s: OwnedSheet): string[] => s.cells.flatMap((c) => (c.content.kind === "text" ? [c.content.text] : []));

describe("Riepilogo", () => {
  const s = summaryOf("final");

  it("has one block per structure with its owner, objectives, weight total and check, owner score", () => {
    expect(s.name).toBe("Riepilogo");
    const t = text(s);
    expect(t).toEqual(expect.arrayContaining(["Servizio Tecnico", "Anna Neri", "Polizia Locale", "Luca Verdi", "Punteggio del responsabile: Anna Neri", "Punteggio del responsabile: Luca Verdi"]));
    // Servizio Tecnico: its line on sheet row 4, the header on row 5, objectives on rows 6–7, the total
    // on row 8 = 90 % → 10 points short, the owner on row 9.
    expect(at(s, 3, 1)).toEqual({ kind: "text", text: "Servizio Tecnico" });
    expect(at(s, 7, 1)).toEqual({ kind: "text", text: "Totale pesi" });
    expect(at(s, 7, 2)).toEqual({ kind: "formula", formula: "SUM(C6:C7)", result: 0.9 });
    expect(at(s, 7, 3)).toMatchObject({ kind: "formula", result: "Scarto da 100%: -10 punti" });
    expect(at(s, 5, 5)).toMatchObject({ kind: "formula", formula: expect.stringContaining("Punteggi!$") });
  });

  it("counts the errors of each objective and of the structure", () => {
    // Objective 2 has no indicator (an error); the structure's total adds its weights not summing to 100.
    expect(at(s, 6, 7)).toEqual({ kind: "number", value: 1 });
    expect(at(s, 7, 7)).toEqual({ kind: "number", value: 2 });
  });

  it("puts data bars on the scores and a page break after each structure but the last", () => {
    expect(s.dataBars).toEqual([
      { top: 5, left: 5, bottom: 6, right: 5, min: 0, max: 1, color: "#5B9BD5" },
      { top: 8, left: 5, bottom: 8, right: 5, min: 0, max: 1, color: "#5B9BD5" },
      { top: 12, left: 5, bottom: 12, right: 5, min: 0, max: 1, color: "#5B9BD5" },
      { top: 14, left: 5, bottom: 14, right: 5, min: 0, max: 1, color: "#5B9BD5" },
    ]);
    expect(s.pageBreaks).toEqual([8]);
  });

  it("is in the papers for the Giunta (Segretario view), which leave out the findings sheet", () => {
    expect(giuntaPlan(planOf("final")).sheets.map((x) => x.key)).toEqual(["scores", "summary", "report", "objectives", "phases", "indicators", "schedule", "staff", "methodology"]);
  });

  it("before a review: weights and findings only, no scores", () => {
    const check = summaryOf(null);
    expect(text(check)).not.toContain("Punteggio");
    expect(check.dataBars).toEqual([]);
  });
});
