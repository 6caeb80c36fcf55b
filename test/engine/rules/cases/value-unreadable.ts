import { valueUnreadable } from "../../../../src/engine/rules/value-unreadable";
import type { UnreadableCell } from "../../../../src/engine/model/plan";
import { at, objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const cell = (address: string, overrides: Partial<UnreadableCell>): UnreadableCell => ({
  at: at(address),
  expected: "number",
  text: "?",
  reason: "non è un numero",
  field: "indicator.target",
  objectiveId: null,
  structure: null,
  ...overrides,
});

export const cases: RuleCases = {
  rule: valueUnreadable,
  valid: [{ name: "every cell read", plan: plan({ objectives: [objective()] }) }],
  invalid: [
    {
      name: "a phase weight written in words",
      plan: plan({
        objectives: [objective()],
        unreadable: [
          cell("C5", { expected: "percent", text: "cinquanta", reason: "non è una percentuale", field: "phase.weight", objectiveId: "servizio-amministrativo/1" }),
        ],
      }),
      findings: [
        {
          messageId: "unreadable",
          range: "C5",
          objectiveId: "servizio-amministrativo/1",
          data: {
            text: "cinquanta",
            expected: "percent",
            field: "phase.weight",
            reason: "non è una percentuale",
            expectedLabel: "una percentuale (es. 30%)",
            fieldLabel: "peso della fase",
          },
        },
      ],
    },
    {
      name: "a staff row of the tabular plan naming no objective of its structure",
      plan: plan({
        objectives: [objective()],
        unreadable: [
          cell("C40", { text: "7", reason: "Nessun obiettivo della struttura corrisponde a questo riferimento", field: "staff.objective", structure: "Servizio Amministrativo" }),
        ],
      }),
      findings: [
        {
          messageId: "unreadable",
          range: "C40",
          structure: "Servizio Amministrativo",
          data: {
            text: "7",
            expected: "number",
            field: "staff.objective",
            reason: "Nessun obiettivo della struttura corrisponde a questo riferimento",
            expectedLabel: "un numero",
            fieldLabel: "obiettivo del dipendente",
          },
        },
      ],
    },
    {
      name: "a setting on the Metodologia sheet",
      plan: plan({
        objectives: [objective()],
        unreadable: [cell("Metodologia!C4", { text: "tanto", reason: "serve un numero tra 100 e 200", field: "methodology.achievementCap" })],
      }),
      findings: [
        {
          messageId: "methodology",
          sheet: "Metodologia",
          range: "C4",
          data: {
            text: "tanto",
            expected: "number",
            field: "methodology.achievementCap",
            reason: "serve un numero tra 100 e 200",
            setting: "Tetto raggiungimento indicatore (%)",
            defaultValue: "100",
          },
        },
      ],
    },
    {
      name: "two at once on two sheets: a date and a merged range with an unknown field",
      plan: plan({
        objectives: [objective()],
        unreadable: [
          cell("Polizia Locale!D12", { expected: "date", text: "31/13/2024", reason: "mese 13 inesistente", field: "phase.deadline" }),
          cell("B3:C4", { expected: "months", text: "primavera", reason: "nessun mese riconosciuto", field: "altro.campo" }),
        ],
      }),
      findings: [
        {
          messageId: "unreadable",
          sheet: "Polizia Locale",
          range: "D12",
          data: {
            text: "31/13/2024",
            expected: "date",
            field: "phase.deadline",
            reason: "mese 13 inesistente",
            expectedLabel: "una data (es. 31/12/2024)",
            fieldLabel: "data di fine attesa della fase",
          },
        },
        {
          messageId: "unreadable",
          range: "B3:C4",
          data: {
            text: "primavera",
            expected: "months",
            field: "altro.campo",
            reason: "nessun mese riconosciuto",
            expectedLabel: "dei mesi (es. Gennaio - marzo)",
            fieldLabel: "altro.campo",
          },
        },
      ],
    },
  ],
};
