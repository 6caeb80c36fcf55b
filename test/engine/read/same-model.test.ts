import { readPlan } from "../../../src/engine/read";
import { allObjectives, type Objective } from "../../../src/engine/model/plan";
import { grid } from "../../helpers/grid";
import { marks, MONTHS } from "./helpers";

/**
 * One objective — "Stagione teatrale", weight 20 %, three phases weighted 30/30/40 with their
 * months, two indicators with targets, one person on it — typed in each layout, at different
 * places on the sheet. The three readings must be the same model once we drop what honestly
 * differs between layouts:
 * - `source` (cells differ by construction), `layout`, and the reading record (`join`, a phase's
 *   `origin`): how the cells were found, which differs by layout by construction;
 * - where the months live: A keeps the cronoprogramma grid in `objective.schedule`, C keeps the
 *   schedule text on each phase (`scheduleText`, `scheduleMonths`), B has no schedule at all
 *   (only deadlines). The months are compared separately, A grid against C text.
 * - for B only: `kind` (B has no "N. OBIETTIVO DI …" heading), phase numbers (B numbers phases
 *   inside their objective, "1.1"; A and C type "1."), and indicator groups (B has one indicator
 *   cell per row, so the objective's second indicator sits on a phase row and is grouped under
 *   "Fase 1.3").
 * The plan year is given (`planYear`), as the methodology does: B has no heading to read it from.
 */

const A = grid("Cultura A", "C5", [
  ["Centro di Responsabilità", "Servizio Cultura"],
  ["Responsabile", "Paola Gialli"],
  [1, "Servizio Cultura", "Stagione teatrale", "20%"],
  [],
  ["1. OBIETTIVO DI MIGLIORAMENTO 2024"],
  ["Settore", "Dirigente", "Sistema Premiante"],
  ["Servizio Cultura", "Paola Gialli"],
  ["Obiettivo: Descrizione Sintetica", "Stagione teatrale"],
  [null, "Fasi di attuazione: 1. Programmazione 2. Biglietteria 3. Spettacoli"],
  ["Indicatori di risultato"],
  ["Descrizione", "Valore atteso", "Valore raggiunto"],
  ["Spettacoli realizzati", 10],
  ["Spettatori", "≥ 2.000"],
  ["Cronoprogramma"],
  ["Fasi e tempi", "Peso %", ...MONTHS],
  ...[
    [1, "30%", [1, 2, 3]],
    [2, "30%", [2, 3]],
    [3, "40%", [4, 5, 6, 7, 8, 9, 10, 11]],
  ].map(([n, w, m]) => {
    const [label, ...rest] = marks(n as number, m as number[]);
    return [label, w as string, ...rest];
  }),
  [],
  ["PERSONALE COINVOLTO NELL'OBIETTIVO"],
  ["Cat.", "Cognome e nome", "% partecipazione", "Costo orario", "n. ore dedicate", "Costo della risorsa"],
  [null, "Rossi Mario", 100],
  ["COSTO DELLE RISORSE INTERNE"],
]);

const B = grid("Cultura B", "B2", [
  ["STRUTTURA: Servizio Cultura – DIRIGENTE/RESPONSABILE: Paola Gialli"],
  [],
  ["N°", "Descrizione Obiettivi Operativi", "Peso %", "Indicatori di Misurazione", "Valori Attesi", "Data Fine Attesa"],
  ["1", "Stagione teatrale", "20%", "Spettacoli realizzati", "10", null],
  ["1.1", "Fase: Programmazione", "(30%)"],
  ["1.2", "Fase: Biglietteria", "(30%)"],
  ["1.3", "Fase: Spettacoli", "(40%)", "Spettatori", "≥ 2.000"],
  [],
  ["Dipendenti coinvolti sugli obiettivi:"],
  ["N.", "Dipendenti", "Obiettivo", "Peso %"],
  [1, "Rossi Mario", "1", "100%"],
]);

