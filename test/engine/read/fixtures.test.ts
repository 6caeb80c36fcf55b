import { readPlan } from "../../../src/engine/read";
import { allObjectives, type Measure, type Plan } from "../../../src/engine/model/plan";
import { loadFixtureSnapshots, type FixtureName } from "../../fixtures";
import { at, objective, structure } from "./helpers";

/**
 * The committed .xlsx fixtures, read through the real xlsx reader. Every expected figure is
 * counted from the source text in ../shared/domain/examples (not from this reader's output);
 * comments give the interpretive choices where the text allows more than one reading.
 */

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const range = (from: number, to: number): number[] => ALL.filter((m) => m >= from && m <= to);

async function load(name: FixtureName): Promise<Plan> {
  return readPlan(await loadFixtureSnapshots(name));
}

/** A target reduced to what the text says: a number, true/false, an ISO date or the text. */
function value(m: Measure | null): number | boolean | string | null {
  if (m === null) return null;
  return m.type === "text" ? m.text : m.value;
}

describe("fixture casorate-servizio-amministrativo", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await load("casorate-servizio-amministrativo");
  });

  it("has one structure with five objectives weighted 30/30/15/15/10", () => {
    expect(plan.structures.map((s) => [s.name, s.owner])).toEqual([["Servizio Amministrativo", "DEBORAH ARIBONI"]]);
    expect(allObjectives(plan).map((o) => [o.id, o.kind, o.weight])).toEqual([
      ["servizio-amministrativo/1", "miglioramento", { value: 30, unit: "percent" }],
      ["servizio-amministrativo/2", "innovativo", { value: 30, unit: "percent" }],
      ["servizio-amministrativo/3", "innovativo", { value: 15, unit: "percent" }],
      ["servizio-amministrativo/4", "miglioramento", { value: 15, unit: "percent" }],
      ["servizio-amministrativo/5", "miglioramento", { value: 10, unit: "percent" }],
    ]);
    expect(plan.year).toBe(2024);
    expect(plan.sheets).toEqual([{ name: "Servizio Amministrativo", cards: 5, layouts: ["A"] }]);
  });

  it("counts phases, indicators, cronoprogramma rows, reviews and staff per card", () => {
    expect(allObjectives(plan).map((o) => [o.number, o.phases.length, o.indicators.length, o.schedule.length, o.reviews.length, o.staff.length])).toEqual([
      // Card 1: seven "-" items after "Fasi di attuazione:"; the sixth holds "= 1) Prestazione …
      // 2) Dichiarazione …", sub-points of that bullet, not phases (the cronoprogramma has 7 rows).
      ["1", 7, 7, 7, 2, 3],
      // Card 2: no "Fasi di attuazione" and no list starting at 1 of its own: the "1. Migrazione
      // al cloud … 4." list is part of a description paragraph ("investimenti previsti … sono i
      // seguenti:"), so the card lists no phase; its 7 numbered cronoprogramma rows are its
      // phases, "1" … "7" (phase-description-missing says the card does not describe them).
      ["2", 7, 7, 7, 2, 4],
      // Card 3: the numbered list "1. Mappatura … 4. Formazione"; 46 indicators in 11 groups; the
      // "Tempi di realizzazione | Dall'1/01/2024 | A tempo indeterminato" row is a period, not a grid.
      ["3", 4, 46, 4, 2, 7],
      ["4", 4, 6, 4, 2, 4],
      ["5", 4, 2, 4, 2, 3],
    ]);
  });

  it("reads card 1's phases and targets as typed", () => {
    const o = objective(plan, "servizio-amministrativo/1");
    expect(o.phases.map((p) => p.label.slice(0, 40))).toEqual([
      "Mantenimento nuova modalità di rilascio",
      "Rendicontazione periodica CIE",
      "Predisposizione modulistica per adesione",
      "Comunicazione e sensibilizzazione cittad",
      "Collaborazione con Ufficio di Piano che ",
      "Previsione acceleratoria della gestione ",
      "Interscambiabilità fra Ufficiali d'Anagr",
    ]);
    expect(o.phases[5]?.label).toContain("Prestazione del giuramento entro 30 giorni");
    expect(o.indicators.map((i) => value(i.target))).toEqual([
      1100,
      15,
      450,
      expect.stringMatching(/^-Entro 30 giorni dalla notifica/),
      expect.stringMatching(/^N\. pratiche svolte da parte degli Ufficiali/),
      expect.stringMatching(/^N\. pratiche da parte dell'Ufficiale di Stato Civile/),
      150,
    ]);
    // "N. N. N." and "N." in the "Valore raggiunto" column are placeholders, not achieved values.
    expect(o.indicators.every((i) => i.actual === null)).toBe(true);
    expect(o.schedule.every((r) => r.months.length === 12)).toBe(true);
    expect(o.staff.map((s) => s.participation)).toEqual([33, 33, 33]);
  });

  it("reads card 2's deadline targets, including a date typed as text", () => {
    const o = objective(plan, "servizio-amministrativo/2");
    expect(o.indicators.map((i) => value(i.target))).toEqual([5, "Effettuata entro i termini", "2024-05-15", "2024-02-29", "Liquidata", "2024-05-15", "2024-05-15"]);
    expect(o.schedule.map((r) => r.months)).toEqual([range(4, 12), ALL, ALL, ALL, ALL, ALL, ALL]);
  });

  it("reads card 3's indicator groups", () => {
    const o = objective(plan, "servizio-amministrativo/3");
    const groups = [...new Set(o.indicators.map((i) => (i.group ?? "").split(" (")[0] ?? ""))];
    expect(groups).toEqual([
      "SALUTE ORGANIZZATIVA",
      "SALUTE PROFESSIONALE",
      "SALUTE ECONOMICO FINANZIARIA",
      "SALUTE DIGITALE",
      "DATI QUANTITATIVI LAVORO AGILE",
      "DATI QUALITATIVI LAVORO AGILE",
      "INDICI DI ECONOMICITA'",
      "INDICI DI EFFICIENZA",
      "INDICI DI EFFICACIA",
      "INDICI DI IMPATTO ESTERNI",
      "INDICI DI IMPATTO INTERNI",
    ]);
    const perGroup = groups.map((g) => o.indicators.filter((i) => (i.group ?? "").startsWith(g)).length);
    expect(perGroup).toEqual([4, 7, 3, 14, 3, 1, 2, 3, 2, 3, 4]);
    // "Minor consumo di patrimonio … | -": a dash is no target.
    expect(o.indicators.find((i) => i.description?.startsWith("Minor consumo"))?.target).toBeNull();
    expect(o.schedule.map((r) => r.months)).toEqual([[1], [1], [1], ALL]);
  });

  it("reads card 5's cronoprogramma and its two 100% targets", () => {
    const o = objective(plan, "servizio-amministrativo/5");
    expect(o.schedule.map((r) => r.months)).toEqual([ALL, [6, 7], [6, 7, 9], [4, 5, 6]]);
    expect(o.indicators.map((i) => i.target)).toEqual([
      expect.objectContaining({ type: "number", value: 100, unit: "percent" }),
      expect.objectContaining({ type: "number", value: 100, unit: "percent" }),
    ]);
  });

  it("keeps provenance (see test/fixtures/LAYOUTS.md)", () => {
    const o1 = objective(plan, "servizio-amministrativo/1");
    expect(at(o1.source.heading)).toBe("Servizio Amministrativo!B14");
    expect(at(o1.source.title)).toBe("Servizio Amministrativo!C18");
    expect(at(o1.source.weight)).toBe("Servizio Amministrativo!E8");
    expect(at(o1.indicators[0]?.source.target)).toBe("Servizio Amministrativo!C30");
    expect(at(structure(plan, "Servizio Amministrativo").source.weightTable)).toBe("Servizio Amministrativo!B8:E12");
    expect(plan.unreadable).toEqual([]);
  });
});

