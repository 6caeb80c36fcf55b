import { DEFAULT_METHODOLOGY, METHODOLOGY_LABELS, type Methodology } from "../compute/methodology";
import { allObjectives, type UnreadableCell } from "../model/plan";
import { defineRule } from "./define";

const EXPECTED_LABELS: Record<UnreadableCell["expected"], string> = {
  number: "un numero",
  percent: "una percentuale (es. 30%)",
  weight: "un peso (es. 30% o MAX 20 PUNTI)",
  date: "una data (es. 31/12/2024)",
  months: "dei mesi (es. Gennaio - marzo)",
  boolean: "SI o NO",
};

/** Italian names of the fields the reader reports (UnreadableCell.field); every one it emits has one. */
export const FIELD_LABELS: Record<string, string> = {
  "objective.weight": "peso dell'obiettivo",
  "objective.deadline": "data di fine dell'obiettivo",
  "phase.weight": "peso della fase",
  "phase.deadline": "data di fine attesa della fase",
  "phase.completedOn": "data di completamento della fase",
  "phase.scheduleText": "cronoprogramma della fase",
  "schedule.weight": "peso della fase nel cronoprogramma",
  "schedule.months": "mesi del cronoprogramma",
  "indicator.target": "valore atteso",
  "indicator.actual": "valore raggiunto",
  "indicator.weight": "peso dell'indicatore",
  "staff.participation": "% di partecipazione",
  "staff.hourlyCost": "costo orario",
  "staff.hours": "ore dedicate",
  "staff.cost": "costo della risorsa",
  "staff.objective": "obiettivo del dipendente",
  "review.date": "data della verifica",
  "review.meanAchievement": "media valore raggiunto",
  "review.meanTimeliness": "media rispetto dei tempi",
};

function defaultText(key: string): string {
  const value = DEFAULT_METHODOLOGY[key as keyof Methodology];
  if (value === undefined || value === null) return "nessuno";
  if (Array.isArray(value)) return "le fasce predefinite";
  return String(value).replace(".", ",");
}

/** One finding per cell the reader could not read (plan.unreadable), at that cell. */
export const valueUnreadable = defineRule({
  id: "value-unreadable",
  severity: "error",
  description: "Cella che dovrebbe contenere un numero, una percentuale o una data e non si riesce a leggere.",
  messages: {
    unreadable:
      "La cella contiene «{text}», che non si legge come {expectedLabel}: {reason}. Correggere il valore ({fieldLabel}).",
    methodology:
      "Nel foglio Metodologia il valore «{text}» per «{setting}» non è valido: {reason}. Resta in uso il valore predefinito ({defaultValue}); correggere la cella.",
  },
  check({ plan, report }) {
    const byId = new Map(allObjectives(plan).map((o) => [o.id, o]));
    for (const cell of plan.unreadable) {
      // A cell outside any card (a weight-table row) still belongs to its structure.
      const objective = cell.objectiveId === null ? undefined : byId.get(cell.objectiveId);
      const subject = objective ?? (cell.structure ? { structure: cell.structure } : undefined);
      const base = { text: cell.text, expected: cell.expected, field: cell.field, reason: cell.reason };
      if (cell.field.startsWith("methodology.")) {
        const key = cell.field.slice("methodology.".length);
        const topKey = key.split(".")[0] as keyof Methodology;
        const setting = key.startsWith("bands.") ? `Fascia ${key.slice(6)}` : (METHODOLOGY_LABELS[topKey] ?? key);
        report("methodology", cell.at, { ...base, setting, defaultValue: defaultText(topKey) });
        continue;
      }
      report(
        "unreadable",
        cell.at,
        { ...base, expectedLabel: EXPECTED_LABELS[cell.expected], fieldLabel: FIELD_LABELS[cell.field] ?? cell.field },
        subject,
      );
    }
  },
});
