import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { computeSchedule } from "../../../src/engine/compute/schedule";
import { computeScores } from "../../../src/engine/compute/scores";
import type { Finding } from "../../../src/engine/model/finding";
import type { Plan } from "../../../src/engine/model/plan";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { buildWritePlan, type BuildWritePlanInput } from "../../../src/engine/write";
import { OWNED_SHEET_MARKER } from "../../../src/engine/write/ownership";
import type { CellContent, TableSpec, WritePlan } from "../../../src/engine/write/types";
import { grid } from "../../helpers/grid";
import { indicator, num, objective, phase, plan, scheduleRow, weight } from "../rules/plan-builder";

function input(p: Plan, snapshots: SheetSnapshot[] = [grid("Scheda", "A1", [["scheda"]])], findings: Finding[] = []): BuildWritePlanInput {
  const schedules = p.structures.flatMap((s) => s.objectives.map((o) => computeSchedule(o, p.year)));
  const scores = computeScores(p, {
    methodology: DEFAULT_METHODOLOGY,
    review: "final",
    asOf: "2024-12-31",
    overrides: [{ objectiveId: "servizio-amministrativo/2", value: 95, note: "Nucleo" }],
    schedules,
  });
  return { plan: p, findings, schedules, scores, methodology: DEFAULT_METHODOLOGY, snapshots };
}

const twoObjectives = (): Plan =>
  plan({
    objectives: [
      objective({
        number: "1",
        title: "=SOMMA(A1) titolo copiato",
        weight: weight(60),
        indicators: [indicator({ target: num(100), actual: num(80) })],
        phases: [phase({ number: "1", label: "-5 giorni", weight: 100, completedOn: "2024-06-20" })],
        schedule: [scheduleRow("1", [6])],
      }),
      objective({ number: "2", weight: weight(40), indicators: [indicator({ target: num(10), actual: num(10) })] }),
    ],
  });