describe("fixture casorate-polizia-locale", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await load("casorate-polizia-locale");
  });

  it("has one structure over two sheets, six objectives 25/25/20/10/20/Intersettoriale", () => {
    expect(plan.structures.map((s) => [s.name, s.owner])).toEqual([["POLIZIA LOCALE", "MICHELE RALLO"]]);
    expect(allObjectives(plan).map((o) => [o.id, o.weight?.value ?? null, o.weightText, o.intersectoral])).toEqual([
      ["polizia-locale/1", 25, null, false],
      ["polizia-locale/2", 25, null, false],
      ["polizia-locale/3", 20, null, false],
      ["polizia-locale/4", 10, null, false],
      ["polizia-locale/5", 20, null, false],
      ["polizia-locale/6", null, "Intersettoriale", true],
    ]);
    expect(plan.sheets).toEqual([
      { name: "Polizia Locale", cards: 3, layouts: ["A"] },
      { name: "Polizia Locale (2)", cards: 3, layouts: ["A"] },
    ]);
  });

  it("counts phases, indicators, cronoprogramma rows, reviews and staff per card", () => {
    expect(allObjectives(plan).map((o) => [o.number, o.phases.length, o.indicators.length, o.schedule.length, o.reviews.length, o.staff.length])).toEqual([
      // Cards 1 and 2 have a description only: no phase list, indicators or cronoprogramma.
      ["1", 0, 0, 0, 2, 6],
      ["2", 0, 0, 0, 2, 6],
      // Card 3: "Fasi di attuazione: 1. … 2. …" inside the description cell.
      ["3", 2, 0, 0, 2, 6],
      // Card 4: the list after "Fasi di attuazione:" is in the next row's cell ("1. programmazione del servizio").
      ["4", 1, 1, 1, 2, 6],
      ["5", 3, 3, 3, 2, 6],
      // Card 6: no phase list; its six cronoprogramma rows are names, so they are the phases.
      ["6", 6, 7, 6, 2, 12],
    ]);
  });

  it("reads schedules and targets as typed", () => {
    expect(objective(plan, "polizia-locale/4").schedule.map((r) => [r.label, r.months])).toEqual([["Servizi programmati", [3, 4, 5, 6, 7, 9, 10, 11, 12]]]);
    expect(objective(plan, "polizia-locale/5").schedule.map((r) => r.months)).toEqual([range(1, 7), [7, 8, 9], range(9, 12)]);
    expect(objective(plan, "polizia-locale/6").schedule.map((r) => r.months)).toEqual([range(5, 9), [10], [9, 10], [9, 10], [10], [10]]);
    expect(objective(plan, "polizia-locale/5").indicators.map((i) => value(i.target))).toEqual([true, true, true]);
    expect(objective(plan, "polizia-locale/6").indicators.map((i) => value(i.target))).toEqual([2, 8, 4, 250, 180, 60, 180]);
    expect(objective(plan, "polizia-locale/1").staff.map((s) => [s.category, s.participation])).toEqual([
      ["D3", 20],
      ["C1", 15],
      ["C1", 15],
      ["C1", 15],
      ["C1", 15],
      ["C4", 20],
    ]);
    // Card 6's presumed staff has no participation typed: null, never 0.
    expect(objective(plan, "polizia-locale/6").staff.every((s) => s.participation === null)).toBe(true);
  });

  it("keeps provenance across both sheets", () => {
    const o1 = objective(plan, "polizia-locale/1");
    expect(at(o1.source.heading)).toBe("Polizia Locale!B8");
    expect(at(o1.source.weight)).toBe("Polizia Locale!T8");
    expect(at(o1.source.title)).toBe("Polizia Locale!C13");
    expect(at(objective(plan, "polizia-locale/6").source.weight)).toBe("Polizia Locale!T13");
    expect(at(objective(plan, "polizia-locale/6").source.heading)).toBe("Polizia Locale (2)!C135");
    // The weight table beside card 1 is not part of the card.
    expect(o1.source.card?.right).toBeLessThan(16);
    expect(plan.unreadable).toEqual([]);
  });
});

