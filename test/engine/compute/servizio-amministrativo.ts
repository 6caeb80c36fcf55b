import type { Measure, Objective, Phase } from "../../../src/engine/model/plan";
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
  scheduleRow,
  staff,
  weight,
  yes,
} from "../rules/plan-builder";

/**
 * The five 2024 cards of the Servizio Amministrativo of Casorate Primo
 * (../shared/domain/examples/casorate-2024-servizio-amministrativo.txt): weights 30/30/15/15/10.
 * Targets, phases and cronoprogrammi are the cards' own (card 1 and 2 cut to a few indicators
 * and phases); achieved values and completion dates are invented for the tests.
 */

const STRUCTURE = "Servizio Amministrativo";
const OWNER = "Deborah Ariboni";

/** Card 4, "Trasparenza": the six indicators as typed on the card. */
export const CARD4_INDICATORS = [
  ["Aggiornamento P.T.P.C.T.", yes()],
  ["Aggiornamento sito web", yes()],
  ["Pubblicazioni in sezione amministrazione trasparente", num(150)],
  ['n. richieste accesso civico "semplice"', lessThan(5)],
  ["n. atti sottoposti a controllo successivo non risultati conformi", num(0)],
  ["Rispetto scadenze adempimenti", yes()],
] as const;

/** Achieved values at the final review: SI, NO, 120, 3, 1, SI. */
export const CARD4_FINAL_ACTUALS: Measure[] = [yes(), no(), num(120), num(3), num(1), yes()];
/** Achieved values known at the interim review: SI, NO, 90, —, —, SI. */
export const CARD4_INTERIM_ACTUALS: (Measure | null)[] = [yes(), no(), num(90), null, null, yes()];

export const CARD4_PHASES = [
  "Proseguire nel recepimento delle novità normative in materia di anticorruzione, trasparenza",
  "Aggiornamento annuale P.T.P.C.",
  "Aggiornamento sito/amministrazione trasparente",
  "Adempimento art. 1 c. 32 legge 190/2012",
];

/**
 * Completion dates: phase 1 on 20/12/2024, phase 2 on 15/01/2025, phase 3 never, phase 4 on
 * 10/03/2024. Cronoprogramma: phases 1–3 January–December, phase 4 January only.
 */
export const CARD4_COMPLETED = ["2024-12-20", "2025-01-15", null, "2024-03-10"];

export function card4(actuals: readonly (Measure | null)[] = CARD4_FINAL_ACTUALS, top = 0): Objective {
  return objective({
    structure: STRUCTURE,
    owner: OWNER,
    number: "4",
    title: "Trasparenza",
    top,
    weight: weight(15),
    indicators: CARD4_INDICATORS.map(([description, target], i) => indicator({ description, target, actual: actuals[i] ?? null })),
    phases: CARD4_PHASES.map((label, i) => phase({ number: String(i + 1), label, completedOn: CARD4_COMPLETED[i] ?? null })),
    schedule: [
      scheduleRow("1", months(1, 12)),
      scheduleRow("2", months(1, 12)),
      scheduleRow("3", months(1, 12)),
      scheduleRow("4", [1]),
    ],
    staff: [staff("Ariboni Deborah", 60), staff("Stefano Gatti", 20), staff("Antonia Latorre", 10), staff("Enrica Braga", 10)],
  });
}

const done = (label: string, completedOn: string | null, extra: Partial<Phase> = {}): Phase => phase({ label, completedOn, ...extra });

/** Card 1, "Innovazione servizi demografici": 1100 and 150 reached (100), seven phases all year, done by 31/12 (100) → 100. */
export function card1(): Objective {
  const labels = [
    "Mantenimento nuova modalità di rilascio",
    "Rendicontazione periodica CIE",
    "Predisposizione modulistica per adesione alla donazione organi",
    "Comunicazione e sensibilizzazione cittadinanza",
    "Collaborazione con Ufficio di Piano",
    "Previsione acceleratoria dei procedimenti di cittadinanza",
    "Interscambiabilità fra Ufficiali d'Anagrafe, Elettorale e Stato Civile",
  ];
  return objective({
    structure: STRUCTURE,
    owner: OWNER,
    number: "1",
    title: "Innovazione servizi demografici",
    top: 100,
    weight: weight(30),
    indicators: [
      indicator({ description: "n. carte identità rilasciate in modalità elettronica", target: num(1100), actual: num(1100) }),
      indicator({ description: "n. certificati storici", target: num(150), actual: num(150) }),
    ],
    // Unnumbered bullets on the card; the grid numbers them 1…7.
    phases: labels.map((l) => done(l, "2024-12-31")),
    schedule: labels.map((_, i) => scheduleRow(String(i + 1), months(1, 12))),
    staff: [staff("Beatrice Garimberti", 33), staff("Carcassola Giovanna", 33), staff("Spazzini Mauro", 33)],
  });
}

