import * as ExcelJS from "exceljs";
import { toA1 } from "../../../src/engine/cells/a1";
import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { computeScores } from "../../../src/engine/compute/scores";
import type { Finding } from "../../../src/engine/model/finding";
import { allObjectives } from "../../../src/engine/model/plan";
import { buildWritePlan } from "../../../src/engine/write";
import { FLAG_FILLS } from "../../../src/engine/write/flags";
import { encodeOwnershipRecord, noteHash } from "../../../src/engine/write/ownership";
import { STATE_SHEET } from "../../../src/engine/write/types";
import {
  applyWritePlanToWorkbook,
  clearAddinContent,
  clearXlsxWithReport,
  saveWorkbook,
  workbookSnapshots,
} from "../../../src/hosts/xlsx/apply";
import { fillToRecord, noteText, readState, sheetCell, solidFill } from "../../../src/hosts/xlsx/ownership";
import { loadWorkbook, readWorkbookSnapshots } from "../../../src/hosts/xlsx/read";
import { plan as planOf, objective } from "../../engine/rules/plan-builder";
import {
  analyseBytes,
  analyseSnapshots,
  annotate,
  diffStates,
  filledScenario,
  statesOf,
  typedDate,
  userCellStates,
  workbookBytes,
  REVIEW_OPTIONS,
  WORKBOOKS,
} from "./roundtrip-helpers";

const finding = (severity: Finding["severity"], range: string, message: string, sheet = "Scheda"): Finding => ({
  ruleId: `regola-${severity}`,
  messageId: "m",
  message,
  severity,
  at: { sheet, range },
  data: {},
});

/** A one-sheet workbook: B2:D2 merged and yellow, C5 with a user note, F7 holding the text "=SOMMA(A1)". */
async function smallWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Scheda");
  ws.getCell("B2").value = "Titolo della scheda";
  ws.mergeCells("B2:D2");
  ws.getCell("B2").fill = solidFill("#FFFF00");
  ws.getCell("C5").value = 5;
  ws.getCell("C5").note = "nota mia";
  ws.getCell("F7").value = "=SOMMA(A1)";
  ws.getCell("A9").value = { formula: "C5*2", result: 10 };
  return loadWorkbook(await saveWorkbook(wb));
}

function planFor(wb: ExcelJS.Workbook, findings: Finding[]) {
  const snapshots = workbookSnapshots(wb);
  const p = planOf({ objectives: [objective()] });
  const scores = computeScores(p, { methodology: DEFAULT_METHODOLOGY, review: "final", asOf: "2024-12-31", overrides: [], schedules: [] });
  return buildWritePlan({ plan: p, findings, schedules: [], scores, methodology: DEFAULT_METHODOLOGY, snapshots });
}

describe("applyWritePlanToWorkbook on every fixture", () => {
  it.each(WORKBOOKS)("%s: user values, formulas and formats are untouched; only flagged cells change fill or note", async (name) => {
    const original = workbookBytes(name);
    const { bytes, analysis } = await annotate(original);
    const added = new Set(analysis.writePlan.addedCells.map((c) => `${c.sheet}!${toA1(c)}`));
    const diff = diffStates(await statesOf(original), await statesOf(bytes, (await loadWorkbook(original)).worksheets.map((w) => w.name)), [
      "value",
      "formula",
      "numFmt",
    ]);
    // Only the review headers, in cells that were empty.
    expect(diff.filter((d) => !added.has(d.replace(/ (value|formula|numFmt):.*$/s, "")))).toEqual([]);
    expect(diff.every((d) => d.includes("value: null →"))).toBe(true);
    const wb = await loadWorkbook(bytes);
    for (const flag of analysis.writePlan.flags) {
      const ws = wb.getWorksheet(flag.sheet) as ExcelJS.Worksheet;
      expect(fillToRecord(sheetCell(ws, flag.bottom + 1, flag.right + 1).fill)).not.toBeNull();
    }
  });

  it.each(WORKBOOKS)("%s: tables twice = tables once", async (name) => {
    const once = await annotate(workbookBytes(name));
    const twice = await annotate(once.bytes);
    const all = (await loadWorkbook(once.bytes)).worksheets.map((w) => w.name);
    expect((await loadWorkbook(twice.bytes)).worksheets.map((w) => w.name)).toEqual(all);
    expect(diffStates(await statesOf(once.bytes, all), await statesOf(twice.bytes, all))).toEqual([]);
    // The first run had no record to read; otherwise the plans are the same.
    expect({ ...twice.analysis.writePlan, ownershipSeen: false }).toEqual(once.analysis.writePlan);
    const record = (b: Uint8Array) => loadWorkbook(b).then((w) => readState(w).record);
    expect(await record(twice.bytes)).toEqual(await record(once.bytes));
  });
});