describe("fixture casorate-segreteria", () => {
  it("reads the two objectives of the 'peso' table, with the deadlines closing their descriptions", async () => {
    const plan = await load("casorate-segreteria");
    expect(plan.structures.map((s) => [s.name, s.owner])).toEqual([["SEGRETERIA COMUNALE", "SEGRETARIO COMUNALE"]]);
    expect(allObjectives(plan).map((o) => [o.number, o.weight?.value, o.deadline, o.title.slice(0, 30)])).toEqual([
      [null, 40, "2024-12-31", "Autodichiarazione e controlli "],
      [null, 60, "2024-12-31", "Servizi pubblici locali"],
    ]);
    const first = allObjectives(plan)[0];
    expect(first?.description).toMatch(/da sottoporre agli OOEE\.$/);
    expect(at(first?.source.weight)).toBe("Segreteria Comunale!B9");
    expect(plan.unreadable).toEqual([]);
  });
});

describe("fixture pdo-template-2022", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await load("pdo-template-2022");
  });
  const TECNICA = "AREA TECNICA, LAVORI PUBBLICI, URBANISTICA, EDILIZIA, MANUETNZIONI, BENI DEMANIALI, AMBIENTE E TRASPORTI";

  it("has two structures with owners left blank (underscores)", () => {
    expect(plan.structures.map((s) => [s.name, s.owner])).toEqual([
      ["SEGRETERIA", null],
      [TECNICA, null],
    ]);
    expect(plan.structures.map((s) => s.strategy?.mission)).toEqual([
      "Servizi istituzionali, generali e di gestione",
      "Sviluppo sostenibile e tutela del territorio e dell'ambiente; Assetto del territorio ed edilizia abitativa;",
    ]);
    expect(plan.year).toBe(2022);
  });

  it("reads the Segreteria table: weights, phases with (x%) weights and deadlines, one indicator per filled row", () => {
    const objectives = structure(plan, "SEGRETERIA").objectives;
    expect(objectives.map((o) => [o.number, o.weight?.value, o.deadline, o.phases.map((p) => [p.number, p.weight, p.deadline]), o.indicators.length])).toEqual([
      ["1", 20, "2022-12-31", [["1.1", 50, "2022-07-31"], ["1.2", 50, "2022-12-31"]], 3],
      ["2", 20, "2022-12-31", [["2.1", 25, "2022-01-31"], ["2.2", 25, "2022-03-31"], ["2.3", 25, "2022-12-31"], ["2.4", 25, "2022-12-31"]], 5],
      ["3", 10, "2022-12-31", [["3.1", 50, "2022-06-30"], ["3.2", 50, "2022-12-31"]], 3],
      ["4", 20, "2022-07-31", [["4.1", 50, "2022-05-31"], ["4.2", 50, "2022-07-31"]], 3],
      ["5", 10, "2022-12-31", [["5.1", 50, "2022-03-31"], ["5.2", 50, "2022-12-31"]], 3],
      ["6", 20, "2022-12-31", [["6.1", 25, "2022-05-31"], ["6.2", 25, "2022-07-31"], ["6.3", 25, "2022-09-30"], ["6.4", 25, "2022-12-31"]], 5],
    ]);
    const o1 = objectives[0];
    expect(o1?.indicators.map((i) => i.group)).toEqual([null, "Fase 1.1", "Fase 1.2"]);
    // Multi-line cells stay one string.
    expect(o1?.indicators[0]?.description).toBe("Risultati prodotti dalle applicazioni informatiche.\n\nRisultati dei questionari di qualità dei servizi.");
    expect(o1?.phases[0]?.label).toMatch(/^coordinamento alla creazione o aggiornamento del questionario/);
    expect(at(o1?.source.weight)).toBe("Segreteria!D13");
    expect(at(o1?.phases[0]?.source.weight)).toBe("Segreteria!D14");
  });

  it("reads the Area Tecnica table typed as text, and its empty staff table", () => {
    const objectives = structure(plan, TECNICA).objectives;
    expect(objectives.map((o) => [o.number, o.weight?.value, o.phases.map((p) => p.weight), o.indicators.length, o.kind])).toEqual([
      ["1", 10, [100], 2, null],
      ["2", 10, [100], 2, null],
      ["3", 10, [25, 25, 25, 25], 5, null],
      ["4", 10, [100], 2, "mantenimento"],
      // Objectives 5 and 6 are the template's blanks: "Fase:" rows with weights and dates only.
      ["5", 30, [50, 50], 0, "sviluppo"],
      ["6", 30, [50, 50], 0, "sviluppo"],
    ]);
    expect(objectives[4]?.phases.map((p) => [p.label, p.deadline])).toEqual([
      ["", "2022-10-31"],
      ["", "2022-12-31"],
    ]);
    // The "Dipendenti coinvolti sugli obiettivi" table has 15 blank rows: nobody.
    expect(objectives.every((o) => o.staff.length === 0)).toBe(true);
    expect(at(objectives[0]?.source.title)).toBe("Area Tecnica!D15");
    expect(plan.unreadable).toEqual([]);
  });
});

