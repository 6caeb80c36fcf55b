/**
 * LibreOffice as an independent spreadsheet engine for the tests: it opens the files the add-in
 * writes, recalculates every formula (the profile forces recalculation on load) and saves them,
 * so the tests can compare what a spreadsheet computes with what the engine computed.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import type { WritePlan } from "../../../src/engine/write/types";
import { TABLE_TOP } from "../../../src/engine/write/layout";
import { sheetCell } from "../../../src/hosts/xlsx/ownership";

/** soffice (or libreoffice) on PATH, or null. */
export function findSoffice(): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = path.join(dir, name);
      if (dir !== "" && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

// OOXMLRecalcMode 0 = always recalculate on load (the default trusts the cached values).
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Opens every file in LibreOffice (one headless run, a fresh profile), recalculates and saves it
 * as .xlsx; returns the recalculated files by name.
 */
export async function recalculate(soffice: string, files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, Uint8Array>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "so-lo-"));
  try {
    const profile = path.join(dir, "profile");
    mkdirSync(path.join(profile, "user"), { recursive: true });
    writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), REGISTRY);
    const input = path.join(dir, "in");
    const output = path.join(dir, "out");
    mkdirSync(input);
    mkdirSync(output);
    const paths: string[] = [];
    for (const [name, bytes] of files) {
      const p = path.join(input, `${name}.xlsx`);
      writeFileSync(p, bytes);
      paths.push(p);
    }
    const args = [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--calc", "--convert-to", "xlsx", "--outdir", output, ...paths];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: 120_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()));
    });
    const out = new Map<string, Uint8Array>();
    for (const name of files.keys()) {
      const p = path.join(output, `${name}.xlsx`);
      if (!existsSync(p)) throw new Error(`LibreOffice did not convert ${name}`);
      out.set(name, new Uint8Array(readFileSync(p)));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The plan with every cached formula result removed, so a file's figures can only come from recalculation. */
export function withoutResults(plan: WritePlan): WritePlan {
  const copy = structuredClone(plan);
  for (const sheet of copy.sheets) {
    for (const table of sheet.tables) for (const row of table.rows) for (const c of row) if (c.kind === "formula") c.result = null;
    for (const cell of sheet.cells) if (cell.content.kind === "formula") cell.content.result = null;
  }
  return copy;
}

type Figure = number | string | null;

export interface SheetScores {
  objectives: Map<string, Record<"meanAchievement" | "meanTimeliness" | "score" | "final" | "band", Figure>>;
  owners: Map<string, Record<"score" | "band", Figure>>;
}

function figure(cell: ExcelJS.Cell): Figure {
  const v = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "object" && "error" in v) return `#ERR ${String((v as { error: unknown }).error)}`;
  return String(v);
}

/** Reads the Punteggi sheet back (values as computed by whoever saved the file). */
export async function readScoresSheet(bytes: Uint8Array, sheetName: string): Promise<SheetScores> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  const header = ws.getRow(TABLE_TOP + 1);
  const cols = new Map<string, number[]>();
  header.eachCell((cell, col) => {
    const name = String(cell.value);
    cols.set(name, [...(cols.get(name) ?? []), col]);
  });
  const col = (name: string, nth = 0): number => {
    const c = cols.get(name)?.[nth];
    if (c === undefined) throw new Error(`no column ${name}`);
    return c;
  };
  const out: SheetScores = { objectives: new Map(), owners: new Map() };
  for (let r = TABLE_TOP + 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const valueAt = (c: number): ExcelJS.CellValue => sheetCell(ws, r, c).value;
    const id = valueAt(col("ID obiettivo"));
    if (typeof id === "string" && id !== "") {
      out.objectives.set(id, {
        meanAchievement: figure(row.getCell(col("Media valore raggiunto"))),
        meanTimeliness: figure(row.getCell(col("Media rispetto dei tempi"))),
        score: figure(row.getCell(col("Punteggio calcolato"))),
        final: figure(row.getCell(col("Punteggio finale"))),
        band: figure(row.getCell(col("Fascia", 0))),
      });
    }
    const owner = valueAt(col("Responsabile", 1));
    const structure = valueAt(col("Struttura", 1));
    if (typeof owner === "string" && owner !== "") {
      out.owners.set(`${String(structure)}\u0000${owner}`, { score: figure(row.getCell(col("Punteggio"))), band: figure(row.getCell(col("Fascia", 1))) });
    }
  }
  return out;
}
