import { objectiveWeightsSum } from "../../../../src/engine/rules/objective-weights-sum";
import type { Objective } from "../../../../src/engine/model/plan";
import { objective, plan, src, structure, weight } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const ADMIN = "Servizio Amministrativo";
const POLICE = "Polizia Locale";

/** Objectives of one structure, cards stacked every 60 rows, with these weights. */
const cards = (name: string, weights: Objective["weight"][], sheet = "Scheda"): Objective[] =>
  weights.map((w, i) => objective({ structure: name, number: String(i + 1), top: i * 60, weight: w, sheet }));

/** A structure whose weights sit in a summary table on the Pesi sheet. */
const withTable = (name: string, weights: Objective["weight"][], table: string) =>
  structure(name, cards(name, weights), { source: src({ weightTable: table }, "Pesi") });

const pcts = (...values: (number | null)[]) => values.map((v) => (v === null ? null : weight(v)));

export const cases: RuleCases = {
  rule: objectiveWeightsSum,
  valid: [
    { name: "Servizio Amministrativo 30/30/15/15/10", plan: plan({ structures: [withTable(ADMIN, pcts(30, 30, 15, 15, 10), "A2:D6")] }) },
    {
      name: "Polizia Locale 25/25/20/10/20 and an intersectoral objective without weight",
      plan: plan({ structures: [withTable(POLICE, pcts(25, 25, 20, 10, 20, null), "A2:D7")] }),
    },
    { name: "25 points × 4 = 100 points", plan: plan({ structures: [withTable(ADMIN, [25, 25, 25, 25].map((p) => weight(p, "points")), "A2:D5")] }) },
    { name: "a single objective at 100%", plan: plan({ objectives: [objective()] }) },
    { name: "33,33 + 33,33 + 33,34", plan: plan({ structures: [withTable(ADMIN, pcts(33.33, 33.33, 33.34), "A2:D4")] }) },
    { name: "no weight at all (weight-missing's finding)", plan: plan({ structures: [withTable(ADMIN, pcts(null, null), "A2:D3")] }) },
  ],
  invalid: [
    {
      name: "30/30/15/15 and one without weight = 90%",
      plan: plan({ structures: [withTable(ADMIN, pcts(30, 30, 15, 15, null), "A2:D6")] }),
      findings: [
        {
          messageId: "percent",
          sheet: "Pesi",
          range: "A2:D6",
          data: { structure: ADMIN, total: 90, unit: "percent", expected: 100, count: 4, missing: 1 },
        },
      ],
    },
    {
      name: "MAX 20 PUNTI × 4 = 80 points, no weight table: the weight cells of the cards",
      plan: plan({ objectives: cards(ADMIN, [20, 20, 20, 20].map((p) => weight(p, "points"))) }),
      findings: [
        {
          messageId: "points",
          range: "E2:E182",
          structure: ADMIN,
          data: { structure: ADMIN, total: 80, unit: "points", expected: 100, count: 4, missing: 0 },
        },
      ],
    },
    {
      name: "percent and points mixed",
      plan: plan({ structures: [structure(ADMIN, cards(ADMIN, [weight(50), weight(50, "points")]), { source: src({ weightTable: "B10:E11" }, "Pesi") })] }),
      findings: [{ messageId: "mixedUnits", sheet: "Pesi", range: "B10:E11", structure: ADMIN, data: { structure: ADMIN, percentCount: 1, pointsCount: 1 } }],
    },
    {
      name: "two structures wrong at once (80% and 110%)",
      plan: plan({ structures: [withTable(POLICE, pcts(25, 25, 20, 10, null), "A2:D6"), withTable(ADMIN, pcts(30, 30, 15, 15, 20), "A20:D24")] }),
      findings: [
        {
          messageId: "percent",
          sheet: "Pesi",
          range: "A2:D6",
          structure: POLICE,
          data: { structure: POLICE, total: 80, unit: "percent", expected: 100, count: 4, missing: 1 },
        },
        {
          messageId: "percent",
          sheet: "Pesi",
          range: "A20:D24",
          structure: ADMIN,
          data: { structure: ADMIN, total: 110, unit: "percent", expected: 100, count: 5, missing: 0 },
        },
      ],
    },
  ],
};
