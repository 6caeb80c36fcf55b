import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { allRules } from "../../../src/engine/rules";
import { defineRule, runRuleList } from "../../../src/engine/rules/define";
import { at, objective, plan, src, structure, weight } from "./plan-builder";

const options = { methodology: DEFAULT_METHODOLOGY };

describe("runRuleList: whom a finding concerns", () => {
  const probe = defineRule({
    id: "probe",
    severity: "info",
    description: "Regola di prova.",
    messages: { m: "La prova {what}." },
    check({ plan: p, report }) {
      const o = p.structures[0]?.objectives[0];
      if (!o) return;
      report("m", at("B2"), { what: "obiettivo" }, o);
      report("m", at("Pesi!A2:D6"), { what: "struttura" }, { structure: "Polizia Locale" });
      report("m", at("A1"), { what: "nessuno" });
    },
  });

  it("an objective fills objectiveId and structure; { structure } the structure only; nothing neither", () => {
    const found = runRuleList([probe], plan({ objectives: [objective()] }), options);
    expect(found.map((f) => ({ what: f.data.what, objectiveId: f.objectiveId, structure: f.structure }))).toEqual([
      { what: "obiettivo", objectiveId: "servizio-amministrativo/1", structure: "Servizio Amministrativo" },
      { what: "struttura", objectiveId: undefined, structure: "Polizia Locale" },
      { what: "nessuno", objectiveId: undefined, structure: undefined },
    ]);
    expect(found.map((f) => Object.keys(f).includes("objectiveId"))).toEqual([true, false, false]);
  });

  it("every finding of every rule on a plan's structures names its structure", () => {
    const admin = [30, 30, 15].map((w, i) => objective({ number: String(i + 1), top: i * 60, weight: weight(w), indicators: [] }));
    const p = plan(
      {
        structures: [structure("Servizio Amministrativo", admin, { source: src({ weightTable: "A2:D4" }, "Pesi") })],
        unreadable: [
          {
            at: at("Pesi!D4"),
            expected: "weight",
            text: "tanto",
            reason: "non è un numero",
            field: "objective.weight",
            objectiveId: null,
            structure: "Servizio Amministrativo",
          },
        ],
      },
    );
    const found = runRuleList(allRules, p, { ...options, review: "final", asOf: "2025-01-31" });
    expect(found.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["objective-weights-sum", "value-unreadable", "indicator-missing"]));
    expect(found.filter((f) => f.structure !== "Servizio Amministrativo")).toEqual([]);
    const sum = found.find((f) => f.ruleId === "objective-weights-sum");
    expect(sum?.objectiveId).toBeUndefined();
  });
});

describe("how messages name an objective", () => {
  it("cuts a long title at a word, never inside one", async () => {
    const { objectiveLabel } = await import("../../../src/engine/rules/support/locate");
    const { objective } = await import("./plan-builder");
    const label = objectiveLabel(objective({ title: "Digitalizzazione dei procedimenti amministrativi e dei servizi demografici comunali" }));
    expect(label).toBe("1 «Digitalizzazione dei procedimenti amministrativi e dei…»");
    expect(objectiveLabel(objective({ title: "Trasparenza" }))).toBe("1 «Trasparenza»");
  });
});
