/**
 * Hand-made plans that walk every branch of the formulas the add-in writes: each indicator kind,
 * missing and non-comparable values, capped achievements, deadline penalties, phase weights that
 * do or do not sum to 100, phases not yet due, weights in points, objectives without weight or
 * without any figure, a Nucleo override, two owners in one structure. LibreOffice recalculates
 * them and the test compares with the engine.
 */
import { DEFAULT_METHODOLOGY, type Methodology } from "../../../src/engine/compute/methodology";
import { readMethodology } from "../../../src/engine/compute/methodology-sheet";
import { computeSchedule } from "../../../src/engine/compute/schedule";
import { computeScores } from "../../../src/engine/compute/scores";
import type { Override, ReviewKind, Scores } from "../../../src/engine/compute/types";
import type { Finding } from "../../../src/engine/model/finding";
import type { Plan } from "../../../src/engine/model/plan";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { buildWritePlan } from "../../../src/engine/write";
import type { WritePlan } from "../../../src/engine/write/types";
import {
  date,
  indicator,
  lessThan,
  months,
  no,
  num,
  objective,
  pct,
  phase,
  plan,
  scheduleRow,
  text,
  weight,
  yes,
} from "../../engine/rules/plan-builder";
import { card1, card2, card3, card4, card5 } from "../../engine/compute/servizio-amministrativo";

export interface EdgeCase {
  name: string;
  plan: Plan;
  scores: Scores;
  writePlan: WritePlan;
  methodology: Methodology;
}

const SHEET = "Scheda";

/** A plan with every branch, scored and turned into a write plan. */
export function edgeCase(
  name: string,
  review: ReviewKind,
  asOf: string,
  methodology: Partial<Methodology> = {},
  snapshots: SheetSnapshot[] = [],
  p: Plan = edgePlan(),
): EdgeCase {
  const m: Methodology = { ...DEFAULT_METHODOLOGY, ...methodology };
  if (snapshots.some((x) => x.name === "Metodologia")) Object.assign(m, readMethodology(snapshots).methodology);
  const schedules = p.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, p.year)));
  const overrides: Override[] = [{ objectiveId: "ufficio-tecnico/5", value: 92.5, note: "Valutazione del Nucleo" }];
  const scores = computeScores(p, { methodology: m, review, asOf, overrides, schedules });
  const findings: Finding[] = [];
  const sheet: SheetSnapshot = { name: SHEET, origin: { row: 0, col: 0 }, cells: [["Scheda di prova"]] };
  const writePlan = buildWritePlan({ plan: p, findings, schedules, scores, methodology: m, snapshots: [sheet, ...snapshots] });
  return { name, plan: p, scores, writePlan, methodology: m };
}

