import fc from "fast-check";
import { readPlan } from "../../../src/engine/read";
import { PlanSchema } from "../../../src/engine/model/plan";
import type { CellValue } from "../../../src/engine/model/snapshot";
import { grid } from "../../helpers/grid";
import { MONTHS } from "./helpers";

// Labels of every layout, values as people type them, placeholders and junk: random sheets made
// of these exercise the block finder on half-built and broken cards.
const VOCABULARY: CellValue[] = [
  "Centro di Responsabilità",
  "Responsabile",
  "1. OBIETTIVO DI MIGLIORAMENTO 2024",
  "OBBIETTIVO DI GESTIONE 2024",
  "Settore",
  "Dirigente",
  "Sistema Premiante",
  "Settori coinvolti",
  "Obiettivo: Descrizione Sintetica",
  "Fasi di attuazione: 1. uno 2. due",
  "<ol><li>uno</li><li>due</li></ol>",
  "Indicatori di risultato",
  "Descrizione",
  "Valore atteso",
  "Valore raggiunto",
  "Rispetto scadenze:",
  "Cronoprogramma",
  "Fasi e tempi",
  "Peso %",
  "peso",
  "Completata il",
  "Note verifica",
  ...MONTHS.slice(0, 3),
  "Verifica Intermedia del .. /.. /..",
  "Verifica Intermedia del 31/02/2024",
  "Media valore raggiunto",
  "Media rispetto dei tempi",
  "Da attivare",
  "PERSONALE COINVOLTO NELL'OBIETTIVO",
  "Cat.",
  "Cognome e nome",
  "% partecipazion e",
  "COSTO DELLE RISORSE INTERNE",
  "STRUTTURA: AREA X – DIRIGENTE/RESPONSABILE: ____",
  "N°",
  "Descrizione Obiettivi Gestionali",
  "Indicatori di Misurazione",
  "Valori Attesi",
  "Data Fine Attesa",
  "Dipendenti coinvolti sugli obiettivi:",
  "Dipendenti",
  "Obiettivo",
  "DEFINIZIONE OBIETTIVO",
  "DESCRIZIONE/FASI",
  "CRONOPROGRAMMA",
  "Gennaio - marzo",
  "Fase: uno",
  "1.1.",
  "(50%)",
  "30%",
  "trenta",
  "Intersettoriale",
  "X",
  "x",
  "?",
  "%",
  "N.",
  "-",
  "____",
  "31.12.2024",
  "SI",
  1,
  2,
  25,
  0.3,
  45000,
  -7,
  true,
  null,
  null,
  null,
];

describe("readPlan on random sheets", () => {
  it("never throws and always gives a valid plan whose unreadable cells lie on their sheet", () => {
    const cell = fc.constantFrom(...VOCABULARY);
    const sheet = fc.record({
      rows: fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 60 }),
      row: fc.integer({ min: 0, max: 30 }),
      col: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        const snapshots = sheets.map((s, i) => {
          const g = grid(`Foglio ${i + 1}`, "A1", s.rows);
          return { ...g, origin: { row: s.row, col: s.col } };
        });
        const plan = readPlan(snapshots);
        PlanSchema.parse(plan);
        for (const u of plan.unreadable) {
          const snap = snapshots.find((s) => s.name === u.at.sheet);
          expect(snap).toBeDefined();
          expect(u.at.top).toBeGreaterThanOrEqual(snap?.origin.row ?? 0);
          expect(u.text.length).toBeGreaterThan(0);
        }
        const ids = plan.structures.flatMap((s) => s.objectives.map((o) => o.id));
        expect(new Set(ids).size).toBe(ids.length);
      }),
      { numRuns: 300 },
    );
  });
});
