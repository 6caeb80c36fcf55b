import { readPlan } from "../../../src/engine/read";
import { allObjectives, PlanSchema } from "../../../src/engine/model/plan";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { grid } from "../../helpers/grid";

const card = (heading: string, title: string): (string | null)[][] => [
  [heading],
  ["Settore", "Dirigente"],
  ["Urbanistica", "Ugo Blu"],
  ["Obiettivo: Descrizione Sintetica", title],
  [],
];

describe("readPlan", () => {
  it("reads every sheet it is given: telling the add-in's own sheets apart is analyse()'s job", () => {
    // A user may well call a sheet "Obiettivi"; the add-in's own sheets are recognised by their
    // ownership record and marker (see test/engine/analyse.test.ts), not by name.
    const plan = readPlan([grid("Obiettivi", "A1", card("1. OBIETTIVO DI GESTIONE 2024", "PGT"))]);
    expect(allObjectives(plan).map((o) => o.title)).toEqual(["PGT"]);
  });

  it("reads the plan year from the headings, unless the methodology gives it", () => {
    const s = grid("U", "A1", [...card("1. OBIETTIVO DI GESTIONE 2023", "A"), ...card("2. OBIETTIVO DI GESTIONE 2024", "B"), ...card("3. OBIETTIVO DI GESTIONE 2024", "C")]);
    expect(readPlan([s]).year).toBe(2024);
    expect(readPlan([s], { planYear: 2025 }).year).toBe(2025);
    // Each objective keeps its own heading year.
    expect(allObjectives(readPlan([s])).map((o) => o.year)).toEqual([2023, 2024, 2024]);
  });

  it("gives a model that the zod schema accepts", () => {
    const plan = readPlan([grid("Urbanistica", "B2", card("1. OBIETTIVO DI GESTIONE 2024", "PGT"))]);
    expect(PlanSchema.parse(plan)).toEqual(plan);
  });

  it("never throws on odd input and reads nothing from it", () => {
    const odd: SheetSnapshot[] = [
      { name: "Vuoto", origin: { row: 0, col: 0 }, cells: [] },
      { name: "Righe corte", origin: { row: 3, col: 2 }, cells: [[null], [], ["Cronoprogramma"], ["Fasi e tempi", "Gennaio"], [1, true], [2, 3.5]] },
      grid("Etichette sparse", "A1", [
        ["Indicatori di risultato"],
        ["Verifica Intermedia del 45/99/2024"],
        ["PERSONALE COINVOLTO NELL'OBIETTIVO"],
        ["Centro di Responsabilità"],
        ["STRUTTURA:"],
        ["DEFINIZIONE OBIETTIVO"],
      ]),
    ];
    const plan = readPlan(odd);
    expect(plan.sheets.map((s) => s.name)).toEqual(["Vuoto", "Righe corte", "Etichette sparse"]);
    expect(allObjectives(plan)).toEqual([]);
  });
});