function edgePlan(): Plan {
  const tech = "Ufficio Tecnico";
  const objectives = [
    // Higher (80 %), lower capped (140 → cap), higher with target 0, two phases on time / late.
    objective({
      structure: tech,
      number: "1",
      owner: "Luca Verdi",
      weight: weight(40),
      indicators: [
        indicator({ target: num(100), actual: num(80) }),
        indicator({ target: lessThan(5), actual: num(3) }),
        indicator({ target: num(0), actual: num(2) }),
        indicator({ target: pct(50), actual: pct(65) }),
      ],
      phases: [
        phase({ number: "1", label: "Analisi", weight: 30, deadline: "2024-03-31", completedOn: "2024-03-15" }),
        phase({ number: "2", label: "Progetto", weight: 30, deadline: "2024-06-30", completedOn: "2024-08-02" }),
        phase({ number: "3", label: "Collaudo", weight: 40, deadline: "2024-11-30", completedOn: null }),
      ],
      schedule: [scheduleRow("1", months(1, 3)), scheduleRow("2", months(4, 6)), scheduleRow("3", months(7, 11))],
    }),
    // Yes/no, deadlines (on time, 45 days late, SI, NO not yet due / due), qualitative in % and SI.
    objective({
      structure: tech,
      number: "2",
      owner: "Luca Verdi",
      weight: weight(30),
      indicators: [
        indicator({ target: yes(), actual: no() }),
        indicator({ target: yes(), actual: yes() }),
        indicator({ target: date("2024-06-30"), actual: date("2024-06-20") }),
        indicator({ target: date("2024-06-30"), actual: date("2024-08-14") }),
        indicator({ target: date("2024-05-31"), actual: yes() }),
        indicator({ target: date("2024-10-31"), actual: no() }),
        indicator({ target: text("Entro 60 giorni dall'approvazione"), actual: pct(70) }),
        indicator({ target: text("Relazione al Nucleo"), actual: yes() }),
        indicator({ target: text("Relazione"), actual: text("fatta in parte") }),
      ],
      phases: [phase({ number: "1", label: "Unica fase", weight: null, deadline: "2024-12-31", completedOn: "2025-02-10" })],
      schedule: [scheduleRow("1", months(9, 12))],
    }),
    // Missing values (interim: left out; final: counted 0), weighted indicators, phase weights 90 %.
    objective({
      structure: tech,
      number: "3",
      owner: "Anna Neri",
      weight: weight(30),
      indicators: [
        indicator({ target: num(200), actual: num(150), weight: 60 }),
        indicator({ target: num(10), actual: null, weight: 40 }),
        indicator({ target: null, actual: null, weight: 10 }),
      ],
      phases: [
        phase({ number: "1", label: "Prima", weight: 40, completedOn: "2024-02-10" }),
        phase({ number: "2", label: "Seconda", weight: 50, completedOn: "2024-05-31" }),
      ],
      schedule: [scheduleRow("1", [1, 2]), scheduleRow("2", [3, 4])],
    }),
    // Weight in points; no indicator; phases not due until December.
    objective({
      structure: "Polizia Locale",
      number: "1",
      owner: "Michele Rallo",
      weight: weight(60, "points"),
      indicators: [],
      phases: [phase({ number: "1", label: "Servizi serali", completedOn: "2024-12-20" })],
      schedule: [scheduleRow("1", [12])],
    }),
    // Intersectoral: no weight; one indicator met exactly.
    objective({
      structure: "Polizia Locale",
      number: "2",
      owner: "Michele Rallo",
      weight: null,
      weightText: "Intersettoriale",
      indicators: [indicator({ target: num(12), actual: num(12) })],
      phases: [phase({ number: "1", label: "Festa del paese", completedOn: "2024-09-10" })],
      schedule: [scheduleRow("1", [9])],
    }),
    // No figure at all: no indicator, no phase.
    objective({ structure: "Polizia Locale", number: "3", owner: "Michele Rallo", weight: weight(40, "points"), indicators: [], phases: [], schedule: [] }),
    // Achievements in every zone of the thresholds and range-table presets: 45, 55, 60, 79, 80, 110, 125 %.
    objective({
      structure: "Polizia Locale",
      number: "4",
      owner: "Michele Rallo",
      weight: weight(20, "points"),
      indicators: [45, 55, 60, 79, 80, 110, 125].map((a) => indicator({ target: num(100), actual: num(a) })),
      phases: [phase({ number: "1", label: "Controlli", completedOn: "2024-05-15" })],
      schedule: [scheduleRow("1", [4])],
    }),
    // Nothing recorded yet: "non calcolabile", not 0 %.
    objective({
      structure: "Polizia Locale",
      number: "6",
      owner: "Michele Rallo",
      weight: weight(10, "points"),
      indicators: [indicator({ target: num(10), actual: null }), indicator({ target: lessThan(3), actual: null })],
      phases: [phase({ number: "1", label: "Da fare", completedOn: null })],
      schedule: [scheduleRow("1", [2, 3])],
    }),
    // Overridden by the Nucleo; a title that looks like a formula.
    objective({
      structure: tech,
      number: "5",
      title: LITERAL_TITLE,
      owner: "Anna Neri",
      weight: weight(0),
      indicators: [indicator({ target: num(4), actual: num(1) })],
      phases: [],
      schedule: [],
    }),
  ];
  const amministrativo = [card1(), card2(), card3(), card4(), card5()];
  return plan({ objectives: [...objectives, ...amministrativo] });
}

export const EDGE_SHEET = SHEET;

/** A card title that Excel would compute if it were typed: it must stay text everywhere. */
export const LITERAL_TITLE = "=1+1 non va calcolato";

/**
 * A Metodologia sheet of the user's, laid out in its own way: a title, settings in column B with
 * values in D, a share typed as a percent (0,6 formatted "0%"), custom bands.
 */
export const USER_METHODOLOGY: { name: string; cells: Record<string, string | number>; formats: Record<string, string> } = {
  name: "Metodologia",
  cells: {
    B2: "Sistema di misurazione del Comune",
    B4: "Quota media valore raggiunto (%)",
    D4: 0.6,
    B5: "Quota media rispetto dei tempi (%)",
    D5: 40,
    B6: "Tetto raggiungimento indicatore (%)",
    D6: 110,
    B7: "Valore mancante alla verifica finale",
    D7: "zero",
    B9: "Fascia Alta",
    D9: 85,
    B10: "Fascia Media",
    D10: 60,
    B11: "Fascia Bassa",
    D11: 0,
  },
  formats: { D4: "0%" },
};
