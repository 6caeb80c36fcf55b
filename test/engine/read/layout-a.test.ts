import { readPlan } from "../../../src/engine/read";
import { allObjectives } from "../../../src/engine/model/plan";
import { grid, tsvRows } from "../../helpers/grid";
import { PL_CARD_4, PL_CARD_6, SA_CARD_4, SA_HEADER } from "./casorate-excerpts";
import { at, MONTHS, objective, structure } from "./helpers";

describe("layout A: the Casorate cards as typed", () => {
  // Structure header + weight table, then card 4 "Trasparenza" (three pages), from C4.
  const plan = readPlan([grid("Servizio Amministrativo", "C4", tsvRows(`${SA_HEADER}\n\n${SA_CARD_4}`))]);
  const o = objective(plan, "servizio-amministrativo/4");

  it("reads the structure header and its weight table", () => {
    const s = structure(plan, "Servizio Amministrativo");
    expect(s.owner).toBe("DEBORAH ARIBONI");
    expect(at(s.source.header)).toBe("Servizio Amministrativo!C4:C8");
    expect(at(s.source.weightTable)).toBe("Servizio Amministrativo!C10:F14");
    // The table lists five objectives; only card 4 is on the sheet, the other four are read
    // from their table row alone (title and weight), so that the weights still add up.
    expect(s.objectives.map((x) => [x.number, x.weight?.value])).toEqual([
      ["1", 30],
      ["2", 30],
      ["3", 15],
      ["4", 15],
      ["5", 10],
    ]);
    expect(objective(plan, "servizio-amministrativo/1").title).toBe("Innovazione Servizi Demografico");
    expect(objective(plan, "servizio-amministrativo/1").phases).toEqual([]);
  });

  it("merges the three pages of card 4 into one objective", () => {
    expect(allObjectives(plan).filter((x) => x.number === "4")).toHaveLength(1);
    expect(o).toMatchObject({
      kind: "miglioramento",
      year: 2024,
      intersectoral: false,
      title: "Trasparenza",
      description: "Garantire la legalità e la trasparenza dei processi e delle informazioni",
      structure: "Servizio Amministrativo",
      owner: "DEBORAH ARIBONI",
      weight: { value: 15, unit: "percent" },
      layout: "A",
    });
  });

  it("reads the phases listed after 'Fasi di attuazione:' inside one cell", () => {
    expect(o.phases.map((p) => [p.number, p.label])).toEqual([
      ["1", "Proseguire nel recepimento delle novità normative in materia di anticorruzione, trasparenza"],
      ["2", "Aggiornamento annuale P.T.P.C."],
      ["3", "Aggiornamento sito/amministrazione trasparente"],
      ["4", "Adempimento art. 1 c. 32 legge 190/2012"],
    ]);
  });

  it("reads the indicator table with its combined 'Valore atteso Rispetto scadenze:' header", () => {
    expect(o.indicators.map((i) => [i.description, i.target])).toEqual([
      ["Aggiornamento P.T.P.C.T.", { type: "boolean", value: true, text: "SI" }],
      ["Aggiornamento sito web", { type: "boolean", value: true, text: "SI" }],
      ["Pubblicazioni in sezione amministrazione trasparente", expect.objectContaining({ type: "number", value: 150 })],
      ['n. richieste accesso civico "semplice"', expect.objectContaining({ type: "number", value: 5, comparator: "<" })],
      ["n. atti sottoposti a controllo successivo non risultati conformi", expect.objectContaining({ type: "number", value: 0 })],
      ["Rispetto scadenze adempimenti", { type: "boolean", value: true, text: "SI" }],
    ]);
    expect(o.indicators.every((i) => i.actual === null && i.group === null)).toBe(true);
  });

  it("reads the cronoprogramma marks (lower-case x) per phase number", () => {
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(o.schedule.map((r) => [r.label, r.months])).toEqual([
      ["1", all],
      ["2", all],
      ["3", all],
      ["4", [1]],
    ]);
  });

  it("reads the two review blocks side by side, still undated", () => {
    expect(o.reviews.map((r) => [r.kind, r.date, r.meanAchievement, r.meanTimeliness])).toEqual([
      ["interim", null, null, null],
      ["final", null, null, null],
    ]);
  });

  it("reads the staff table despite the '% partecipazion e' typo", () => {
    expect(o.staff.map((s) => [s.category, s.name, s.participation])).toEqual([
      [null, "Ariboni Deborah", 60],
      [null, "Stefano Gatti", 20],
      [null, "Antonia Latorre", 10],
      [null, "Enrica Braga", 10],
    ]);
  });

  it("keeps where every field came from", () => {
    // Card lines start at row 16 (11 header lines from row 4, one blank line).
    expect(at(o.source.heading)).toBe("Servizio Amministrativo!C16");
    expect(at(o.source.title)).toBe("Servizio Amministrativo!D21");
    expect(at(o.source.description)).toBe("Servizio Amministrativo!C22");
    expect(at(o.source.weight)).toBe("Servizio Amministrativo!F13");
    expect(at(o.phases[0]?.source.label)).toBe("Servizio Amministrativo!D22");
    expect(at(o.indicators[3]?.source.target)).toBe("Servizio Amministrativo!D34");
    expect(at(o.schedule[3]?.source.months)).toBe("Servizio Amministrativo!D43:O43");
    expect(at(o.staff[0]?.source.participation)).toBe("Servizio Amministrativo!E65");
    expect(at(o.source.card)).toBe("Servizio Amministrativo!C16:O78");
    expect(at(o.reviews[1]?.source.meanAchievement)).toBe("Servizio Amministrativo!H46");
  });

  it("has nothing unreadable: '%', '.. /.. /..' are placeholders", () => {
    expect(plan.unreadable).toEqual([]);
    expect(plan.year).toBe(2024);
  });
});