describe("a reviewer's dates under the add-in's «Completata il»", () => {
  it("are read by the next run, which writes its headers again in the same cells and adds none; tables twice = tables once", async () => {
    const prepared = await annotate(workbookBytes("casorate-servizio-amministrativo"));
    const headers = prepared.analysis.writePlan.addedCells;
    const wb = await loadWorkbook(prepared.bytes);
    const phases = allObjectives((await analyseBytes(prepared.bytes)).plan).flatMap((o) => o.phases);
    const columns = phases.flatMap((p) => (p.source.completedOn ? [p.source.completedOn] : []));
    expect(columns.length).toBeGreaterThan(5);
    columns.forEach((at, i) => {
      sheetCell(wb.getWorksheet(at.sheet) as ExcelJS.Worksheet, at.top + 1, at.left + 1).value = typedDate(2024, 3, 1 + i);
    });
    const filled = await saveWorkbook(wb);

    const once = await annotate(filled);
    const read = allObjectives(once.analysis.plan).flatMap((o) => o.phases.map((p) => [p.source.completedOn, p.completedOn]));
    expect(read.filter(([, on]) => on !== null)).toEqual(columns.map((at, i) => [at, `2024-03-${String(1 + i).padStart(2, "0")}`]));
    expect(once.analysis.writePlan.addedCells).toEqual(headers);
    expect((once.analysis.writePlan.messages ?? []).map((m) => m.code)).not.toContain("review-column-skipped");
    const all = (await loadWorkbook(once.bytes)).worksheets.map((w) => w.name);
    // No header beyond the first run's: the user's sheets are the filled workbook's, cell for cell.
    const userSheets = (await loadWorkbook(filled)).worksheets.map((w) => w.name).filter((n) => !prepared.analysis.writePlan.sheets.some((s) => s.name === n) && n !== STATE_SHEET);
    expect(diffStates(await statesOf(filled, userSheets), await statesOf(once.bytes, userSheets), ["value", "formula", "numFmt"])).toEqual([]);

    const twice = await annotate(once.bytes);
    expect((await loadWorkbook(twice.bytes)).worksheets.map((w) => w.name)).toEqual(all);
    expect(diffStates(await statesOf(once.bytes, all), await statesOf(twice.bytes, all))).toEqual([]);
    expect(twice.analysis.writePlan).toEqual(once.analysis.writePlan);
  });
});

