import { readPlan } from "../../../src/engine/read";
import { allObjectives, type Plan } from "../../../src/engine/model/plan";
import type { CellValue, SheetSnapshot } from "../../../src/engine/model/snapshot";
import { cleanTitle, fullerName, personSimilarity, structureSimilarity, titleSimilarity } from "../../../src/engine/read/join/names";
import { joinRowsToCards, MATCH_THRESHOLD, type JoinSide } from "../../../src/engine/read/join/match";
import { analyse } from "../../../src/engine/analyse";
import { grid } from "../../helpers/grid";

describe("names as people write them", () => {
  it.each([
    ["Obiettivo n. 3 – Digitalizzazione dei servizi", "Digitalizzazione dei servizi"],
    ["Ob. 3: Digitalizzazione dei servizi", "Digitalizzazione dei servizi"],
    ["3) Digitalizzazione dei servizi", "Digitalizzazione dei servizi"],
    ["Digitalizzazione dei servizi (MAX 20 PUNTI)", "Digitalizzazione dei servizi"],
    ["Digitalizzazione dei servizi (20%)", "Digitalizzazione dei servizi"],
    ["Digitalizzazione dei servizi - 20 punti", "Digitalizzazione dei servizi"],
    ["Piano 2026 delle opere", "Piano 2026 delle opere"],
  ])("cleans the title %j", (typed, clean) => {
    expect(cleanTitle(typed)).toBe(clean);
  });

  it("compares titles whatever the numbering, weight or truncation around them", () => {
    expect(titleSimilarity("Obiettivo n. 3 – Digitalizzazione dei servizi demografici", "Digitalizzazione servizi demografici (MAX 20 PUNTI)")).toBe(1);
    expect(titleSimilarity("Digitalizzazione dei servizi demografici e dello stato civile", "Digitalizzazione dei servizi demog")).toBe(1);
    expect(titleSimilarity("Recupero evasione tributaria", "Manutenzione del verde pubblico")).toBe(0);
  });

  it("compares structures by their distinctive words, the sub-service after a dash aside", () => {
    expect(structureSimilarity("Servizio per la Gestione del Territorio", "Servizi per la gestione del territorio – Opere Pubbliche")).toBe(1);
    expect(structureSimilarity("Servizio Amministrativo", "Amministrativo")).toBe(1);
    expect(structureSimilarity("Settore Economico-Finanziario", "Area economico finanziaria e tributi")).toBe(1);
    expect(structureSimilarity("Settore 1", "Settore 2")).toBe(0);
    expect(structureSimilarity("Polizia Locale", "Servizi Sociali")).toBe(0);
  });

  it("compares persons in any order, with titles, and the surname alone as a short form", () => {
    expect(personSimilarity("Arch. Mario Rossi", "ROSSI MARIO")).toBe(1);
    expect(personSimilarity("Dott.ssa Anna Maria Bianchi", "Bianchi")).toBeCloseTo(0.85);
    expect(personSimilarity("Michele Rallo", "M. Rallo")).toBeCloseTo(0.85);
    expect(personSimilarity("Michele Rallo", "L. Rallo")).toBe(0);
    expect(personSimilarity("Mario Rossi", "Luca Rossi")).toBe(0);
    expect(fullerName("Rossi", "Arch. Mario Rossi")).toBe("Arch. Mario Rossi");
  });
});

