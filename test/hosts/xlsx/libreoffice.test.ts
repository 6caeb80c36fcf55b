/**
 * The formulas the add-in writes, recalculated by LibreOffice, give the engine's figures (to
 * 0.01 points) for every objective and every owner: on hand-made plans that walk every branch,
 * and on every fixture workbook after a reviewer has filled in achieved values and completion
 * dates. The files are written without cached results, so every figure read back was computed
 * by LibreOffice. One soffice run converts all of them.
 */
import * as ExcelJS from "exceljs";
import type { Scores } from "../../../src/engine/compute/types";
import type { WritePlan } from "../../../src/engine/write/types";
import { applyWritePlanToWorkbook, saveWorkbook } from "../../../src/hosts/xlsx/apply";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { worksheetToSnapshot } from "../../../src/hosts/xlsx/read";
import { EDGE_SHEET, LITERAL_TITLE, USER_METHODOLOGY, edgeCase } from "./libreoffice-plans";
import { findSoffice, readScoresSheet, recalculate, withoutResults, type SheetScores } from "./libreoffice-support";
import { FILLED_SCENARIOS, filledScenario, type Scenario } from "./roundtrip-helpers";
import { WORKED, WORKED_AS_OF, WORKED_ID, workedPlan } from "../../engine/compute/worked-example";

const soffice = findSoffice();
const TOLERANCE = 0.01;

if (!soffice && process.env.CI) {
  // In CI the check is part of the proof: a missing LibreOffice fails, never skips.
  test("LibreOffice is installed", () => {
    throw new Error("soffice/libreoffice non trovato nel PATH: il controllo con LibreOffice è obbligatorio in CI.");
  });
}

const describeLo = soffice ? describe : describe.skip;
if (!soffice) console.warn("LibreOffice (soffice) non trovato: test di ricalcolo saltati (solo in locale).");

interface Case {
  name: string;
  scores: Scores;
  plan: WritePlan;
  bytes: Uint8Array;
}

const cases: Case[] = [];
const recalculated = new Map<string, SheetScores>();
let files = new Map<string, Uint8Array>();

async function edgeBytes(plan: WritePlan, userMethodology = false): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(EDGE_SHEET).getCell("A1").value = "Scheda di prova";
  if (userMethodology) {
    const ws = wb.addWorksheet(USER_METHODOLOGY.name);
    for (const [a, v] of Object.entries(USER_METHODOLOGY.cells)) ws.getCell(a).value = v;
    for (const [a, f] of Object.entries(USER_METHODOLOGY.formats)) ws.getCell(a).numFmt = f;
  }
  applyWritePlanToWorkbook(wb, withoutResults(plan));
  return saveWorkbook(wb);
}

/** The user's Metodologia as the snapshot the reader would give. */
async function userMethodologySnapshot(): Promise<SheetSnapshot> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(USER_METHODOLOGY.name);
  for (const [a, v] of Object.entries(USER_METHODOLOGY.cells)) ws.getCell(a).value = v;
  for (const [a, f] of Object.entries(USER_METHODOLOGY.formats)) ws.getCell(a).numFmt = f;
  return worksheetToSnapshot(ws);
}