describe("layout A: Polizia Locale card 4 (three parts, one without number)", () => {
  const plan = readPlan([grid("PL", "B2", tsvRows(PL_CARD_4))]);

  it("reads one objective; with no structure header the structure is the card's Settore", () => {
    expect(allObjectives(plan)).toHaveLength(1);
    const o = objective(plan, "polizia-locale/4");
    expect(o.structure).toBe("POLIZIA LOCALE");
    expect(o.owner).toBe("MICHELE RALLO");
    expect(o.kind).toBe("gestione");
    expect(o.weight).toBeNull();
    expect(o.title).toBe("CONTROLLO PER IL RILEVAMENTO DELLE INFRAZIONI TRAMITE STRUMENTAZIONI ELETTRONICHE");
  });

  it("takes the phase from the numbered cell below an empty 'Fasi di attuazione:'", () => {
    const o = objective(plan, "polizia-locale/4");
    expect(o.phases.map((p) => [p.number, p.label])).toEqual([["1", "programmazione del servizio"]]);
    expect(o.description).toMatch(/^Il presente obiettivo persegue la finalità/);
    expect(o.description).not.toMatch(/Fasi di attuazione/);
  });

  it("reads indicator, schedule (a named row), reviews and staff from the later parts", () => {
    const o = objective(plan, "polizia-locale/4");
    expect(o.indicators.map((i) => [i.description, i.target?.type === "number" ? i.target.value : null])).toEqual([
      ["N. di ore di controllo con strumentazioni elettroniche", 36],
    ]);
    expect(o.schedule.map((r) => [r.label, r.months])).toEqual([["Servizi programmati", [3, 4, 5, 6, 7, 9, 10, 11, 12]]]);
    expect(o.reviews).toHaveLength(2);
    expect(o.staff.map((s) => s.name)).toEqual(["RALLO MICHELE", "LOMBARDI LAURA", "FORMIGONI OMAR", "BORDONI MARJSTELLA", "PROVERA LORENZA", "CUA MARCO"]);
    expect(o.staff[0]).toMatchObject({ category: "D3", participation: 20 });
  });
});

describe("layout A: Polizia Locale card 6 (intersectoral, phases only in the cronoprogramma)", () => {
  const plan = readPlan([grid("PL", "A1", tsvRows(PL_CARD_6))]);
  const o = objective(plan, "polizia-locale/6");

  it("is intersectoral (heading and 'Settori coinvolti')", () => {
    expect(o.intersectoral).toBe(true);
    expect(o.owner).toBe("Michele Rallo");
  });

  it("takes the phases from the cronoprogramma rows, which are names", () => {
    expect(o.phases.map((p) => [p.number, p.label])).toEqual([
      [null, "Gestione delle richieste al Festone"],
      [null, "Rilascio Concessione"],
      [null, "Assegnare posteggi in strada"],
      [null, "Gestione completa Spostamento mercato ed informativa"],
      [null, "Collocazione nell'area della fiera degli aventi diritto alla partecipazione, riscossione della COSAP e sistemazione graduatoria presenze"],
      [null, "Festone di Casorate Primo svolto su 2 gg"],
    ]);
    expect(o.schedule.map((r) => r.months)).toEqual([[5, 6, 7, 8, 9], [10], [9, 10], [9, 10], [10], [10]]);
    expect(o.indicators).toHaveLength(7);
  });

  it("reads the 12 staff rows without participation as null, not 0", () => {
    expect(o.staff).toHaveLength(12);
    expect(o.staff.every((s) => s.participation === null)).toBe(true);
  });
});