const tableOf = (p: WritePlan, name: string): TableSpec => {
  const t = p.sheets.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const column = (t: TableSpec, header: string, nth = 0): CellContent[] => {
  const i = t.columns.map((c, k) => [c.header, k] as const).filter(([h]) => h === header)[nth]?.[1];
  if (i === undefined) throw new Error(`no column ${header}`);
  return t.rows.map((r) => r[i] as CellContent);
};
const allContents = (p: WritePlan): CellContent[] => [...p.sheets.flatMap((s) => [...s.cells.map((c) => c.content), ...s.tables.flatMap((t) => t.rows.flat())]), ...p.addedCells.map((c) => c.content)];

describe("buildWritePlan", () => {
  const p = buildWritePlan(input(twoObjectives()));

  it("writes the add-in's sheets in order, each marked as generated in A1", () => {
    expect(p.sheets.map((s) => s.name)).toEqual(["Verifica", "Punteggi", "Riepilogo", "Obiettivi", "Fasi", "Indicatori", "Cronoprogramma", "Personale", "Metodologia"]);
    for (const s of p.sheets) {
      const a1 = s.cells.find((c) => c.row === 0 && c.col === 0)?.content;
      expect(a1?.kind === "text" && a1.text.startsWith(OWNED_SHEET_MARKER)).toBe(true);
    }
    expect(p.sheets.find((s) => s.name === "Metodologia")?.keepIfExists).toBe(true);
    expect(p.sheetNames?.map((n) => n.used)).toEqual(p.sheets.map((s) => s.name));
  });

  it("names every table once, with a header row and the banded style", () => {
    const tables = p.sheets.flatMap((s) => s.tables);
    expect(new Set(tables.map((t) => t.name)).size).toBe(tables.length);
    for (const t of tables) {
      // Metodologia's range tables sit under its settings table; every other table starts on row 4.
      expect(t).toMatchObject({ style: "TableStyleMedium2", showRowStripes: true, row: t.name.startsWith("SO_Fasce_") ? expect.any(Number) : 3 });
      expect(t.rows.length).toBeGreaterThan(0);
      expect(t.rows.every((r) => r.length === t.columns.length)).toBe(true);
    }
  });

  it("copies card text as literal text, whatever it starts with", () => {
    expect(column(tableOf(p, "SO_Obiettivi"), "Obiettivo")[0]).toEqual({ kind: "text", text: "=SOMMA(A1) titolo copiato" });
    expect(column(tableOf(p, "SO_Fasi"), "Fase")[0]).toEqual({ kind: "text", text: "-5 giorni" });
  });

  it("uses only functions Excel and LibreOffice both compute, plain A1 references, and caches a result in every formula", () => {
    const formulas = allContents(p).filter((c): c is Extract<CellContent, { kind: "formula" }> => c.kind === "formula");
    expect(formulas.length).toBe(p.stats.formulas);
    const allowed = new Set(["IF", "AND", "OR", "NOT", "SUM", "SUMPRODUCT", "MIN", "MAX", "ISNUMBER", "ABS", "ROUND", "ROUNDUP", "DATE", "YEAR", "MONTH", "EXACT", "COUNTIF"]);
    for (const f of formulas) {
      expect(f.result).not.toBeUndefined();
      expect(f.formula.startsWith("=")).toBe(false);
      expect(f.formula).not.toMatch(/\[|\bLET\(|\bLAMBDA\(|\bXLOOKUP\(|\bFILTER\(/);
      for (const [, fn] of f.formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(allowed).toContain(fn);
    }
  });

  it("Punteggi holds the engine's figures as the formulas' cached results, and the Nucleo's override", () => {
    const t = tableOf(p, "SO_Punteggi");
    const s = input(twoObjectives()).scores.objectives;
    const results = (h: string) => column(t, h).map((c) => (c.kind === "formula" ? c.result : c.kind === "number" ? c.value : null));
    expect(results("Media valore raggiunto")).toEqual(s.map((o) => (o.meanAchievement === null ? "" : o.meanAchievement / 100)));
    expect(results("Punteggio calcolato")).toEqual(s.map((o) => (o.score === null ? "" : o.score / 100)));
    expect(results("Punteggio finale")).toEqual([s[0]?.finalScore === null ? "" : (s[0]?.finalScore ?? 0) / 100, 0.95]);
    expect(results("Valutazione Nucleo")).toEqual([null, 0.95]);
    expect(column(t, "Nota Nucleo")[1]).toEqual({ kind: "text", text: "Nucleo" });
  });

  it("is deterministic", () => {
    expect(buildWritePlan(input(twoObjectives()))).toEqual(p);
  });

  it("counts what it writes", () => {
    expect(p.stats.tables).toBe(p.sheets.reduce((n, s) => n + s.tables.length, 0));
    expect(p.stats.flags).toBe(0);
    expect(p.stats.cells).toBeGreaterThan(p.stats.formulas);
  });

  it("renames a sheet a user already has, and the formulas follow", () => {
    const q = buildWritePlan(input(twoObjectives(), [grid("Scheda", "A1", [["x"]]), grid("Indicatori", "A1", [["dati miei"]])]));
    expect(q.sheetNames?.find((n) => n.key === "indicators")?.used).toBe("Indicatori (SO)");
    const mean = column(tableOf(q, "SO_Punteggi"), "Media valore raggiunto")[0];
    expect(mean?.kind === "formula" && mean.formula).toContain("'Indicatori (SO)'!$A$5:$A$6");
    expect(q.messages?.map((m) => m.code)).toEqual(["sheet-renamed"]);
  });

  it("flags only findings on the user's sheets", () => {
    const findings: Finding[] = [
      { ruleId: "r", messageId: "m", message: "Manca il peso.", severity: "error", at: { sheet: "Scheda", range: "E2" }, data: {} },
      { ruleId: "r", messageId: "m", message: "Nel foglio dell'add-in.", severity: "error", at: { sheet: "Punteggi", range: "A1" }, data: {} },
    ];
    const q = buildWritePlan(input(twoObjectives(), [grid("Scheda", "A1", [["x"]]), grid("Punteggi", "A1", [[`${OWNED_SHEET_MARKER} Punteggi`]])], findings));
    expect(q.flags.map((f) => [f.sheet, f.top, f.left])).toEqual([["Scheda", 1, 4]]);
    expect(column(tableOf(q, "SO_Verifica"), "Messaggio")).toEqual([
      { kind: "text", text: "Manca il peso." },
      { kind: "text", text: "Nel foglio dell'add-in." },
    ]);
    expect(tableOf(q, "SO_Verifica").links).toEqual([
      { row: 0, col: 4, target: "Scheda!E2" },
      { row: 1, col: 4, target: "Punteggi!A1" },
    ]);
  });

  it("adds review columns only when a review is prepared", () => {
    const sheet = grid("Scheda", "A25", [["Fasi e tempi", "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"], ["1"]]);
    expect(buildWritePlan(input(twoObjectives(), [sheet])).addedCells).toEqual([]);
    const withReview = buildWritePlan({ ...input(twoObjectives(), [sheet]), review: "final" });
    expect(withReview.addedCells.map((c) => [c.row, c.col, c.content])).toEqual([
      [24, 13, { kind: "text", text: "Completata il" }],
      [24, 14, { kind: "text", text: "Note verifica" }],
    ]);
  });
});