describe("the summary-row ↔ card matcher", () => {
  const side = (number: string | null, title: string | null, row = 0): JoinSide => ({ number, title, structure: null, owner: null, at: { sheet: "S", top: row, left: 0, bottom: row, right: 0 } });

  it("joins by number and title, one to one, best pair first", () => {
    const rows = [side("1", "Recupero evasione"), side("2", "Sportello unico")];
    const cards = [side("2", "Sportello unico per le imprese"), side(null, "Recupero dell'evasione tributaria")];
    const r = joinRowsToCards(rows, cards, (x) => x, (x) => x);
    expect(r.pairs.map((p) => [rows.indexOf(p.row), cards.indexOf(p.card)])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(r.pairs.every((p) => p.score >= MATCH_THRESHOLD)).toBe(true);
    expect(r.unmatchedRows).toEqual([]);
    expect(r.unmatchedCards).toEqual([]);
  });

  it("picks none of two equally good cards, and says which", () => {
    const rows = [side(null, "Gestione ordinaria del servizio")];
    const cards = [side(null, "Gestione ordinaria del servizio", 10), side(null, "Gestione ordinaria del servizio", 20)];
    const r = joinRowsToCards(rows, cards, (x) => x, (x) => x);
    expect(r.pairs).toEqual([]);
    expect(r.ambiguous).toHaveLength(1);
    expect(r.ambiguous[0]?.cards).toHaveLength(2);
  });

  it("does not join different numbers with different titles", () => {
    const r = joinRowsToCards([side("1", "Recupero evasione")], [side("2", "Manutenzione strade")], (x) => x, (x) => x);
    expect(r.pairs).toEqual([]);
    expect(r.unmatchedRows).toHaveLength(1);
    expect(r.unmatchedCards).toHaveLength(1);
  });
});

const MONTHS = ["Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"];

/** A card typed the way another office types it: "Responsabile" header, surname alone, a title suffix, numbered Gantt rows coloured. */
function card(sheet: string, n: number, title: string, options: { sector: string; owner: string; phases: [number, number][]; listed: boolean }): SheetSnapshot {
  const rows: (CellValue | undefined)[][] = [
    [`${n}. OBIETTIVO DI MIGLIORAMENTO 2026`],
    [],
    ["Settore", "Responsabile", "Sistema Premiante"],
    [options.sector, options.owner, null],
    [],
    ["Obiettivo: Descrizione Sintetica", title],
    options.listed ? ["Descrizione dell'obiettivo", `Fasi di attuazione: ${options.phases.map((_, i) => `${i + 1}. Fase ${i + 1} dell'obiettivo`).join(" ")}`] : ["Descrizione dell'obiettivo"],
    [],
    ["Indicatori di risultato"],
    ["Descrizione", "Target", "Consuntivo"],
    ["Pratiche evase", 100, 90],
    [],
    ["Cronoprogramma"],
    ["Fasi e tempi", ...MONTHS],
  ];
  const fills: Record<string, string> = {};
  options.phases.forEach(([from, to], i) => {
    const r = rows.length;
    rows.push([String(i + 1), ...MONTHS.map(() => null)]);
    for (let m = from; m <= to; m++) fills[`${String.fromCharCode(65 + m)}${r + 1}`] = "#70AD47";
  });
  return grid(sheet, "A1", rows, { fills });
}

describe("a plan whose summary table and cards spell things differently", () => {
  const summary = grid("Pesi", "A1", [
    ["Centro di Responsabilità", "Servizio per la Gestione del Territorio"],
    ["Responsabile", "Arch. Mario Rossi"],
    [],
    [1, "Servizio per la Gestione del Territorio", "Manutenzione del patrimonio comunale", "40%"],
    [2, "Servizio per la Gestione del Territorio", "Digitalizzazione delle pratiche edilizie", "35%"],
    [3, "Servizio per la Gestione del Territorio", "Piano delle opere pubbliche", "25%"],
  ]);
  const cards = [
    card("Ob1", 1, "Manutenzione del patrimonio comunale (MAX 20 PUNTI)", { sector: "Servizi per la gestione del territorio – Manutenzioni", owner: "Rossi", phases: [[1, 6], [7, 12]], listed: false }),
    card("Ob2", 2, "Obiettivo n. 2 – Digitalizzazione pratiche edilizie", { sector: "Servizi per la gestione del territorio – Edilizia", owner: "Rossi", phases: [[1, 3], [4, 12]], listed: true }),
    card("Ob3", 3, "Piano delle opere pubbliche", { sector: "Servizi per la gestione del territorio – Opere Pubbliche", owner: "Rossi Mario", phases: [[2, 11]], listed: false }),
  ];
  let plan: Plan;
  beforeAll(() => {
    plan = readPlan([summary, ...cards]);
  });

  it("reads each objective once, with its table weight", () => {
    expect(plan.structures.map((s) => s.name)).toEqual(["Servizio per la Gestione del Territorio"]);
    expect(allObjectives(plan).map((o) => [o.number, o.weight?.value, o.join?.status])).toEqual([
      ["1", 40, "joined"],
      ["2", 35, "joined"],
      ["3", 25, "joined"],
    ]);
  });

  it("records the join: which row, which card, the evidence", () => {
    const o = allObjectives(plan)[1];
    expect(o?.join?.row).toMatchObject({ sheet: "Pesi", top: 4 });
    expect(o?.join?.card?.sheet).toBe("Ob2");
    expect(o?.join?.evidence).toMatchObject({ number: 1, title: 1 });
    expect(plan.structures[0]?.mergedFrom?.map((m) => m.by)).toEqual(["name", "name", "name"]);
  });

  it("gives the owner one spelling, the fuller one, read from the 'Responsabile' header", () => {
    expect(new Set(allObjectives(plan).map((o) => o.owner))).toEqual(new Set(["Arch. Mario Rossi"]));
    expect(plan.structures[0]?.owner).toBe("Arch. Mario Rossi");
  });

  it("takes phases from numbered cronoprogramma rows, with the months their fill colour marks", () => {
    const [o1, o2, o3] = allObjectives(plan);
    expect(o1?.phases.map((p) => [p.number, p.label, p.origin])).toEqual([
      ["1", "1", ["schedule"]],
      ["2", "2", ["schedule"]],
    ]);
    expect(o1?.schedule.map((r) => r.months)).toEqual([
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]);
    expect(o2?.phases.map((p) => p.origin)).toEqual([
      ["list", "schedule"],
      ["list", "schedule"],
    ]);
    expect(o3?.schedule[0]?.months).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(o1?.indicators.map((i) => [i.target?.type, i.actual?.type])).toEqual([["number", "number"]]);
  });

  it("checks clean: weights sum to 100, no doubled objective, info on the undescribed phases only", () => {
    const result = analyse([summary, ...cards], { asOf: "2026-12-31" });
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).not.toContain("objective-weights-sum");
    expect(ids).not.toContain("summary-row-unmatched");
    expect(ids).not.toContain("card-unmatched");
    expect(ids).not.toContain("schedule-row-unmatched");
    expect(result.findings.filter((f) => f.ruleId === "phase-description-missing").map((f) => f.severity)).toEqual(["info", "info"]);
  });

  it("still reports a row whose card is missing, and a card that no row lists", () => {
    const lone = card("Ob9", 9, "Sportello telematico per i cittadini", { sector: "Servizi per la gestione del territorio", owner: "Rossi", phases: [[1, 12]], listed: false });
    const result = analyse([summary, cards[0] as SheetSnapshot, cards[1] as SheetSnapshot, lone], { asOf: "2026-12-31" });
    expect(result.findings.filter((f) => f.ruleId === "summary-row-unmatched").map((f) => f.at.range)).toEqual(["A6:D6"]);
    expect(result.findings.filter((f) => f.ruleId === "card-unmatched").map((f) => f.at.sheet)).toEqual(["Ob9"]);
  });
});

describe("one summary table for the whole plan", () => {
  it("gives each row to the structure it names, and joins the cards of each", () => {
    const table = grid("Riepilogo", "A1", [
      [1, "Polizia Locale", "Controllo del territorio", "60%"],
      [2, "Polizia Locale -", "Sicurezza stradale", "40%"],
      [1, "Tributi", "Recupero evasione", "100%"],
    ]);
    const cards = [
      card("PL1", 1, "Controllo del territorio", { sector: "Polizia Locale", owner: "Verdi", phases: [[1, 12]], listed: false }),
      card("PL2", 2, "Sicurezza stradale", { sector: "Polizia Locale", owner: "Verdi", phases: [[1, 12]], listed: false }),
      card("TR1", 1, "Recupero evasione", { sector: "Servizio Tributi", owner: "Neri", phases: [[1, 12]], listed: false }),
    ];
    const plan = readPlan([table, ...cards]);
    expect(plan.structures.map((s) => [s.name, s.objectives.map((o) => [o.number, o.weight?.value, o.join?.status, o.source.card?.sheet])])).toEqual([
      [
        "Polizia Locale",
        [
          ["1", 60, "joined", "PL1"],
          ["2", 40, "joined", "PL2"],
        ],
      ],
      ["Tributi", [["1", 100, "joined", "TR1"]]],
    ]);
  });
});

describe("a formula saved without its result", () => {
  it("is reported as needing a recalculation, not as a missing weight or target", () => {
    const summary = grid("Pesi", "A1", [
      ["Centro di Responsabilità", "Tributi"],
      [],
      [1, "Tributi", "Recupero evasione", "60%"],
      [2, "Tributi", "Sportello", null],
    ]);
    summary.formulas = summary.cells.map((r) => r.map(() => null));
    (summary.formulas[3] as (string | null)[])[3] = "=100-60";
    const sheet = card("TR1", 1, "Recupero evasione", { sector: "Tributi", owner: "Neri", phases: [[1, 12]], listed: false });
    // The target cell of the card's indicator: a formula, no value.
    const targetRow = sheet.cells.findIndex((r) => r[0] === "Pratiche evase");
    (sheet.cells[targetRow] as unknown[])[1] = null;
    sheet.formulas = sheet.cells.map((r) => r.map(() => null));
    (sheet.formulas[targetRow] as (string | null)[])[1] = "=Pesi!B9*2";
    const result = analyse([summary, sheet], { asOf: "2026-12-31" });
    const unreadable = result.findings.filter((f) => f.ruleId === "value-unreadable");
    expect(unreadable.map((f) => [f.at.sheet, f.at.range, f.data.text])).toEqual([
      ["Pesi", "D4", "=100-60"],
      ["TR1", `B${targetRow + 1}`, "=Pesi!B9*2"],
    ]);
    expect(result.plan.unreadable.every((u) => u.cause === "uncalculated")).toBe(true);
    expect(result.findings.filter((f) => f.ruleId === "weight-missing" || f.ruleId === "indicator-target-missing")).toEqual([]);
  });
});