describe("layout A: weight tables", () => {
  it("keeps 'Intersettoriale' as weight text, and reads weights typed as plain numbers (25 = 25 %)", () => {
    const plan = readPlan([
      grid("Pesi", "B2", [
        ["Centro di Responsabilità"],
        ["POLIZIA LOCALE"],
        [],
        ["Responsabile"],
        ["MICHELE RALLO"],
        [],
        [1, "Polizia Locale", "Controllo del territorio", 25],
        [2, "Polizia Locale -", "Sicurezza stradale", "75%"],
        [3, "Polizia Locale", "Festa del paese", "Intersettoriale"],
      ]),
    ]);
    const s = structure(plan, "POLIZIA LOCALE");
    expect(s.objectives.map((o) => [o.id, o.weight, o.weightText, o.intersectoral])).toEqual([
      ["polizia-locale/1", { value: 25, unit: "percent" }, null, false],
      ["polizia-locale/2", { value: 75, unit: "percent" }, null, false],
      ["polizia-locale/3", null, "Intersettoriale", true],
    ]);
    expect(at(s.objectives[2]?.source.weight)).toBe("Pesi!E10");
  });

  it("reports an unreadable weight against the objective of its row, and keeps the weight null", () => {
    const plan = readPlan([
      grid("Pesi", "A1", [
        ["Centro di Responsabilità", "Tributi"],
        [1, "Tributi", "Recupero evasione", "70%"],
        [2, "Tributi", "Sportello", "trenta"],
        [3, "Tributi", "Rateizzazioni", null],
      ]),
    ]);
    expect(structure(plan, "Tributi").objectives.map((o) => [o.id, o.weight?.value ?? null])).toEqual([
      ["tributi/1", 70],
      ["tributi/2", null],
      ["tributi/3", null],
    ]);
    expect(plan.unreadable.map((u) => [at(u.at), u.expected, u.text, u.field, u.objectiveId, u.structure])).toEqual([
      ["Pesi!D3", "weight", "trenta", "objective.weight", "tributi/2", "Tributi"],
    ]);
    // The empty weight still points at the cell to fill.
    expect(at(objective(plan, "tributi/3").source.weight)).toBe("Pesi!D4");
  });

  it("reads the Segreteria variant ('peso | title | description … date') as objectives of their own", () => {
    // Verbatim from casorate-2024-segreteria.txt, placed at D3.
    const text = [
      "Centro di Responsabilità",
      "SEGRETERIA COMUNALE",
      "",
      "Responsabile",
      "SEGRETARIO COMUNALE",
      "",
      "peso\t\t",
      "40\tAutodichiarazione e controlli a campione\tDefinizione dei criteri per l'esecuzione dei controlli a campione. 31/12/2024",
      "60\tServizi pubblici locali\tCoordinamento dell'istruttoria per la relazione ricognitiva dei servizi pubblici locali. 31/12/2024.",
    ].join("\n");
    const plan = readPlan([grid("Segreteria", "D3", tsvRows(text))]);
    const objectives = structure(plan, "SEGRETERIA COMUNALE").objectives;
    expect(objectives.map((o) => [o.id, o.number, o.title, o.weight?.value, o.deadline])).toEqual([
      ["segreteria-comunale/Segreteria!D10", null, "Autodichiarazione e controlli a campione", 40, "2024-12-31"],
      ["segreteria-comunale/Segreteria!D11", null, "Servizi pubblici locali", 60, "2024-12-31"],
    ]);
    expect(objectives[0]?.description).toBe("Definizione dei criteri per l'esecuzione dei controlli a campione.");
    expect(objectives[0]?.owner).toBe("SEGRETARIO COMUNALE");
    expect(plan.sheets).toEqual([{ name: "Segreteria", cards: 2, layouts: ["A"] }]);
  });

  it("finds a weight table beside the first card and keeps it out of the card", () => {
    const card: (string | number | null)[][] = [
      ["1. OBIETTIVO DI MIGLIORAMENTO 2024", null, null, null, null, null, null, 1, "Tributi", "Recupero evasione", "60%"],
      [null, null, null, null, null, null, null, 2, "Tributi", "Sportello", "40%"],
      ["Settore", "Dirigente", "Sistema Premiante"],
      ["Tributi", "Anna Neri"],
      ["Obiettivo: Descrizione Sintetica", "Recupero evasione", null, null, null, null, null, null, null, null, null],
    ];
    const plan = readPlan([
      grid("T", "A1", [["Centro di Responsabilità", "Tributi"], ["Responsabile", "Anna Neri"], [], ...card]),
    ]);
    const o = objective(plan, "tributi/1");
    expect(o.title).toBe("Recupero evasione");
    expect(o.weight?.value).toBe(60);
    expect(at(o.source.card)).toBe("T!A4:C8");
    expect(objective(plan, "tributi/2").weight?.value).toBe(40);
  });

  it("matches a card to its table row by title when the card has no number", () => {
    const plan = readPlan([
      grid("T", "B2", [
        ["Centro di Responsabilità", "Area Tecnica"],
        [1, "Area Tecnica", "Manutenzione delle strade comunali", "70%"],
        [2, "Area Tecnica", "Illuminazione pubblica a LED", "30%"],
        [],
        ["OBIETTIVO DI GESTIONE 2024"],
        ["Obiettivo: Descrizione Sintetica", "Illuminazione pubblica: sostituzione lampade a LED"],
      ]),
    ]);
    const objectives = structure(plan, "Area Tecnica").objectives;
    expect(objectives.map((o) => [o.title, o.weight?.value])).toEqual([
      ["Manutenzione delle strade comunali", 70],
      ["Illuminazione pubblica: sostituzione lampade a LED", 30],
    ]);
    // Unnumbered card: the id falls back to the sheet and its top-left cell.
    expect(objectives[1]?.id).toBe("area-tecnica/T!B6");
  });
});