describe("what the add-in writes", () => {
  let wb: ExcelJS.Workbook;
  let analysis: Awaited<ReturnType<typeof analyseBytes>>;
  beforeAll(async () => {
    const out = await annotate(workbookBytes("casorate-servizio-amministrativo"));
    analysis = out.analysis;
    wb = await loadWorkbook(out.bytes);
  });

  it("adds its sheets after the user's, with real tables, and records them in the very hidden SO_Stato", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Servizio Amministrativo",
      "Verifica",
      "Punteggi",
      "Riepilogo",
      "Relazione",
      "Obiettivi",
      "Fasi",
      "Indicatori",
      "Cronoprogramma",
      "Personale",
      "Metodologia",
      STATE_SHEET,
    ]);
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe("veryHidden");
    const record = readState(wb).record;
    expect(record?.sheets).toEqual(["Verifica", "Punteggi", "Riepilogo", "Relazione", "Obiettivi", "Fasi", "Indicatori", "Cronoprogramma", "Personale", "Metodologia"]);
    expect(record?.tables).toContain("SO_Punteggi");
    expect(record?.sheetKeys).toMatchObject({ scores: "Punteggi", methodology: "Metodologia" });
    const punteggi = wb.getWorksheet("Punteggi") as unknown as { tables: Record<string, { table: { tableRef: string; style: { theme: string; showRowStripes: boolean } } }> };
    expect(Object.keys(punteggi.tables)).toEqual(["SO_Punteggi", "SO_Responsabili"]);
    expect(punteggi.tables.SO_Punteggi?.table.style).toMatchObject({ theme: "TableStyleMedium2", showRowStripes: true });
  });

  it("writes live formulas with the engine's figures cached", () => {
    const ws = wb.getWorksheet("Punteggi") as ExcelJS.Worksheet;
    const cell = sheetCell(ws, 5, 8);
    expect(cell.type).toBe(ExcelJS.ValueType.Formula);
    // Nothing recorded on the unfilled fixture: the score is «non calcolabile», a blank, not 0 %.
    expect(analysis.scores.objectives[0]).toMatchObject({ score: null, notComputable: ["achievement", "timeliness"] });
    expect(cell.result ?? "").toBe("");
    expect(cell.numFmt).toBe("0.00%");
    // The owners' table (from column T): "N. obiettivi" counts the owner's objectives.
    const count = sheetCell(ws, 5, 22);
    expect(count.type).toBe(ExcelJS.ValueType.Formula);
    expect(count.result).toBe(analysis.scores.owners[0]?.objectiveIds.length);
  });

  it("flags cells with the severity's fill and a note carrying the Italian message", () => {
    const flag = analysis.writePlan.flags.find((f) => f.severity === "error" && f.note !== "");
    if (!flag) throw new Error("no error flag");
    const ws = wb.getWorksheet(flag.sheet) as ExcelJS.Worksheet;
    const cell = sheetCell(ws, flag.top + 1, flag.left + 1);
    expect(fillToRecord(cell.fill)).toBe(fillToRecord(solidFill(FLAG_FILLS.error)));
    expect(noteText(cell.note)).toBe(flag.note);
  });

  it("links every finding on Verifica to its cell", () => {
    const ws = wb.getWorksheet("Verifica") as ExcelJS.Worksheet;
    const link = sheetCell(ws, 5, 5).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toMatch(/^#'Servizio Amministrativo'!/);
  });
});

