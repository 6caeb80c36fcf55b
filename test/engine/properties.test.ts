/**
 * Property tests of the whole engine (issue 2): random grids and random mutations of the real
 * fixtures never throw and always give a valid plan plus well-formed findings.
 */
import fc from "fast-check";
import { analyse } from "../../src/engine/analyse";
import { readPlan } from "../../src/engine/read";
import { runRules } from "../../src/engine/rules";
import { DEFAULT_METHODOLOGY } from "../../src/engine/compute/methodology";
import { PlanSchema } from "../../src/engine/model/plan";
import { FindingSchema } from "../../src/engine/model/finding";
import type { CellValue, SheetSnapshot } from "../../src/engine/model/snapshot";
import { loadFixtureSnapshots, type FixtureName } from "../fixtures";

const WORDS: CellValue[] = [
  "Obiettivo: Descrizione Sintetica", "1. OBIETTIVO DI MIGLIORAMENTO 2024", "Settore", "Dirigente", "Sistema Premiante",
  "Indicatori di risultato", "Descrizione", "Valore atteso", "Valore raggiunto", "Cronoprogramma", "Fasi e tempi",
  "Gennaio", "Febbraio", "Dicembre", "X", "x", "✓", "Verifica Intermedia del .. /.. /..", "Media valore raggiunto", "%",
  "PERSONALE COINVOLTO NELL' OBIETTIVO", "% partecipazion e", "Cognome e nome", "N°", "Peso %", "Descrizione Obiettivi",
  "Indicatori di Misurazione", "Valori Attesi", "Data Fine Attesa", "Fase: prova", "(50%)", "1.1.", "30%", "MAX 20 PUNTI",
  "€ 1.000,00", "< di 5", "SI", "NO", "31.12.2022", "Entro il 31/12/2024", "Sino a novembre 2024", "Giugno/settembre",
  "DEFINIZIONE OBIETTIVO", "DESCRIZIONE/FASI", "CRONOPROGRAMMA", "Centro di Responsabilità", "Responsabile", "peso",
  "Completata il", "Note verifica", "=SUM(A1)", "<p>testo</p>", "", "   ", "#REF!", "Intersettoriale",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
);

const snapshot: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: fc.constantFrom("Foglio1", "Polizia Locale", "Obiettivi", "Metodologia", "A'B"),
  origin: fc.record({ row: fc.nat(40), col: fc.nat(10) }),
  cells: fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 24 }),
});

function wellFormed(snapshots: SheetSnapshot[]): void {
  const a = analyse(snapshots, { asOf: "2024-09-30", review: "interim" });
  const plan = PlanSchema.safeParse(a.plan);
  if (!plan.success) throw new Error(`plan does not match its schema: ${plan.error.message.slice(0, 300)}`);
  for (const f of a.findings) {
    const parsed = FindingSchema.safeParse(f);
    if (!parsed.success) throw new Error(`finding does not match its schema: ${JSON.stringify(f).slice(0, 300)}`);
    if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/.test(f.at.range)) throw new Error(`bad range ${f.at.range}`);
  }
  for (const o of a.scores.objectives) {
    for (const v of [o.meanAchievement, o.meanTimeliness, o.score]) {
      if (v !== null && !(Number.isFinite(v) && v >= 0)) throw new Error(`bad figure ${v} for ${o.objectiveId}`);
    }
  }
  // The write plan is built lazily: touch it so that it is built and checked too.
  const stats = a.writePlan.stats;
  if (![stats.cells, stats.formulas, stats.flags, stats.tables].every((n) => Number.isInteger(n) && n >= 0)) throw new Error("bad write plan stats");
}

const runs = (ci: number, local: number): number => (process.env.CI ? ci : local);

describe("engine properties", () => {
  it("10,000 random grids never throw and give a valid plan and findings", () => {
    fc.assert(
      fc.property(fc.array(snapshot, { minLength: 0, maxLength: 3 }), (snapshots) => {
        wellFormed(snapshots);
      }),
      { numRuns: 10_000 },
    );
  }, 180_000);

  const names: FixtureName[] = ["casorate-servizio-amministrativo", "casorate-polizia-locale", "casorate-segreteria", "pdo-template-2022", "layout-c-servizi-sociali"];
  const fixtures = new Map<FixtureName, SheetSnapshot[]>();
  beforeAll(async () => {
    for (const n of names) fixtures.set(n, await loadFixtureSnapshots(n));
  });

  /** A mutation: overwrite, blank, or move cells of a fixture (copy-on-write, the fixture stays intact). */
  const mutation = fc.record({
    fixture: fc.constantFrom(...names),
    edits: fc.array(fc.record({ sheet: fc.nat(), row: fc.nat(), col: fc.nat(), value: cell }), { minLength: 1, maxLength: 12 }),
    dropRows: fc.array(fc.nat(), { maxLength: 3 }),
    shift: fc.record({ row: fc.nat(5), col: fc.nat(3) }),
  });

  type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

  function mutate(m: Mutation): SheetSnapshot[] {
    const base = fixtures.get(m.fixture) as SheetSnapshot[];
    const out = base.map((s) => ({ ...s, origin: { row: s.origin.row + m.shift.row, col: s.origin.col + m.shift.col }, cells: s.cells.map((r) => r.slice()), formats: undefined, formulas: undefined }));
    for (const e of m.edits) {
      const s = out[e.sheet % out.length];
      if (!s || s.cells.length === 0) continue;
      const row = s.cells[e.row % s.cells.length] as CellValue[];
      if (row.length === 0) continue;
      row[e.col % row.length] = e.value;
    }
    for (const d of m.dropRows) {
      const s = out[d % out.length];
      if (s && s.cells.length > 0) s.cells.splice(d % s.cells.length, 1);
    }
    return out;
  }

  it("random mutations of the fixtures never throw: the reader and rules always return a plan and findings", () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const snapshots = mutate(m);
        const plan = readPlan(snapshots);
        const findings = runRules(plan, { methodology: DEFAULT_METHODOLOGY, review: "final", asOf: "2025-01-31" });
        if (!Array.isArray(findings)) throw new Error("no findings array");
      }),
      { numRuns: runs(10_000, 1_000) },
    );
  }, 600_000);

  it("mutated fixtures also survive the full analysis (scores and write plan)", () => {
    fc.assert(
      fc.property(mutation, (m) => {
        wellFormed(mutate(m));
      }),
      { numRuns: runs(1_000, 200) },
    );
  }, 600_000);
});