describe("layout A: blocks as people type them", () => {
  const header = ["Fasi e tempi", "Peso %", ...MONTHS, "Completata il", "Note verifica"];
  const rows: (string | number | null)[][] = [
    ["2. OBBIETTIVO DI SVILUPPO 2024"],
    ["Settore", "Dirigente", "Sistema Premiante"],
    ["Ragioneria", "Luca Bianchi"],
    ["Obiettivo: Descrizione Sintetica", "Nuovo bilancio"],
    ["<p>Redazione del bilancio.</p>", "<p>Fasi di attuazione:</p><ol><li>Raccolta dati</li><li>Stesura</li></ol>"],
    ["Indicatori di risultato"],
    ["Descrizione", "Valore atteso", "Valore raggiunto"],
    ["SALUTE FINANZIARIA"],
    ["Bilancio approvato entro il 31/12", "SI", "SI"],
    ["Pareri resi", "≥ 80%", "75%"],
    ["Cronoprogramma"],
    header,
    [1, "40%", "X", "x", null, null, null, null, null, null, null, null, null, null, "15/02/2024", "Fatto"],
    [2, 60, null, null, "✓", "?", null, null, null, null, null, null, null, null, null, null],
    [],
    ["Verifica Intermedia del 30/09/2024", null, null, null, "Verifica Finale del .. /.. /.."],
    ["Media valore raggiunto", "80%", null, null, "Media valore raggiunto", "%"],
    ["Media rispetto dei tempi", "molto", null, null, "Media rispetto dei tempi", null],
    ["Cause", "Ritardo fornitore", null, null, "Cause"],
    [],
    ["Da attivare", "Solleciti", "Da attivare", "Nessuno"],
    [],
    ["PERSONALE COINVOLTO NELL'OBIETTIVO"],
    ["Cat.", "Cognome e nome", "% partecipazion e", "Costo orario", "n. ore dedicate", "Costo della risorsa"],
    ["D1", "Bianchi Luca", "50", "€ 30,00", 100, "€ 3.000,00"],
    [null, "Verdi Anna", "tanti", null, null, null],
    ["COSTO DELLE RISORSE INTERNE"],
  ];
  const plan = readPlan([grid("Bilancio", "E7", rows)]);
  const o = objective(plan, "ragioneria/2");

  it("reads the add-in card: 'Peso %', 'Completata il' and 'Note verifica' beside the cronoprogramma", () => {
    expect(o.layout).toBe("addin");
    expect(o.kind).toBe("sviluppo");
    expect(o.phases.map((p) => [p.number, p.label, p.weight, p.completedOn, p.reviewNote])).toEqual([
      ["1", "Raccolta dati", 40, "2024-02-15", "Fatto"],
      ["2", "Stesura", 60, null, null],
    ]);
    expect(o.schedule.map((r) => [r.label, r.months, r.weight])).toEqual([
      ["1", [1, 2], 40],
      ["2", [3], 60],
    ]);
    expect(at(o.phases[0]?.source.weight)).toBe("Bilancio!F19");
    expect(at(o.phases[0]?.source.completedOn)).toBe("Bilancio!S19");
  });

  it("strips HTML from description and phase lists", () => {
    expect(o.description).toBe("Redazione del bilancio.");
  });

  it("reads group headings and achieved values", () => {
    expect(o.indicators.map((i) => [i.group, i.description, i.actual?.type])).toEqual([
      ["SALUTE FINANZIARIA", "Bilancio approvato entro il 31/12", "boolean"],
      ["SALUTE FINANZIARIA", "Pareri resi", "number"],
    ]);
    expect(o.indicators[1]?.target).toMatchObject({ type: "number", value: 80, comparator: ">=" });
  });

  it("reads dated reviews, percent means and shifted rows; an explicit 'Finale' is final", () => {
    expect(o.reviews.map((r) => [r.kind, r.date, r.meanAchievement, r.meanTimeliness, r.causes, r.actionsPlanned])).toEqual([
      ["interim", "2024-09-30", 80, null, "Ritardo fornitore", "Solleciti"],
      ["final", null, null, null, null, "Nessuno"],
    ]);
  });

  it("reads staff figures through the value readers", () => {
    expect(o.staff.map((s) => [s.name, s.participation, s.hourlyCost, s.hours, s.cost])).toEqual([
      ["Bianchi Luca", 50, 30, 100, 3000],
      ["Verdi Anna", null, null, null, null],
    ]);
  });

  it("lists every cell it could not read, with the objective and the field, and never a 0", () => {
    expect(plan.unreadable.map((u) => [at(u.at), u.expected, u.text, u.field, u.objectiveId, u.structure])).toEqual([
      ["Bilancio!J20", "months", "?", "schedule.months", "ragioneria/2", "Ragioneria"],
      ["Bilancio!F24", "percent", "molto", "review.meanTimeliness", "ragioneria/2", "Ragioneria"],
      ["Bilancio!G32", "percent", "tanti", "staff.participation", "ragioneria/2", "Ragioneria"],
    ]);
    expect(plan.unreadable.every((u) => u.reason.length > 0)).toBe(true);
  });
});