/**
 * Card 2, "Misure previste dalla PA Digitale 2026 e fondi PNRR": domande accettate 4 of 5 (80);
 * investimento 1.2 due 15/05/2024, done 29/06/2024, 45 days late (two started 30-day periods:
 * 100 − 2 × 10 = 80); mean 80. Phase 1 (April–December) done 10/12/2024 (100) → (80 + 100) / 2 = 90.
 */
export function card2(): Objective {
  return objective({
    structure: STRUCTURE,
    owner: OWNER,
    number: "2",
    title: "Misure previste dalla PA Digitale 2026 e fondi PNRR.",
    top: 200,
    weight: weight(30),
    indicators: [
      indicator({ description: "Domande accettate", target: num(5), actual: num(4) }),
      indicator({
        description: 'Completamento dell\'attività Investimento 1.2 "Abilitazione al cloud per le PA Locali"',
        target: date("2024-05-15"),
        actual: date("2024-06-29"),
      }),
    ],
    phases: [done("Candidature e contrattualizzazione", "2024-12-10", { number: "1" })],
    schedule: [scheduleRow("1", months(4, 12))],
    staff: [staff("Ariboni Deborah", 60), staff("Stefano Gatti", 20), staff("Antonia Latorre", 10), staff("Enrica Braga", 10)],
  });
}

/**
 * Card 3, "Applicazione del lavoro da remoto": monitoraggio del telelavoro SI = SI (100). Phases
 * 1–3 in January, 4 all year; 1 and 2 done in January (100, 100), 3 and 4 never (0, 0) → 50 at
 * the final review → (100 + 50) / 2 = 75.
 */
export function card3(): Objective {
  return objective({
    structure: STRUCTURE,
    owner: OWNER,
    number: "3",
    title: "Applicazione del lavoro da remoto",
    top: 300,
    weight: weight(15),
    indicators: [indicator({ description: "Presenza monitoraggio del telelavoro", target: yes(), actual: yes() })],
    phases: [
      done("Mappatura dei processi di lavoro", "2024-01-31", { number: "1" }),
      done("Definizione del Programma di Sviluppo", "2024-01-20", { number: "2" }),
      done("Assegnazione di obiettivi ed attività specifiche", null, { number: "3" }),
      done("Formazione diffusa sui principi del lavoro da remoto", null, { number: "4" }),
    ],
    schedule: [scheduleRow("1", [1]), scheduleRow("2", [1]), scheduleRow("3", [1]), scheduleRow("4", months(1, 12))],
    staff: [staff("Ariboni Deborah", 40), staff("Stefano Gatti", 60)],
  });
}

/**
 * Card 5, "Contrattazione decentrata": CCNL 100% target, 90% reached (90). Cronoprogramma of the
 * card: 1 January–December, 2 June–July, 3 June, July, September, 4 April–June; done 31/12, 31/07,
 * 05/10 (one month after September: 75) and 30/06 → (100 + 100 + 75 + 100) / 4 = 93,75 →
 * (90 + 93,75) / 2 = 91,875.
 */
export function card5(): Objective {
  return objective({
    structure: STRUCTURE,
    owner: OWNER,
    number: "5",
    title: "Contrattazione decentrata",
    top: 400,
    weight: weight(10),
    indicators: [indicator({ description: "Rispetto fasi temporali previste dal CCNL e/o dalla normativa vigente", target: pct(100), actual: pct(90) })],
    phases: [
      done('Aggiornamento amministrazione trasparente sezioni "personale" e "performance"', "2024-12-31", { number: "1" }),
      done("Revisione programma triennale fabbisogno di personale", "2024-07-31", { number: "2" }),
      done("Attivazione procedure di assunzione a tempo in/determinato", "2024-10-05", { number: "3" }),
      done("Applicazione sistema di misurazione e valutazione delle performance", "2024-06-30", { number: "4" }),
    ],
    schedule: [scheduleRow("1", months(1, 12)), scheduleRow("2", [6, 7]), scheduleRow("3", [6, 7, 9]), scheduleRow("4", [4, 5, 6])],
    staff: [staff("Stefano Gatti", 33), staff("Loretta Cervi", 33), staff("Mirella Paganelli", 33)],
  });
}
