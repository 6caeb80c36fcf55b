import type { ReviewKind } from "../engine";

/** A command line the user got wrong; the message is Italian and ends up on stderr (exit 2). */
export class UsageError extends Error {
  override name = "UsageError";
}

export interface CliArgs {
  command: "check" | "tables" | "clear" | "help" | "version";
  file: string | null;
  output: string | null;
  inPlace: boolean;
  asOf: string | null;
  review: ReviewKind | null;
  json: boolean;
  /** check: add the reading report (where each block was read, how sources were joined). */
  explain: boolean;
}

export const USAGE = `Uso:
  schede check <file.xlsx> [--as-of AAAA-MM-GG] [--review interim|final] [--json] [--explain]
  schede tables <file.xlsx> -o <uscita.xlsx> [--as-of AAAA-MM-GG] [--review interim|final] [--in-place]
  schede clear <file.xlsx> -o <uscita.xlsx> [--in-place]

  check   verifica la cartella: pesi, indicatori, cronoprogramma, medie e punteggi
          (--explain: come è stata letta, cella per cella: tabelle dei pesi, schede, fasi)
  tables  scrive una copia annotata: tabelle strutturate, segnalazioni sulle celle, formule dei punteggi
  clear   toglie dalla copia tutto ciò che il componente aggiuntivo aveva aggiunto

Codici di uscita: 0 nessun errore; 1 errori trovati; 2 file o comando non utilizzabile.`;

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** Parses `schede <command> …`; throws UsageError with an Italian message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { command: "help", file: null, output: null, inPlace: false, asOf: null, review: null, json: false, explain: false };
  const [command, ...rest] = argv;
  if (command === undefined || command === "help" || command === "--help" || command === "-h") return args;
  if (command === "--version" || command === "-v") return { ...args, command: "version" };
  if (command !== "check" && command !== "tables" && command !== "clear") {
    throw new UsageError(`Comando sconosciuto "${command}". I comandi sono: check, tables, clear.`);
  }
  args.command = command;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const next = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`Manca il valore dopo ${a}.`);
      return v;
    };
    if (a === "-o" || a === "--output") args.output = next();
    else if (a === "--in-place") args.inPlace = true;
    else if (a === "--json") args.json = true;
    else if (a === "--explain") args.explain = true;
    else if (a === "--as-of") {
      const v = next();
      if (!isIsoDate(v)) throw new UsageError(`Data non valida per --as-of: "${v}". Usare il formato AAAA-MM-GG, per esempio 2024-09-30.`);
      args.asOf = v;
    } else if (a === "--review") {
      const v = next();
      if (v !== "interim" && v !== "final") throw new UsageError(`Valore non valido per --review: "${v}". Usare interim (verifica intermedia) o final (verifica finale).`);
      args.review = v;
    } else if (a.startsWith("-")) throw new UsageError(`Opzione sconosciuta "${a}".`);
    else if (args.file === null) args.file = a;
    else throw new UsageError(`Un solo file alla volta: "${a}" in più.`);
  }
  if (args.file === null) throw new UsageError(`Indicare il file .xlsx da leggere.`);
  if (args.command !== "check") {
    if (args.explain) throw new UsageError(`--explain vale solo per check.`);
    if (args.output === null && !args.inPlace) throw new UsageError(`Indicare il file di uscita con -o <uscita.xlsx>, oppure --in-place (scrive prima una copia di sicurezza).`);
    if (args.output !== null && args.inPlace) throw new UsageError(`Usare -o oppure --in-place, non entrambi.`);
  } else if (args.output !== null || args.inPlace) {
    throw new UsageError(`check non scrive file: togliere -o / --in-place (usare "schede tables").`);
  }
  return args;
}