describe("layout A: several cards, bands and merges", () => {
  it("reads two cards side by side as two bands", () => {
    const left = [
      ["1. OBIETTIVO DI GESTIONE 2024"],
      ["Settore", "Dirigente"],
      ["Cultura", "Paola Gialli"],
      ["Obiettivo: Descrizione Sintetica", "Biblioteca aperta"],
    ];
    const rows = left.map((r, i) => [...r, ...Array(14 - r.length).fill(null), ...(i === 0 ? ["2. OBIETTIVO DI GESTIONE 2024"] : i === 1 ? ["Settore", "Dirigente"] : i === 2 ? ["Cultura", "Paola Gialli"] : ["Obiettivo: Descrizione Sintetica", "Mostra estiva"])]);
    const plan = readPlan([grid("Cultura", "B2", rows)]);
    expect(allObjectives(plan).map((o) => [o.id, o.title, at(o.source.card)])).toEqual([
      ["cultura/1", "Biblioteca aperta", "Cultura!B2:C5"],
      ["cultura/2", "Mostra estiva", "Cultura!P2:Q5"],
    ]);
  });

  it("shows merged titles from their top-left cell only, and joins a title cut in two", () => {
    const plan = readPlan([
      grid(
        "M",
        "A1",
        [
          ["3. OBIETTIVO DI MIGLIORAMENTO 2024", null, null],
          ["Settore", "Dirigente", "Sistema Premiante"],
          ["Sport", "Marco Rossi", null],
          ["Obiettivo: Descrizione Sintetica", "REALIZZAZIONE NUOVA", null, "PALESTRA"],
        ],
        { merges: ["A1:M1", "B4:C4"] },
      ),
    ]);
    expect(objective(plan, "sport/3").title).toBe("REALIZZAZIONE NUOVA PALESTRA");
  });

  it("gives unique ids when two cards of a structure share a number", () => {
    const card = (title: string): (string | null)[][] => [
      ["1. OBIETTIVO DI GESTIONE 2024"],
      ["Settore", "Dirigente"],
      ["Sport", "Marco Rossi"],
      ["Obiettivo: Descrizione Sintetica", title],
      [],
    ];
    const plan = readPlan([grid("S", "A1", [...card("Piscina"), ...card("Stadio")])]);
    expect(allObjectives(plan).map((o) => [o.id, o.title])).toEqual([
      ["sport/1", "Piscina"],
      ["sport/1-2", "Stadio"],
    ]);
  });

  it("joins cards on their own sheet to the structure of the summary sheet", () => {
    const summary = grid("Riepilogo", "A1", [
      ["Centro di Responsabilità", "Servizio Amministrativo"],
      ["Responsabile", "DEBORAH ARIBONI"],
      [1, "Servizio Amministrativo", "Trasparenza", "100%"],
    ]);
    const card = grid("Scheda 1", "C3", [
      ["1. OBIETTIVO DI MIGLIORAMENTO 2024"],
      ["Settore", "Dirigente", "Sistema Premiante"],
      ["Amministrativo", "Deborah Ariboni"],
      ["Obiettivo: Descrizione Sintetica", "Trasparenza"],
    ]);
    const plan = readPlan([summary, card]);
    expect(plan.structures.map((s) => s.name)).toEqual(["Servizio Amministrativo"]);
    const o = objective(plan, "servizio-amministrativo/1");
    expect(o).toMatchObject({ owner: "DEBORAH ARIBONI", weight: { value: 100, unit: "percent" } });
    expect(at(o.source.title)).toBe("Scheda 1!D6");
    expect(plan.sheets).toEqual([
      { name: "Riepilogo", cards: 0, layouts: [] },
      { name: "Scheda 1", cards: 1, layouts: ["A"] },
    ]);
  });
});

