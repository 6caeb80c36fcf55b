import { DEFAULT_METHODOLOGY } from "../../../../src/engine/compute/methodology";
import { runRules } from "../../../../src/engine/rules";
import { objectiveLabel, UNTITLED } from "../../../../src/engine/rules/support/locate";
import { objective, plan } from "../plan-builder";

describe("objectiveLabel", () => {
  it.each([
    ["4", "Trasparenza", "4 «Trasparenza»"],
    [null, "Trasparenza", "«Trasparenza»"],
    ["1", "", "1 (senza titolo)"],
    ["1", "  \n ", "1 (senza titolo)"],
    [null, "", "(senza titolo)"],
  ] as const)("number %j, title %j → %s", (number, title, label) => {
    expect(objectiveLabel(objective({ number, title }))).toBe(label);
  });

  it("is used by the rules' messages: no empty «» for an untitled objective", () => {
    const p = plan({ objectives: [objective({ title: "", weight: null })] });
    const messages = runRules(p, { methodology: DEFAULT_METHODOLOGY }).map((f) => f.message);
    expect(messages).toContain(`L'obiettivo 1 ${UNTITLED} non ha un peso. Indicare il peso in % (o in punti) nella tabella dei pesi di «Servizio Amministrativo».`);
    for (const m of messages) expect(m).not.toContain("«»");
  });
});
