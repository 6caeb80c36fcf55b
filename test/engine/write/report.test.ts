import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { computeScores } from "../../../src/engine/compute/scores";
import { buildWritePlan } from "../../../src/engine/write";
import type { OwnedSheet } from "../../../src/engine/write/types";
import { indicator, num, objective, plan, review, weight } from "../rules/plan-builder";

function planAt(kind: "final" | "interim" | null) {
  const p = plan({
    objectives: [
      objective({
        number: "1",
        owner: "Anna Neri",
        weight: weight(100),
        indicators: [indicator({ description: "Pratiche evase", target: num(100), actual: num(80) }), indicator({ description: "Tempi medi", target: num(30), actual: null })],
        phases: [],
        schedule: [],
        reviews: [review({ kind: "final", causes: "Carenza di personale", actionsTaken: "Riorganizzazione dello sportello", actionsPlanned: "Nuova assunzione" })],
      }),
    ],
  });
  const scores = computeScores(p, { methodology: DEFAULT_METHODOLOGY, review: "final", asOf: "2024-12-31", overrides: [], schedules: [] });
  return buildWritePlan({ plan: p, findings: [], schedules: [], scores, methodology: DEFAULT_METHODOLOGY, snapshots: [], review: kind });
}

describe("Relazione (year end)", () => {
  it("is written at the final review only", () => {
    expect(planAt("final").sheets.some((s) => s.key === "report")).toBe(true);
    expect(planAt("interim").sheets.some((s) => s.key === "report")).toBe(false);
    expect(planAt(null).sheets.some((s) => s.key === "report")).toBe(false);
    expect(planAt(null).sheetNames?.some((n) => n.key === "report")).toBe(false);
  });

  it("has one row per objective: targets vs actuals, means and score as formulas over Punteggi, causes and actions from the card", () => {
    const sheet = planAt("final").sheets.find((s) => s.key === "report") as OwnedSheet;
    const table = sheet.tables[0];
    const headers = table?.columns.map((c) => c.header) ?? [];
    const row = table?.rows[0] ?? [];
    const cell = (h: string) => row[headers.indexOf(h)];
    expect(cell("Obiettivo")).toMatchObject({ kind: "text" });
    expect(cell("Valori attesi")).toEqual({ kind: "text", text: "Pratiche evase: 100\nTempi medi: 30" });
    expect(cell("Valori raggiunti")).toEqual({ kind: "text", text: "Pratiche evase: 80\nTempi medi: —" });
    // 80 % and a missing value counted 0 at the final review: 40 %.
    expect(cell("Media valore raggiunto")).toMatchObject({ kind: "formula", formula: expect.stringContaining("Punteggi!$F$5"), result: 0.4 });
    expect(cell("Punteggio")).toMatchObject({ kind: "formula", result: 0.4 });
    expect(cell("Fascia")).toMatchObject({ kind: "formula", result: "E" });
    expect(cell("Cause degli scostamenti")).toEqual({ kind: "text", text: "Carenza di personale" });
    expect(cell("Azioni correttive")).toEqual({ kind: "text", text: "Riorganizzazione dello sportello\nNuova assunzione" });
  });
});