describe("layout A: table variants", () => {
  it("takes the target from a separate 'Rispetto scadenze:' column when 'Valore atteso' is empty", () => {
    const plan = readPlan([
      grid("V", "B2", [
        ["1. OBIETTIVO INNOVATIVO 2024"],
        ["Settore", "Dirigente"],
        ["Informatica", "Ivo Viola"],
        ["Obiettivo: Descrizione Sintetica", "Cloud"],
        ["Indicatori di risultato"],
        ["Descrizione", "Valore atteso", "Rispetto scadenze:", "Valore raggiunto"],
        ["Domande accettate", 5, null, null],
        ["Migrazione completata", null, "15/05/2024", null],
        ["Descrizione", "Valore atteso", "Rispetto scadenze:", "Valore raggiunto"],
        ["Contratto firmato", "SI", null, "NO"],
      ]),
    ]);
    const o = objective(plan, "informatica/1");
    expect(o.indicators.map((i) => [i.description, i.target?.type, i.actual?.type ?? null])).toEqual([
      ["Domande accettate", "number", null],
      ["Migrazione completata", "date", null],
      ["Contratto firmato", "boolean", "boolean"],
    ]);
    expect(at(o.indicators[1]?.source.target)).toBe("V!D9");
  });

  it("reads 'Tempi di realizzazione' as a grid when it has months, and not when it has a period", () => {
    const plan = readPlan([
      grid("T", "A1", [
        ["1. OBIETTIVO DI GESTIONE 2024"],
        ["Settore", "Dirigente"],
        ["Personale", "Pia Rosa"],
        ["Obiettivo: Descrizione Sintetica", "Lavoro agile"],
        ["Tempi di realizzazione", "Dall'1/01/2024", "A tempo indeterminato"],
        [null, "X", "X"],
        [],
        ["Tempi di realizzazione", ...MONTHS],
        ["Accordi individuali", "X", "X", "X"],
      ]),
    ]);
    expect(objective(plan, "personale/1").schedule.map((r) => [r.label, r.months])).toEqual([["Accordi individuali", [1, 2, 3]]]);
    expect(objective(plan, "personale/1").phases.map((p) => p.label)).toEqual(["Accordi individuali"]);
  });
});
