import {
  computeSchedule,
  labelNumber,
  matchScheduleRows,
  nameSimilarity,
} from "../../../src/engine/compute/schedule";
import type { Phase, ScheduleRow } from "../../../src/engine/model/plan";
import { months, objective, phase, scheduleRow } from "../rules/plan-builder";
import { CARD4_PHASES, card4 } from "./servizio-amministrativo";

const numbered = (...numbers: string[]): Phase[] => numbers.map((n) => phase({ number: n, label: `Fase ${n}` }));
const rows = (...labels: string[]): ScheduleRow[] => labels.map((l) => scheduleRow(l, [1]));

describe("labelNumber", () => {
  it.each([
    ["1", "1"],
    ["1.", "1"],
    ["2)", "2"],
    ["Fase 3", "3"],
    ["fase n. 4", "4"],
    ["1.2 Analisi", "1.2"],
    ["3.1.", "3.1"],
    [" 7 - Interscambiabilità", "7"],
    ["Analisi", null],
    ["2024", "2024"],
    ["10x", null],
  ])("%j → %j", (label, expected) => {
    expect(labelNumber(label)).toBe(expected);
  });
});

describe("nameSimilarity", () => {
  it("shares tokens over the shorter label, ignoring case, accents, stopwords and endings", () => {
    expect(nameSimilarity("Aggiornamento sito", "Aggiornamento sito/amministrazione trasparente")).toBe(1);
    expect(nameSimilarity("Aggiornamento sito", "Aggiornamento annuale P.T.P.C.")).toBe(0.5);
    expect(nameSimilarity("Attività di formazione", "ATTIVITA' della formazione")).toBe(1);
    expect(nameSimilarity("Collaudo", "Analisi")).toBe(0);
    expect(nameSimilarity("", "Analisi")).toBe(0);
  });
});

describe("matchScheduleRows", () => {
  it.each<[string, Phase[], ScheduleRow[], [number | null, string | null][]]>([
    ["numbers 1, 2", numbered("1", "2"), rows("1", "2"), [[0, "number"], [1, "number"]]],
    ["rows out of order", numbered("1", "2", "3"), rows("3", "1"), [[2, "number"], [0, "number"]]],
    ["«Fase 2» and «1.»", numbered("1", "2"), rows("Fase 2", "1."), [[1, "number"], [0, "number"]]],
    [
      "unnumbered bullets (card 1) take their position",
      [phase({ label: "Mantenimento" }), phase({ label: "Rendicontazione" }), phase({ label: "Modulistica" })],
      rows("1", "2", "3"),
      [[0, "number"], [1, "number"], [2, "number"]],
    ],
    ["layout-B phases 3.1, 3.2 answer to rows 1, 2", numbered("3.1", "3.2"), rows("1", "2"), [[0, "number"], [1, "number"]]],
    ["1.1 matches 1.1, not 1", numbered("1", "1.1"), rows("1.1"), [[1, "number"]]],
    [
      "by name (card 4)",
      CARD4_PHASES.map((label) => phase({ label })),
      rows("Adempimento legge 190/2012", "Aggiornamento sito", "Recepimento novità normative"),
      [[3, "name"], [2, "name"], [0, "name"]],
    ],
    ["a single phase and a single row", [phase({ label: "Gestione" })], rows("Tutto l'anno"), [[0, "single"]]],
    ["row 3 with two phases", numbered("1", "2"), rows("1", "2", "3"), [[0, "number"], [1, "number"], [null, null]]],
    ["no phases", [], rows("1"), [[null, null]]],
    ["a name sharing too little", [phase({ label: "Analisi dei processi di lavoro" }), phase({ label: "Formazione" })], rows("Collaudo finale delle sedi e dei processi"), [[null, null]]],
  ])("%s", (_name, phases, scheduleRows, expected) => {
    expect(matchScheduleRows(phases, scheduleRows).map((m) => [m.phaseIndex, m.by])).toEqual(expected);
  });
});

