import { promises as fs } from "node:fs";
import path from "node:path";
import { allObjectives, analyse, readingReport, readingText, writeRefusal, type ApplyReport } from "../engine";
import { openXlsxHost, WorkbookEmptyError, WorkbookEncryptedError, WorkbookUnreadableError } from "../hosts/xlsx";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { toJsonReport, toTextReport } from "./report";

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
    if (code === "EACCES" || code === "EPERM") throw new UnusableInputError(`Permesso negato nella lettura di ${file}: controllare i permessi del file o chiuderlo se è aperto in un altro programma.`);
    if (code === "EBUSY") throw new UnusableInputError(`Il file ${file} è in uso da un altro programma. Chiuderlo e ripetere.`);
    throw new UnusableInputError(`Impossibile leggere ${file} (errore di sistema ${code ?? "sconosciuto"}). Controllare il file e ripetere.`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * Opens the workbook once as a WorkbookHost (the port the task pane uses too); the same host is
 * analysed and, for `tables` and `clear`, written and saved back to bytes.
 */
async function load(file: string, data: Uint8Array) {
  try {
    const host = await openXlsxHost(data);
    // SO_Stato included: the engine needs the ownership record to tell its own sheets apart.
    return { host, snapshots: await host.readSnapshots(), unread: host.unreadSheetsMessage() };
  } catch (e) {
    if (e instanceof WorkbookEncryptedError || e instanceof WorkbookUnreadableError || e instanceof WorkbookEmptyError) {
      throw new UnusableInputError(`${path.basename(file)}: ${e.message}`);
    }
    throw e;
  }
}

/** Local time to the millisecond, for backup names: 20240930-142501-123. */
function timestamp(): string {
  const d = new Date();
  const two = (n: number, w = 2): string => String(n).padStart(w, "0");
  return `${d.getFullYear()}${two(d.getMonth() + 1)}${two(d.getDate())}-${two(d.getHours())}${two(d.getMinutes())}${two(d.getSeconds())}-${two(d.getMilliseconds(), 3)}`;
}

/** A write that failed, with the Italian line to print (exit 2). */
class WriteFailedError extends UnusableInputError {
  override name = "WriteFailedError";
}

/** What an I/O error means for the user, in Italian, with what to do. */
export function ioProblem(e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOSPC":
    case "EDQUOT":
      return `Spazio su disco esaurito durante la scrittura di ${what}. Liberare spazio (o scegliere un'altra cartella con -o) e ripetere.`;
    case "EACCES":
    case "EPERM":
      return `Permesso negato nella scrittura di ${what}: la cartella o il file è protetto, o il file è aperto in un altro programma. Chiudere il file o scegliere un'altra cartella con -o e ripetere.`;
    case "EROFS":
      return `La cartella di ${what} è in sola lettura. Scegliere un'altra cartella con -o e ripetere.`;
    case "ENOENT":
    case "ENOTDIR":
      return `La cartella di ${what} non esiste. Crearla o indicarne un'altra con -o e ripetere.`;
    case "EISDIR":
      return `${what} è una cartella, non un file: indicare il nome di un file .xlsx.`;
    case "EBUSY":
    case "ETXTBSY":
      return `Il file ${what} è in uso da un altro programma. Chiuderlo e ripetere.`;
    default:
      return `Impossibile scrivere ${what} (errore di sistema ${code ?? "sconosciuto"}). Controllare la cartella e lo spazio su disco e ripetere.`;
  }
}

