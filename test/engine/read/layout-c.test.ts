import { readPlan } from "../../../src/engine/read";
import { allObjectives } from "../../../src/engine/model/plan";
import { readMonths } from "../../../src/engine/values";
import { grid } from "../../helpers/grid";
import { at, objective } from "./helpers";

describe("layout C: the three-column card", () => {
  const rows: (string | number | null)[][] = [
    ["3. OBIETTIVO DI SVILUPPO 2024"],
    ["Settore", "Servizi Sociali"],
    ["Responsabile", "Dott.ssa Chiara Colombo"],
    ["Peso", "20%"],
    [],
    ["DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA"],
    ["SOSTEGNO ALLE FAMIGLIE\nContributi ai nuclei in difficoltà", "1. Avvisi pubblici (30%)", "Gennaio (buoni spesa) – febbraio (per affitto) – marzo (contributo di solidarietà)"],
    [null, "2. Istruttoria delle domande (30%)", "Febbraio - marzo"],
    [null, "3. Erogazione (40%)", "Sino a novembre 2024"],
    [null, "4. Rendicontazione", "quando possibile"],
    [],
    ["Indicatori di risultato"],
    ["Descrizione", "Valore atteso", "Valore raggiunto"],
    ["Domande istruite entro 30 giorni", "90%", "95%"],
    ["Nuclei beneficiari", 120, null],
  ];
  // The definition is merged down the phase rows (value in its top-left cell only).
  const plan = readPlan([grid("Sociali", "B2", rows, { merges: ["B8:B11"] })]);
  const o = objective(plan, "servizi-sociali/3");

  it("reads structure, owner, weight and heading around the table", () => {
    expect(o).toMatchObject({
      number: "3",
      kind: "sviluppo",
      year: 2024,
      structure: "Servizi Sociali",
      owner: "Dott.ssa Chiara Colombo",
      weight: { value: 20, unit: "percent" },
      layout: "C",
      title: "SOSTEGNO ALLE FAMIGLIE",
      description: "Contributi ai nuclei in difficoltà",
    });
  });

  it("reads one phase per row with number, '(30%)' weight and the schedule text turned into months", () => {
    expect(o.phases.map((p) => [p.number, p.label, p.weight, p.scheduleMonths])).toEqual([
      ["1", "Avvisi pubblici", 30, [1, 2, 3]],
      ["2", "Istruttoria delle domande", 30, [2, 3]],
      ["3", "Erogazione", 40, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
      ["4", "Rendicontazione", null, []],
    ]);
    expect(o.phases[1]?.scheduleText).toBe("Febbraio - marzo");
    // The months are the value readers' reading of the text, whatever text it is.
    for (const p of o.phases.slice(0, 3)) expect(p.scheduleMonths).toEqual((readMonths(p.scheduleText as string) as { value: number[] }).value);
  });

  it("reads the indicator table below the phases", () => {
    expect(o.indicators.map((i) => [i.description, i.target?.type, i.actual?.type ?? null])).toEqual([
      ["Domande istruite entro 30 giorni", "number", "number"],
      ["Nuclei beneficiari", "number", null],
    ]);
  });

  it("reports schedule text without months as unreadable", () => {
    expect(plan.unreadable.map((u) => [at(u.at), u.expected, u.text, u.field, u.objectiveId])).toEqual([
      ["Sociali!D11", "months", "quando possibile", "phase.scheduleText", "servizi-sociali/3"],
    ]);
  });

  it("keeps where every field came from", () => {
    expect(at(o.source.title)).toBe("Sociali!B8");
    expect(at(o.source.weight)).toBe("Sociali!C5");
    expect(at(o.source.owner)).toBe("Sociali!C4");
    expect(at(o.phases[2]?.source.scheduleText)).toBe("Sociali!D10");
    expect(at(o.phases[0]?.source.weight)).toBe("Sociali!C8");
    expect(at(o.indicators[0]?.source.target)).toBe("Sociali!C15");
    expect(at(o.source.card)).toBe("Sociali!B2:D16");
    expect(plan.sheets).toEqual([{ name: "Sociali", cards: 1, layouts: ["C"] }]);
  });
});

describe("layout C: variants", () => {
  it("falls back to the sheet name, reads 'Settore: X' in one cell, a weight below the phases, 'Peso %' and review columns", () => {
    const plan = readPlan([
      grid("Istruzione", "A1", [
        ["DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA", "Peso %", "Completata il", "Note verifica"],
        ["Mensa scolastica", "Fase 1: gara", "Giugno/settembre", 50, "15/09/2024", null],
        [null, "Fase 2: avvio", "ottobre", "50%", null, "in corso"],
        [],
        ["Peso obiettivo", 0.3],
      ], { formats: { B5: "0%" } }),
      grid("Cultura", "C3", [
        ["Settore: Cultura e Sport"],
        ["Responsabile: Paola Gialli"],
        ["DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA"],
        ["Stagione teatrale", "Programmazione", "Gennaio - marzo"],
        ["Festa della musica", "Concerti", "giugno"],
      ]),
    ]);
    const mensa = allObjectives(plan).find((o) => o.title === "Mensa scolastica");
    // Unnumbered: the id names the card's top-left cell, here its header row.
    expect(mensa).toMatchObject({ structure: "Istruzione", weight: { value: 30, unit: "percent" }, id: "istruzione/Istruzione!A1" });
    expect(mensa?.phases.map((p) => [p.number, p.label, p.weight, p.scheduleMonths, p.completedOn, p.reviewNote])).toEqual([
      ["1", "gara", 50, [6, 7, 8, 9], "2024-09-15", null],
      ["2", "avvio", 50, [10], null, "in corso"],
    ]);
    // A different definition lower in the table is another objective of the same card.
    const cultura = allObjectives(plan).filter((o) => o.structure === "Cultura e Sport");
    expect(cultura.map((o) => [o.title, o.owner, o.phases.map((p) => p.label)])).toEqual([
      ["Stagione teatrale", "Paola Gialli", ["Programmazione"]],
      ["Festa della musica", "Paola Gialli", ["Concerti"]],
    ]);
    expect(plan.unreadable).toEqual([]);
  });
});
