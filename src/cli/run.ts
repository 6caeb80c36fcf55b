import { promises as fs } from "node:fs";
import path from "node:path";
import { analyse } from "../engine/analyse";
import { allObjectives } from "../engine/model/plan";
import { loadWorkbook } from "../hosts/xlsx/read";
import { applyWritePlanToWorkbook, clearAddinContent, saveWorkbook, workbookSnapshots } from "../hosts/xlsx/apply";
import type { ApplyReport } from "../engine/write/types";
import { WorkbookEmptyError, WorkbookEncryptedError, WorkbookUnreadableError } from "../hosts/xlsx/errors";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { toJsonReport, toTextReport } from "./report";
import { readingReport, readingText } from "../engine/read/reading-report";

/** Exit codes documented in the README. */
export const EXIT = { ok: 0, errorsFound: 1, unusable: 2 } as const;

/** Where the CLI writes; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Today as ISO date (tests fix it). */
  today(): string;
}

/** Input that cannot be used (exit 2), with the Italian line to print. */
class UnusableInputError extends Error {
  override name = "UnusableInputError";
}

async function readInput(file: string): Promise<Uint8Array> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new UnusableInputError(`File non trovato: ${file}`);
    if (code === "EISDIR") throw new UnusableInputError(`${file} è una cartella, non un file .xlsx.`);
    if (code === "EACCES") throw new UnusableInputError(`Permesso negato nella lettura di ${file}.`);
    throw new UnusableInputError(`Impossibile leggere ${file}: ${(e as Error).message}`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** Loads the workbook once; the same object is analysed and, for `tables`, annotated. */
async function load(file: string, data: Uint8Array) {
  try {
    const workbook = await loadWorkbook(data);
    // SO_Stato included: the engine needs the ownership record to tell its own sheets apart.
    return { workbook, snapshots: workbookSnapshots(workbook) };
  } catch (e) {
    if (e instanceof WorkbookEncryptedError || e instanceof WorkbookUnreadableError || e instanceof WorkbookEmptyError) {
      throw new UnusableInputError(`${path.basename(file)}: ${e.message}`);
    }
    throw e;
  }
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

async function writeOutput(args: CliArgs, bytes: Uint8Array, io: CliIo): Promise<string> {
  const input = args.file as string;
  if (args.inPlace) {
    const parsed = path.parse(input);
    const backup = path.join(parsed.dir, `${parsed.name}.backup-${timestamp()}${parsed.ext}`);
    await fs.copyFile(input, backup);
    io.stdout(`Copia di sicurezza: ${backup}`);
    await fs.writeFile(input, bytes);
    return input;
  }
  const output = args.output as string;
  if (path.resolve(output) === path.resolve(input)) {
    throw new UsageError(`Il file di uscita coincide con quello di partenza: usare --in-place (che fa prima una copia di sicurezza) o un altro nome.`);
  }
  await fs.writeFile(output, bytes);
  return output;
}

/** The host's own messages (sheet names taken, protected sheets …), one Italian line each. */
function printMessages(report: ApplyReport, io: CliIo): void {
  for (const m of report.messages) io.stderr(`Avviso: ${m.message}`);
}

/** Runs `schede …`; returns the exit code. Never throws for user input problems. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${USAGE}`);
      return EXIT.unusable;
    }
    throw e;
  }
  if (args.command === "help") {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  if (args.command === "version") {
    io.stdout("schede 0.1.0");
    return EXIT.ok;
  }
  const file = args.file as string;
  try {
    const data = await readInput(file);
    if (args.command === "clear") {
      const { workbook } = await load(file, data);
      const report = clearAddinContent(workbook);
      printMessages(report, io);
      const out = await writeOutput(args, await saveWorkbook(workbook), io);
      io.stdout(`Tolto tutto ciò che Schede Obiettivo aveva aggiunto. File scritto: ${out}`);
      return EXIT.ok;
    }
    const { workbook, snapshots } = await load(file, data);
    const analysis = analyse(snapshots, { asOf: args.asOf ?? io.today(), review: args.review });
    if (allObjectives(analysis.plan).length === 0) {
      throw new UnusableInputError(`${path.basename(file)}: nessuna scheda obiettivo trovata (cercate le intestazioni "Obiettivo: Descrizione Sintetica", "N° | Descrizione Obiettivi | Peso %" o "DEFINIZIONE OBIETTIVO").`);
    }
    const errors = analysis.findings.filter((f) => f.severity === "error").length;
    if (args.command === "check") {
      const text = args.json ? JSON.stringify(toJsonReport(analysis, args.review), null, 2) : toTextReport(analysis, path.basename(file), args.review);
      io.stdout(args.explain && !args.json ? `${text}\n\n${readingText(readingReport(analysis.plan))}` : text);
      return errors > 0 ? EXIT.errorsFound : EXIT.ok;
    }
    const report = applyWritePlanToWorkbook(workbook, analysis.writePlan);
    printMessages(report, io);
    const out = await writeOutput(args, await saveWorkbook(workbook), io);
    const s = analysis.writePlan.stats;
    io.stdout(`Copia annotata scritta: ${out} — ${s.tables} tabelle, ${s.formulas} formule, ${s.flags} celle segnalate, ${errors} errori.`);
    return errors > 0 ? EXIT.errorsFound : EXIT.ok;
  } catch (e) {
    if (e instanceof UnusableInputError || e instanceof UsageError) {
      io.stderr(e.message);
      return EXIT.unusable;
    }
    io.stderr(`Errore imprevisto: ${(e as Error).message}. Segnalare il problema allegando il file.`);
    return EXIT.unusable;
  }
}