describeLo("LibreOffice recalculates the add-in's formulas to the engine's figures", () => {
  beforeAll(async () => {
    const edges = [
      edgeCase("edge-final", "final", "2024-12-31"),
      edgeCase("edge-interim", "interim", "2024-09-30"),
      edgeCase("edge-custom", "final", "2025-03-31", {
        achievementShare: 60,
        timelinessShare: 40,
        achievementCap: 120,
        deadlinePenaltyPer30Days: 20,
        timelinessPenaltyPerMonth: 10,
        missingActualFinal: "exclude",
        bands: [
          { band: "Ottimo", min: 90 },
          { band: "Buono", min: 75 },
          { band: "Sufficiente", min: 50 },
        ],
        planYear: 2024,
      }),
    ];
    // Timeliness by a days-late table (fixed and proportional rows), with the thresholds preset.
    edges.push(
      edgeCase("edge-days-late", "final", "2025-03-31", {
        ...WORKED.thresholds.methodology,
        timelinessRule: "days",
        timelinessBands: [
          { from: 0, to: 30, mode: "fixed", value: 80, valueTo: null },
          { from: 30, to: 60, mode: "proportional", value: 70, valueTo: 40 },
          { from: 60, to: 3660, mode: "fixed", value: 0, valueTo: null },
        ],
      }),
    );
    // Each methodology preset, and worst-of, on the edge plan and on the worked example of docs/DOMAIN.md.
    for (const [id, { methodology }] of Object.entries(WORKED)) {
      edges.push(edgeCase(`edge-preset-${id}`, "final", "2024-12-31", methodology));
      edges.push(edgeCase(`worked-${id}`, "final", WORKED_AS_OF, methodology, [], workedPlan()));
    }
    for (const e of edges) cases.push({ name: e.name, scores: e.scores, plan: e.writePlan, bytes: await edgeBytes(e.writePlan) });
    const own = edgeCase("edge-user-methodology", "final", "2024-12-31", {}, [await userMethodologySnapshot()]);
    expect(own.methodology).toMatchObject({ achievementShare: 60, timelinessShare: 40, achievementCap: 110, bands: [{ band: "ALTA", min: 85 }, { band: "MEDIA", min: 60 }, { band: "BASSA", min: 0 }] });
    cases.push({ name: own.name, scores: own.scores, plan: own.writePlan, bytes: await edgeBytes(own.writePlan, true) });
    for (const name of FILLED_SCENARIOS) {
      const s: Scenario = await filledScenario(name);
      cases.push({ name: `fixture-${name}`, scores: s.analysis.scores, plan: s.analysis.writePlan, bytes: await s.annotate(withoutResults(s.analysis.writePlan)) });
    }
    const out = await recalculate(soffice as string, new Map(cases.map((c) => [c.name, c.bytes])));
    files = out;
    for (const c of cases) {
      const scoresSheet = c.plan.sheetNames?.find((n) => n.key === "scores")?.used ?? "Punteggi";
      recalculated.set(c.name, await readScoresSheet(out.get(c.name) as Uint8Array, scoresSheet));
    }
  }, 120_000);

  it("the user's own Metodologia is kept and the formulas read it", async () => {
    const own = cases.find((c) => c.name === "edge-user-methodology") as Case;
    expect(own.plan.sheets.find((s) => s.key === "methodology")?.keepIfExists).toBe(true);
    const punteggi = JSON.stringify(own.plan.sheets.find((s) => s.key === "scores"));
    expect(punteggi).toContain("(Metodologia!$D$4*100)");
    expect(punteggi).toContain("Metodologia!$D$9");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.get(own.name) as Uint8Array) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Metodologia")?.getCell("B2").value).toBe("Sistema di misurazione del Comune");
  });

  it("text that looks like a formula is still text after LibreOffice opened and saved the file", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(files.get("edge-final") as Uint8Array) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet("Obiettivi") as ExcelJS.Worksheet;
    const titles: unknown[] = [];
    ws.getColumn(5).eachCell((cell) => titles.push(cell.type === ExcelJS.ValueType.Formula ? `FORMULA ${cell.formula}` : cell.value));
    expect(titles).toContain(LITERAL_TITLE);
  });

  it("no formula on the add-in's sheets evaluates to an error", async () => {
    const problems: string[] = [];
    let formulas = 0;
    for (const c of cases) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(files.get(c.name) as Uint8Array) as unknown as ExcelJS.Buffer);
      for (const name of c.plan.sheets.map((s) => s.name)) {
        wb.getWorksheet(name)?.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type !== ExcelJS.ValueType.Formula) return;
            formulas += 1;
            // ExcelJS reads an empty text result ("") as no result: that is a blank, not an error.
            const r = cell.result as unknown;
            if (typeof r === "object" && r !== null && "error" in r) problems.push(`${c.name} ${name}!${cell.address}: ${String((r as { error: unknown }).error)} in ${cell.formula}`);
          }),
        );
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(formulas).toBeGreaterThan(1000);
  });

  it("converts every case", () => {
    expect(recalculated.size).toBe(5 + 2 * Object.keys(WORKED).length + FILLED_SCENARIOS.length);
  });

  it("the edge plans cover scored, unscored, overridden and capped objectives", () => {
    const edge = cases.find((c) => c.name === "edge-final") as Case;
    const o = edge.scores.objectives;
    expect(o.some((x) => x.score === null)).toBe(true);
    expect(o.some((x) => x.override !== null)).toBe(true);
    expect(o.some((x) => x.indicators.some((i) => i.note?.includes("tetto")))).toBe(true);
    expect(o.filter((x) => x.score !== null && x.score > 0 && x.score < 100).length).toBeGreaterThan(5);
  });

  const figure = (v: number | string | null | undefined): number | null => (typeof v === "number" ? v * 100 : null);

  it.each(Object.entries(WORKED))("the worked example under %s: LibreOffice gives the hand-computed figures", (id, { figures }) => {
    const sheet = recalculated.get(`worked-${id}`) as SheetScores;
    const row = sheet.objectives.get(WORKED_ID);
    expect(figure(row?.meanAchievement)).toBeCloseTo(figures.meanAchievement, 2);
    expect(figure(row?.meanTimeliness)).toBeCloseTo(figures.meanTimeliness, 2);
    expect(figure(row?.score)).toBeCloseTo(figures.score, 2);
    expect(row?.band).toBe(figures.band);
  });

  it("the presets move the scores (the comparison is not between equal figures)", () => {
    const scoreOf = (name: string): number | null => cases.find((c) => c.name === name)?.scores.objectives.find((o) => o.objectiveId === "polizia-locale/4")?.score ?? null;
    const all = Object.keys(WORKED).map((id) => scoreOf(`edge-preset-${id}`));
    expect(new Set(all.map((x) => x?.toFixed(4))).size).toBe(all.length);
  });

  it("the days-late table: a phase 33 days late counts 70 − 3/30 × 30 = 67 %, in the engine and in LibreOffice", () => {
    const c = cases.find((x) => x.name === "edge-days-late") as Case;
    const o = c.scores.objectives.find((x) => x.objectiveId === "ufficio-tecnico/1");
    expect(o?.phases[1]?.timeliness).toBeCloseTo(67, 9);
    expect(o?.settingsUsed).toEqual(expect.arrayContaining(["timelinessRule", "timelinessBands"]));
    expect(figure(recalculated.get("edge-days-late")?.objectives.get("ufficio-tecnico/1")?.meanTimeliness)).toBeCloseTo(o?.meanTimeliness ?? NaN, 2);
  });

  it("nothing recorded: LibreOffice shows no mean, no score and no band", () => {
    const row = recalculated.get("edge-final")?.objectives.get("polizia-locale/6");
    expect(row).toEqual({ meanAchievement: null, meanTimeliness: null, score: null, final: null, band: null });
  });

  it("every objective: media valore raggiunto, media rispetto dei tempi, score, final score and band", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const c of cases) {
      const sheet = recalculated.get(c.name) as SheetScores;
      for (const o of c.scores.objectives) {
        const row = sheet.objectives.get(o.objectiveId);
        if (!row) {
          problems.push(`${c.name} ${o.objectiveId}: riga mancante`);
          continue;
        }
        const pairs: Array<[string, number | null, number | null]> = [
          ["meanAchievement", o.meanAchievement, figure(row.meanAchievement)],
          ["meanTimeliness", o.meanTimeliness, figure(row.meanTimeliness)],
          ["score", o.score, figure(row.score)],
          ["finalScore", o.finalScore, figure(row.final)],
        ];
        for (const [what, engine, lo] of pairs) {
          compared += 1;
          const same = engine === null ? lo === null : lo !== null && Math.abs(engine - lo) <= TOLERANCE;
          if (!same) problems.push(`${c.name} ${o.objectiveId} ${what}: motore ${engine}, LibreOffice ${lo} (${JSON.stringify(row)})`);
        }
        const band = bandFor(c, o.finalScore);
        if ((row.band ?? null) !== band) problems.push(`${c.name} ${o.objectiveId} fascia: motore ${band}, LibreOffice ${row.band}`);
      }
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(100);
  });

  it("every owner: weighted score and band", () => {
    const problems: string[] = [];
    for (const c of cases) {
      const sheet = recalculated.get(c.name) as SheetScores;
      for (const o of c.scores.owners) {
        const row = sheet.owners.get(`${o.structure}\u0000${o.owner}`);
        const lo = figure(row?.score);
        const same = o.score === null ? lo === null : lo !== null && Math.abs(o.score - lo) <= TOLERANCE;
        if (!same) problems.push(`${c.name} ${o.structure}/${o.owner}: motore ${o.score}, LibreOffice ${lo}`);
        if ((row?.band ?? null) !== o.band) problems.push(`${c.name} ${o.structure}/${o.owner} fascia: motore ${o.band}, LibreOffice ${row?.band}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

function bandFor(c: Case, score: number | null): string | null {
  if (score === null) return null;
  const bands = [...c.scores.methodology.bands].sort((a, b) => b.min - a.min);
  return bands.find((b) => score >= b.min)?.band ?? null;
}