const C = grid("Cultura C", "E3", [
  ["1. OBIETTIVO DI MIGLIORAMENTO 2024"],
  ["Settore", "Servizio Cultura"],
  ["Responsabile", "Paola Gialli"],
  ["Peso", "20%"],
  ["DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA"],
  ["Stagione teatrale", "1. Programmazione (30%)", "Gennaio - marzo"],
  [null, "2. Biglietteria (30%)", "Febbraio - marzo"],
  [null, "3. Spettacoli (40%)", "Aprile - novembre"],
  [],
  ["Indicatori di risultato"],
  ["Descrizione", "Valore atteso", "Valore raggiunto"],
  ["Spettacoli realizzati", 10],
  ["Spettatori", "≥ 2.000"],
  [],
  ["PERSONALE COINVOLTO NELL'OBIETTIVO"],
  ["Cat.", "Cognome e nome", "% partecipazione"],
  [null, "Rossi Mario", "100"],
]);

function only(snapshot: typeof A): Objective {
  const plan = readPlan([snapshot], { planYear: 2024 });
  expect(plan.unreadable).toEqual([]);
  const objectives = allObjectives(plan);
  expect(objectives).toHaveLength(1);
  return objectives[0] as Objective;
}

/** Drops `source` and the reading record (`join`, `origin`) at every depth. */
function withoutSource(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSource);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "source" && k !== "join" && k !== "origin").map(([k, v]) => [k, withoutSource(v)]));
  }
  return value;
}

function comparable(o: Objective, layoutB = false): unknown {
  const { layout: _layout, schedule: _schedule, kind, ...rest } = o;
  return withoutSource({
    ...rest,
    kind: layoutB ? "(B has none)" : kind,
    phases: o.phases.map(({ scheduleText: _t, scheduleMonths: _m, number, ...p }) => ({ ...p, number: layoutB ? "(B: 1.n)" : number })),
    indicators: o.indicators.map(({ group, ...i }) => ({ ...i, group: layoutB ? "(B: per row)" : group })),
  });
}

describe("the same objective read from layouts A, B and C", () => {
  const a = only(A);
  const b = only(B);
  const c = only(C);

  it("gives the same id, title, structure, owner and weight", () => {
    for (const o of [a, b, c]) {
      expect(o).toMatchObject({
        id: "servizio-cultura/1",
        number: "1",
        title: "Stagione teatrale",
        structure: "Servizio Cultura",
        owner: "Paola Gialli",
        weight: { value: 20, unit: "percent" },
        year: 2024,
      });
    }
    expect([a.layout, b.layout, c.layout]).toEqual(["addin", "B", "C"]);
  });

  it("gives equal models in A and C", () => {
    expect(comparable(c)).toEqual(comparable(a));
  });

  it("gives an equal model in B, less what layout B cannot hold", () => {
    expect(comparable(b, true)).toEqual(comparable(a, true));
    expect(b.phases.map((p) => p.number)).toEqual(["1.1", "1.2", "1.3"]);
    expect(b.indicators.map((i) => i.group)).toEqual([null, "Fase 1.3"]);
  });

  it("plans the same months: A's grid rows are C's schedule texts", () => {
    expect(a.schedule.map((r) => r.months)).toEqual(c.phases.map((p) => p.scheduleMonths));
    expect(c.phases.map((p) => p.scheduleMonths)).toEqual([[1, 2, 3], [2, 3], [4, 5, 6, 7, 8, 9, 10, 11]]);
  });

  it("reads the weights and targets themselves, not just their count", () => {
    expect(a.phases.map((p) => [p.label, p.weight])).toEqual([
      ["Programmazione", 30],
      ["Biglietteria", 30],
      ["Spettacoli", 40],
    ]);
    expect(a.indicators.map((i) => i.target)).toEqual([
      expect.objectContaining({ type: "number", value: 10 }),
      expect.objectContaining({ type: "number", value: 2000, comparator: ">=" }),
    ]);
    expect(a.staff.map((s) => [s.name, s.participation])).toEqual([["Rossi Mario", 100]]);
  });
});