describe("computeSchedule", () => {
  it("card 4: phases 1–3 all year, phase 4 in January, from the grid", () => {
    const s = computeSchedule(card4(), 2024);
    expect(s.objectiveId).toBe("servizio-amministrativo/4");
    expect(s.source).toBe("grid");
    expect(s.phases.map((p) => [p.phaseIndex, p.months, p.source])).toEqual([
      [0, months(1, 12), "grid"],
      [1, months(1, 12), "grid"],
      [2, months(1, 12), "grid"],
      [3, [1], "grid"],
    ]);
    expect(s.phases[1]?.label).toBe("Aggiornamento annuale P.T.P.C.");
  });

  it("layout C: months from the schedule text", () => {
    const o = objective({
      schedule: [],
      phases: [
        phase({ number: "1", label: "Buoni spesa", scheduleText: "Gennaio (buoni spesa) – febbraio", scheduleMonths: [2, 1, 2] }),
        phase({ number: "2", label: "Contributo affitto", scheduleText: "Sino a novembre 2024", scheduleMonths: months(1, 11) }),
      ],
    });
    const s = computeSchedule(o, 2024);
    expect(s.source).toBe("text");
    expect(s.phases.map((p) => [p.months, p.source])).toEqual([
      [[1, 2], "text"],
      [months(1, 11), "text"],
    ]);
  });

  it("layout B: from the deadlines alone (template 2022, objective 2: 31/01, 31/03, 31/12, 31/12)", () => {
    const o = objective({
      schedule: [],
      phases: [
        phase({ number: "2.1", label: "Relazione anticorruzione", weight: 25, deadline: "2022-01-31" }),
        phase({ number: "2.2", label: "Aggiornamento piano triennale", weight: 25, deadline: "2022-03-31" }),
        phase({ number: "2.3", label: "Monitoraggio piano anticorruzione", weight: 25, deadline: "2022-12-31" }),
        phase({ number: "2.4", label: "Monitoraggio obblighi di pubblicazione", weight: 25, deadline: "2022-12-31" }),
      ],
    });
    const s = computeSchedule(o, 2022);
    expect(s.source).toBe("deadline");
    // January; February–March (after the previous deadline); April–December; 2.4 shares 2.3's
    // deadline, so it runs from January.
    expect(s.phases.map((p) => p.months)).toEqual([[1], [2, 3], months(4, 12), months(1, 12)]);
  });

  it("deadlines in another year: a later one runs to December, an earlier one gives no month", () => {
    const o = objective({
      schedule: [],
      phases: [phase({ number: "1", deadline: "2025-03-31" }), phase({ number: "2", deadline: "2023-12-31" }), phase({ number: "3" })],
    });
    const s = computeSchedule(o, 2024);
    expect(s.phases.map((p) => [p.months, p.source])).toEqual([
      [months(1, 12), "deadline"],
      [[], "none"],
      [[], "none"],
    ]);
    // Without a plan year, a deadline is taken in its own year.
    expect(computeSchedule(o, null).phases.map((p) => p.months)).toEqual([[1, 2, 3], months(1, 12), []]);
  });

  it("grid first, then text, then deadline; unmatched rows follow with phaseIndex null", () => {
    const o = objective({
      phases: [
        phase({ number: "1", label: "Analisi", deadline: "2024-03-31", scheduleMonths: [5] }),
        phase({ number: "2", label: "Attuazione", deadline: "2024-06-30", scheduleMonths: [7] }),
        phase({ number: "3", label: "Verifica", deadline: "2024-09-30" }),
      ],
      schedule: [scheduleRow("1", [1, 2]), scheduleRow("1", [3]), scheduleRow("2", []), scheduleRow("9", [12, 11])],
    });
    const s = computeSchedule(o, 2024);
    expect(s.source).toBe("grid");
    expect(s.phases.map((p) => [p.phaseIndex, p.label, p.months, p.source])).toEqual([
      [0, "Analisi", [1, 2, 3], "grid"],
      [1, "Attuazione", [7], "text"],
      [2, "Verifica", [7, 8, 9], "deadline"],
      [null, "9", [11, 12], "grid"],
    ]);
  });

  it("an objective with nothing planned", () => {
    const s = computeSchedule(objective({ phases: [], schedule: [] }), 2024);
    expect(s).toEqual({ objectiveId: "servizio-amministrativo/1", source: "none", phases: [] });
  });
});