/**
 * Writes `bytes` to `target` without ever leaving a broken file: into a new temporary file in
 * the same folder, flushed to disk, then renamed over the target (a rename within a folder is
 * atomic). On failure the temporary file goes and the target is as it was.
 */
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const parsed = path.parse(path.resolve(target));
  const temp = path.join(parsed.dir, `.${parsed.base}.${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let handle: Awaited<ReturnType<typeof fs.open>> | null = null;
  try {
    handle = await fs.open(temp, "wx");
    // The new file keeps the permissions of the one it replaces.
    const mode = await fs.stat(target).then((st) => st.mode & 0o7777, () => null);
    if (mode !== null) await handle.chmod(mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = null;
    await fs.rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw e;
  }
}

/**
 * A copy of the input as it was read, under a name no other file has: never overwritten (the
 * file is created exclusively; on a clash the next name is tried), so two runs at once each keep
 * their own backup. Written in full or not at all.
 */
async function writeBackup(input: string, data: Uint8Array): Promise<string> {
  const parsed = path.parse(input);
  const stamp = `${timestamp()}-${process.pid}`;
  for (let i = 1; ; i++) {
    const backup = path.join(parsed.dir, `${parsed.name}.backup-${stamp}${i === 1 ? "" : `-${i}`}${parsed.ext}`);
    let handle: Awaited<ReturnType<typeof fs.open>> | null = null;
    try {
      handle = await fs.open(backup, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST" && i < 1000) continue;
      throw new WriteFailedError(`${ioProblem(e, "la copia di sicurezza")} Il file ${input} non è stato modificato.`);
    }
    try {
      await handle.writeFile(data);
      await handle.sync();
      await handle.close();
      return backup;
    } catch (e) {
      await handle.close().catch(() => undefined);
      await fs.unlink(backup).catch(() => undefined);
      throw new WriteFailedError(`${ioProblem(e, "la copia di sicurezza")} Il file ${input} non è stato modificato.`);
    }
  }
}

async function writeOutput(args: CliArgs, data: Uint8Array, bytes: Uint8Array, io: CliIo): Promise<string> {
  const input = args.file as string;
  if (args.inPlace) {
    const backup = await writeBackup(input, data);
    io.stdout(`Copia di sicurezza: ${backup}`);
    try {
      await writeAtomically(input, bytes);
    } catch (e) {
      throw new WriteFailedError(`${ioProblem(e, input)} Il file ${input} non è stato modificato; la copia di sicurezza è in ${backup}.`);
    }
    return input;
  }
  const output = args.output as string;
  if (path.resolve(output) === path.resolve(input)) {
    throw new UsageError(`Il file di uscita coincide con quello di partenza: usare --in-place (che fa prima una copia di sicurezza) o un altro nome.`);
  }
  try {
    await writeAtomically(output, bytes);
  } catch (e) {
    throw new WriteFailedError(`${ioProblem(e, output)} Nessun file è stato scritto; ${input} non è stato modificato.`);
  }
  return output;
}

/** Messages that mean the host wrote nothing (the record is not the add-in's, or damaged). */
function blocking(report: ApplyReport): boolean {
  return writeRefusal(report) !== null;
}

/** The host's own messages (sheet names taken, protected sheets …), one Italian line each. */
function printMessages(report: ApplyReport, io: CliIo): void {
  for (const m of report.messages) io.stderr(`Avviso: ${m.message}`);
}

/**
 * Text for a terminal: control characters (ESC and the other C0 ones but tab and line feed, DEL,
 * the C1 range) shown as `\x1B`… instead of sent raw, so that text from a cell can never clear
 * the screen, change the window title or fake a line of the report.
 */
export function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** Runs `schede …`; returns the exit code. Never throws for user input problems. */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  const io: CliIo = { ...terminal, stdout: (t) => terminal.stdout(terminalSafe(t)), stderr: (t) => terminal.stderr(terminalSafe(t)) };
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
      const { host, unread } = await load(file, data);
      if (unread) io.stderr(`Avviso: ${unread}`);
      const report = await host.clearAddinContent();
      printMessages(report, io);
      if (blocking(report)) return EXIT.unusable;
      const out = await writeOutput(args, data, await host.saveBytes(), io);
      io.stdout(`Tolto tutto ciò che Schede Obiettivo aveva aggiunto. File scritto: ${out}`);
      return EXIT.ok;
    }
    const { host, snapshots, unread } = await load(file, data);
    if (unread) io.stderr(`Avviso: ${unread}`);
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
    const report = await host.applyWritePlan(analysis.writePlan);
    printMessages(report, io);
    // Nothing was changed: no copy is written, and no line says one was.
    if (blocking(report)) return EXIT.unusable;
    const out = await writeOutput(args, data, await host.saveBytes(), io);
    const s = analysis.writePlan.stats;
    io.stdout(`Copia annotata scritta: ${out} — ${s.tables} tabelle, ${s.formulas} formule, ${s.flags} celle segnalate, ${errors} errori.`);
    return errors > 0 ? EXIT.errorsFound : EXIT.ok;
  } catch (e) {
    if (e instanceof UnusableInputError || e instanceof UsageError) {
      io.stderr(e.message);
      return EXIT.unusable;
    }
    if ((e as NodeJS.ErrnoException | null)?.code !== undefined && typeof (e as NodeJS.ErrnoException).syscall === "string") {
      io.stderr(ioProblem(e, file));
      return EXIT.unusable;
    }
    io.stderr(`Errore imprevisto: ${(e as Error).message}. Segnalare il problema allegando il file.`);
    return EXIT.unusable;
  }
}