describe("bad input", () => {
  it("merged cells over a flagged range: the whole merge is filled, the note goes on its first cell, merges stay", async () => {
    const wb = await smallWorkbook();
    const before = userCellStates(wb);
    const plan = planFor(wb, [finding("error", "C2", "Errore sul titolo"), finding("warning", "C5", "Avviso sul valore")]);
    const report = applyWritePlanToWorkbook(wb, plan);
    expect(report.flagsWritten).toBe(2);
    const ws = wb.getWorksheet("Scheda") as ExcelJS.Worksheet;
    for (const a of ["B2", "C2", "D2"]) expect(fillToRecord(ws.getCell(a).fill)).toBe(fillToRecord(solidFill(FLAG_FILLS.error)));
    expect(noteText(ws.getCell("B2").note)).toContain("Errore sul titolo");
    expect((ws.model as { merges: string[] }).merges).toEqual(["B2:D2"]);
    // The user's own note stays readable under the add-in's message.
    expect(noteText(ws.getCell("C5").note)).toContain("Avviso sul valore");
    expect(noteText(ws.getCell("C5").note)).toContain("nota mia");
    clearAddinContent(wb);
    const after = userCellStates(await loadWorkbook(await saveWorkbook(wb)));
    expect(diffStates(before, after)).toEqual([]);
  });

  it.each([
    ["hashes of the notes", false],
    ["the notes' texts (a record written before hashes)", true],
  ])("a record holding %s: clear gives back every fill and the user's note", async (_, oldRecord) => {
    const wb = await smallWorkbook();
    const before = userCellStates(wb);
    applyWritePlanToWorkbook(wb, planFor(wb, [finding("error", "C2", "Errore sul titolo"), finding("warning", "C5", "Avviso sul valore")]));
    const saved = await loadWorkbook(await saveWorkbook(wb));
    const state = readState(saved);
    if (state.status !== "ok") throw new Error("no record");
    const noted = state.record.flags.filter((f) => f.noteHash !== undefined);
    expect(noted).toHaveLength(2);
    expect(state.record.flags.every((f) => f.note === undefined)).toBe(true);
    const ws = saved.getWorksheet("Scheda") as ExcelJS.Worksheet;
    for (const f of noted) expect(f.noteHash).toBe(noteHash(noteText(sheetCell(ws, f.top + 1, f.left + 1).note) ?? ""));
    if (oldRecord) {
      // What an older version wrote: the note's text in the record, no hash.
      const flags = state.record.flags.map(({ noteHash: _h, ...f }) => (_h === undefined ? f : { ...f, note: noteText(sheetCell(ws, f.top + 1, f.left + 1).note) ?? "" }));
      const stato = saved.getWorksheet(STATE_SHEET) as ExcelJS.Worksheet;
      for (let r = 1; r <= stato.rowCount; r++) sheetCell(stato, r, 1).value = null;
      encodeOwnershipRecord({ ...state.record, flags }).forEach((chunk, i) => (sheetCell(stato, i + 1, 1).value = chunk));
      const reread = readState(saved);
      expect(reread.status === "ok" && reread.record.flags.filter((f) => f.note !== undefined)).toHaveLength(2);
    }
    const report = clearAddinContent(saved);
    expect(report.flagsRemoved).toBe(2);
    const after = userCellStates(await loadWorkbook(await saveWorkbook(saved)));
    expect(diffStates(before, after)).toEqual([]);
    expect(noteText((saved.getWorksheet("Scheda") as ExcelJS.Worksheet).getCell("C5").note)).toBe("nota mia");
  });

  it("a protected sheet is not flagged and gets no review column; the message says so", async () => {
    const wb = await loadWorkbook(workbookBytes("casorate-servizio-amministrativo"));
    const ws = wb.getWorksheet("Servizio Amministrativo") as ExcelJS.Worksheet;
    await ws.protect("segreto", {});
    const before = userCellStates(wb);
    const analysis = analyseSnapshots(workbookSnapshots(wb), REVIEW_OPTIONS);
    expect(analysis.writePlan.flags.length).toBeGreaterThan(0);
    expect(analysis.writePlan.addedCells.length).toBeGreaterThan(0);
    const report = applyWritePlanToWorkbook(wb, analysis.writePlan);
    expect(report.flagsWritten).toBe(0);
    expect(report.cellsWritten).toBe(0);
    expect(report.messages.map((m) => m.code)).toEqual(expect.arrayContaining(["flag-skipped-protected", "added-cell-skipped"]));
    expect(report.messages.find((m) => m.code === "flag-skipped-protected")?.message).toMatch(/è protetto/);
    expect(report.sheetsWritten).toContain("Punteggi");
    expect(diffStates(before, userCellStates(wb, ["Servizio Amministrativo"]))).toEqual([]);
  });

  it("user sheets with the add-in's names keep their content; the add-in's sheets get «(SO)»", async () => {
    const wb = await loadWorkbook(workbookBytes("casorate-polizia-locale"));
    for (const name of ["Obiettivi", "Punteggi", "Verifica", "Obiettivi (SO)"]) wb.addWorksheet(name).getCell("A1").value = `Dati dell'utente in ${name}`;
    const input = await saveWorkbook(wb);
    const before = await statesOf(input);
    const check = { asOf: "2024-12-31", review: null };
    const first = await annotate(input, check);
    const names = first.analysis.writePlan.sheetNames?.map((n) => n.used);
    expect(names).toEqual(["Verifica (SO)", "Punteggi (SO)", "Riepilogo", "Obiettivi (SO 2)", "Fasi", "Indicatori", "Cronoprogramma", "Personale", "Metodologia"]);
    const renamed = first.analysis.writePlan.messages?.filter((m) => m.code === "sheet-renamed") ?? [];
    expect(renamed).toHaveLength(3);
    expect(renamed[0]?.message).toMatch(/foglio «Verifica» dell'utente, che non viene toccato/);
    const userSheets = (await loadWorkbook(input)).worksheets.map((w) => w.name);
    expect(diffStates(before, await statesOf(first.bytes, userSheets), ["value", "formula", "numFmt"])).toEqual([]);
    // The formulas refer to the renamed sheets.
    const punteggi = (await loadWorkbook(first.bytes)).getWorksheet("Punteggi (SO)") as ExcelJS.Worksheet;
    expect(sheetCell(punteggi, 5, 6).formula).toContain("Indicatori!");
    const second = await annotate(first.bytes, check);
    expect(second.analysis.plan).toEqual(first.analysis.plan);
    expect(second.analysis.writePlan.sheetNames).toEqual(first.analysis.writePlan.sheetNames);
    const cleared = await clearXlsxWithReport(second.bytes);
    expect(diffStates(before, await statesOf(cleared.bytes))).toEqual([]);
  });

  it("text that starts with =, +, - or @ is copied as text, never as a formula", async () => {
    const wb = await loadWorkbook(workbookBytes("casorate-segreteria"));
    const before = await analyseSnapshots(workbookSnapshots(wb));
    const title = before.plan.structures[0]?.objectives[0]?.source.title;
    if (!title) throw new Error("no title");
    sheetCell(wb.getWorksheet(title.sheet) as ExcelJS.Worksheet, title.top + 1, title.left + 1).value = "=SOMMA(A1:A3) resta testo";
    const { bytes, analysis } = await annotate(await saveWorkbook(wb));
    expect(analysis.plan.structures[0]?.objectives[0]?.title).toBe("=SOMMA(A1:A3) resta testo");
    const out = await loadWorkbook(bytes);
    const obiettivi = out.getWorksheet("Obiettivi") as ExcelJS.Worksheet;
    const cell = sheetCell(obiettivi, 5, 5);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("=SOMMA(A1:A3) resta testo");
  });

  it("a user sheet called SO_Stato: nothing is written, and the message says why", async () => {
    const wb = await loadWorkbook(workbookBytes("casorate-segreteria"));
    wb.addWorksheet(STATE_SHEET).getCell("A1").value = "appunti";
    const before = userCellStates(wb, wb.worksheets.map((w) => w.name));
    const analysis = analyseSnapshots(workbookSnapshots(wb));
    const report = applyWritePlanToWorkbook(wb, analysis.writePlan);
    expect(report.messages.map((m) => m.code)).toContain("state-sheet-taken");
    expect(report.sheetsWritten).toEqual([]);
    expect(diffStates(before, userCellStates(wb, wb.worksheets.map((w) => w.name)))).toEqual([]);
    expect(clearAddinContent(wb).messages.map((m) => m.code)).toEqual(["state-sheet-taken"]);
  });
});

describe("what the user did after a run is kept", () => {
  it("a flagged cell re-coloured by the user keeps the user's colour when the flags go", async () => {
    const { bytes, analysis } = await annotate(workbookBytes("casorate-servizio-amministrativo"));
    const flag = analysis.writePlan.flags[0];
    if (!flag) throw new Error("no flag");
    const wb = await loadWorkbook(bytes);
    const ws = wb.getWorksheet(flag.sheet) as ExcelJS.Worksheet;
    sheetCell(ws, flag.top + 1, flag.left + 1).fill = solidFill("#0000FF");
    clearAddinContent(wb);
    expect(fillToRecord(sheetCell(ws, flag.top + 1, flag.left + 1).fill)).toBe(fillToRecord(solidFill("#0000FF")));
  });

  it("a review header the user overwrote stays, with a message", async () => {
    const { bytes, analysis } = await annotate(workbookBytes("layout-c-servizi-sociali"));
    const added = analysis.writePlan.addedCells[0];
    if (!added) throw new Error("no added cell");
    const wb = await loadWorkbook(bytes);
    sheetCell(wb.getWorksheet(added.sheet) as ExcelJS.Worksheet, added.row + 1, added.col + 1).value = "Data completamento";
    const report = clearAddinContent(wb);
    expect(report.messages.map((m) => m.code)).toContain("added-cell-kept");
    expect(sheetCell(wb.getWorksheet(added.sheet) as ExcelJS.Worksheet, added.row + 1, added.col + 1).value).toBe("Data completamento");
  });

  it("the Nucleo's override typed on Punteggi is read back, kept by the next run, and its loss on clear is reported", async () => {
    const s = await filledScenario("casorate-servizio-amministrativo");
    const first = s.analysis.scores.objectives[0];
    expect(first?.override).toEqual({ value: 87.5, note: "=Rivalutato dal Nucleo" });
    expect(first?.finalScore).toBe(87.5);
    const annotated = await s.annotate(s.analysis.writePlan);
    const again = await analyseBytes(annotated);
    expect(again.scores.objectives[0]?.override).toEqual(first?.override);
    const { report } = await clearXlsxWithReport(annotated);
    expect(report.messages.map((m) => m.code)).toContain("overrides-removed");
  });
});

describe("a damaged record", () => {
  it("is reported and nothing is touched: the add-in can no longer tell its sheets from the user's", async () => {
    const { bytes } = await annotate(workbookBytes("casorate-segreteria"), { asOf: "2024-03-31", review: null });
    const wb = await loadWorkbook(bytes);
    sheetCell(wb.getWorksheet(STATE_SHEET) as ExcelJS.Worksheet, 1, 1).value = "{rotto";
    const names = wb.worksheets.map((w) => w.name);
    const before = userCellStates(wb, names.filter((n) => n !== STATE_SHEET));
    const analysis = analyseSnapshots(workbookSnapshots(wb), { asOf: "2024-03-31", review: null });
    const report = applyWritePlanToWorkbook(wb, analysis.writePlan);
    expect(report.messages.map((m) => m.code)).toEqual(["state-unreadable"]);
    expect(report.messages[0]?.severity).toBe("error");
    expect(report).toMatchObject({ sheetsRemoved: [], sheetsWritten: [], flagsWritten: 0, cellsWritten: 0 });
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
    expect(diffStates(before, userCellStates(wb, names.filter((n) => n !== STATE_SHEET)))).toEqual([]);
    expect(readState(wb).status).toBe("unreadable");
  });

  it("clear removes only the damaged record and says what is left to do", async () => {
    const { bytes } = await annotate(workbookBytes("casorate-segreteria"), { asOf: "2024-03-31", review: null });
    const wb = await loadWorkbook(bytes);
    sheetCell(wb.getWorksheet(STATE_SHEET) as ExcelJS.Worksheet, 1, 1).value = "{rotto";
    const names = wb.worksheets.map((w) => w.name).filter((n) => n !== STATE_SHEET);
    const report = clearAddinContent(wb);
    expect(report.messages.map((m) => m.code)).toEqual(["state-unreadable"]);
    expect(report.sheetsRemoved).toEqual([]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
  });
});

describe("a plan built from snapshots without SO_Stato (readWorkbookSnapshots)", () => {
  it("keeps the add-in's earlier review headers and their ownership; clear still takes them away", async () => {
    const options = { asOf: "2024-12-31", review: "final" as const };
    const original = workbookBytes("layout-c-servizi-sociali");
    const first = await annotate(original, options);
    expect(first.analysis.writePlan.addedCells.length).toBeGreaterThan(0);
    const wb = await loadWorkbook(first.bytes);
    const plan = analyseSnapshots(await readWorkbookSnapshots(first.bytes), options).writePlan;
    expect(plan.ownershipSeen).toBe(false);
    expect(plan.addedCells).toEqual([]);
    applyWritePlanToWorkbook(wb, plan);
    const second = await saveWorkbook(wb);
    for (const c of first.analysis.writePlan.addedCells) {
      const cell = sheetCell((await loadWorkbook(second)).getWorksheet(c.sheet) as ExcelJS.Worksheet, c.row + 1, c.col + 1);
      expect(cell.value).toBe(c.content.kind === "text" ? c.content.text : null);
    }
    expect(readState(await loadWorkbook(second)).record?.addedCells).toHaveLength(first.analysis.writePlan.addedCells.length);
    const cleared = await clearXlsxWithReport(second);
    expect(diffStates(await statesOf(original), await statesOf(cleared.bytes))).toEqual([]);
  });
});