describe("fixture layout-c-servizi-sociali", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await load("layout-c-servizi-sociali");
  });

  it("reads two cards of one structure, weights 20 % and 80 % (the second typed 0,8 as percent)", () => {
    expect(plan.structures.map((s) => [s.name, s.owner])).toEqual([["Servizi Sociali", "Dott.ssa Chiara Colombo"]]);
    expect(allObjectives(plan).map((o) => [o.id, o.title, o.weight?.value])).toEqual([
      ["servizi-sociali/Servizi Sociali!B2", "SOSTEGNO ECONOMICO ALLE FAMIGLIE IN DIFFICOLTÀ", 20],
      ["servizi-sociali/Servizi Sociali!B19", "CENTRO ESTIVO E SERVIZI EDUCATIVI PER MINORI", 80],
    ]);
    expect(plan.sheets).toEqual([{ name: "Servizi Sociali", cards: 2, layouts: ["C"] }]);
  });

  it("turns the schedule texts into months", () => {
    expect(allObjectives(plan).map((o) => o.phases.map((p) => p.scheduleMonths))).toEqual([
      // "Gennaio (buoni spesa) – febbraio (per affitto) – marzo (…)", "Febbraio - marzo", "aprile 2024",
      // "Sino a novembre 2024" (until November: January to November).
      [[1, 2, 3], [2, 3], [4], range(1, 11)],
      // "Gennaio - marzo", "aprile 2024", "Giugno/settembre" (read as the span June–September), "Ottobre - novembre".
      [[1, 2, 3], [4], range(6, 9), [10, 11]],
    ]);
    expect(allObjectives(plan)[0]?.phases.map((p) => [p.number, p.label])).toEqual([
      ["1", "Predisposizione e pubblicazione degli avvisi pubblici"],
      ["2", "Raccolta e istruttoria delle domande"],
      ["3", "Approvazione delle graduatorie dei beneficiari"],
      ["4", "Erogazione dei contributi e controlli a campione sulle autodichiarazioni"],
    ]);
  });

  it("reads the indicators with targets and achieved values", () => {
    const [o1, o2] = allObjectives(plan);
    expect(o1?.indicators.map((i) => [value(i.target), value(i.actual)])).toEqual([
      [90, 95],
      [120, 134],
      [10, null],
    ]);
    expect(o2?.indicators.map((i) => [value(i.target), value(i.actual)])).toEqual([
      [80, 92],
      [8, 8],
      [80, null],
    ]);
    expect(at(o1?.source.title)).toBe("Servizi Sociali!B7");
    expect(at(o1?.phases[2]?.source.scheduleText)).toBe("Servizi Sociali!D9");
    expect(plan.unreadable).toEqual([]);
  });
});

describe("fixture no-cards", () => {
  it("reads a sheet of budget figures as no plan at all", async () => {
    const plan = await load("no-cards");
    expect(plan.structures).toEqual([]);
    expect(plan.sheets.map((s) => s.cards)).toEqual([0]);
  });
});
