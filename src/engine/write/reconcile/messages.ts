/**
 * The catalogue of what a host says about a write: code + data → Italian text, in one place,
 * so that Excel, the file host and the CLI say the same thing. Hosts and the UI emit codes;
 * tests assert codes and data, as the rule tests do.
 */
import { STATE_SHEET, type ApplyReport, type WriteMessage } from "../types";

/** The data each message carries (the figures of its text). */
export interface HostMessageData {
  "state-sheet-taken": Record<string, never>;
  "state-unreadable": { cleared: boolean };
  "workbook-protected": Record<string, never>;
  "sheet-no-longer-owned": { sheet: string };
  "flag-not-found": { sheet: string };
  "flag-skipped-protected": { sheet: string };
  "flag-skipped-missing-sheet": { sheet: string };
  "added-cell-kept": { sheet: string; range: string };
  "added-cell-skipped": { sheet: string; range: string; reason: "protected" | "missing-sheet" | "not-empty" | "merged"; header?: string };
  "sheet-name-taken": { sheet: string };
  "table-name-taken": { sheet: string; wanted: string; used: string };
  "overrides-removed": { sheet: string };
  /** `cells`: the first addresses ("B5, C7, …"); `regenerated`: false when the sheet goes without a new one. */
  "generated-sheet-edited": { sheet: string; cells: string; count: number; regenerated: boolean };
}

export type HostMessageCode = keyof HostMessageData;

type Texts = { [C in HostMessageCode]: (d: HostMessageData[C]) => string };

/** Said when the record is damaged: the workbook is left exactly as it is. */
const UNREADABLE_STATE_MESSAGE =
  "Il registro di Schede Obiettivo (foglio nascosto SO_Stato) è danneggiato o è stato modificato: il componente non sa più quali fogli e colori sono suoi e non ha modificato la cartella. Usare «Togli» (schede clear) per eliminare il registro, togliere a mano i colori e i fogli rimasti della volta precedente, e ripetere.";

/** Said by `clear` when the record is damaged: only the record went. */
const UNREADABLE_STATE_CLEARED =
  "Il registro di Schede Obiettivo (foglio nascosto SO_Stato) era danneggiato ed è stato eliminato; nient'altro è stato toccato: i colori e i fogli rimasti della volta precedente vanno tolti a mano.";

const TEXTS: Texts = {
  "state-sheet-taken": () =>
    `La cartella ha già un foglio «${STATE_SHEET}» che non è del componente: il componente usa questo nome per il suo registro. Rinominare quel foglio e ripetere; la cartella non è stata modificata.`,
  "state-unreadable": (d) => (d.cleared ? UNREADABLE_STATE_CLEARED : UNREADABLE_STATE_MESSAGE),
  "workbook-protected": () =>
    "La struttura della cartella è protetta: Schede Obiettivo non può aggiungere o togliere i suoi fogli (Verifica, SO_Stato). Non è stato scritto nulla. Togliere la protezione (Revisione › Proteggi cartella di lavoro) e riprovare.",
  "sheet-no-longer-owned": (d) =>
    `Il foglio «${d.sheet}» non è più quello generato dal componente (è stato sostituito, rinominato o ne è stata tolta la tabella): viene lasciato com'è.`,
  "flag-not-found": (d) =>
    `Alcune celle segnalate dal componente nel foglio «${d.sheet}» non sono più dove erano e non sono state ritrovate (righe o colonne inserite?): i loro colori restano come sono e vanno tolti a mano.`,
  "flag-skipped-protected": (d) =>
    `Il foglio «${d.sheet}» è protetto: le celle con problemi non sono state colorate né annotate. L'elenco completo è nel foglio Verifica.`,
  "flag-skipped-missing-sheet": (d) => `Il foglio «${d.sheet}» non esiste più: i suoi problemi sono solo nel foglio Verifica.`,
  "added-cell-kept": (d) => `La cella ${d.range} del foglio «${d.sheet}», aggiunta dal componente, è stata modificata dall'utente e viene lasciata com'è.`,
  "added-cell-skipped": (d) => {
    switch (d.reason) {
      case "protected":
        return `Il foglio «${d.sheet}» è protetto: la colonna «${d.header ?? ""}» (cella ${d.range}) non è stata aggiunta.`;
      case "missing-sheet":
        return `Il foglio «${d.sheet}» non esiste più: la cella ${d.range} non è stata aggiunta.`;
      case "merged":
        return `La cella ${d.range} del foglio «${d.sheet}» fa parte di celle unite: la colonna non è stata aggiunta.`;
      case "not-empty":
        return `La cella ${d.range} del foglio «${d.sheet}» non è vuota: la colonna non è stata aggiunta.`;
    }
  },
  "sheet-name-taken": (d) =>
    `Il foglio «${d.sheet}» esiste già ed è dell'utente: le tabelle di questo foglio non sono state scritte. Ripetere l'analisi sulla cartella attuale.`,
  "table-name-taken": (d) => `Nella cartella c'è già una tabella «${d.wanted}» dell'utente: la tabella del componente si chiama «${d.used}».`,
  "overrides-removed": (d) =>
    `Il foglio «${d.sheet}» conteneva valutazioni del Nucleo: sono state rimosse con il foglio. Una copia di sicurezza le conserva.`,
  "generated-sheet-edited": (d) =>
    `Il foglio «${d.sheet}» è generato da Schede Obiettivo ma è stato modificato a mano: ${d.count === 1 ? "1 cella" : `${d.count} celle`} (${d.cells}). ` +
    `${d.regenerated ? "Il foglio viene rigenerato dalle schede" : "Il foglio viene tolto"} e ${d.count === 1 ? "quanto scritto lì non viene riportato" : "quanto scritto in quelle celle non viene riportato"}. ` +
    "La versione precedente resta solo in una copia della cartella: la copia di sicurezza di «schede --in-place», il file di partenza se è stata scritta o scaricata una copia annotata; in Excel, una copia salvata prima o la cronologia delle versioni del file. " +
    "Le correzioni vanno fatte sulle schede (il componente le rilegge); le note, nella colonna «Note dell'utente» del foglio Verifica.",
};

const SEVERITY: { [C in HostMessageCode]: (d: HostMessageData[C]) => WriteMessage["severity"] } = {
  "state-sheet-taken": () => "error",
  "state-unreadable": (d) => (d.cleared ? "warning" : "error"),
  "workbook-protected": () => "error",
  "sheet-no-longer-owned": () => "info",
  "flag-not-found": () => "warning",
  "flag-skipped-protected": () => "warning",
  "flag-skipped-missing-sheet": () => "warning",
  "added-cell-kept": () => "info",
  "added-cell-skipped": (d) => (d.reason === "protected" || d.reason === "missing-sheet" ? "warning" : "info"),
  "sheet-name-taken": () => "error",
  "table-name-taken": () => "info",
  "overrides-removed": () => "warning",
  "generated-sheet-edited": () => "warning",
};

/** The Italian text of a message. */
export function hostMessageText<C extends HostMessageCode>(code: C, data: HostMessageData[C]): string {
  return TEXTS[code](data);
}

/** A host message: code, severity, Italian text, the sheet and cell it is about, and its data. */
export function hostMessage<C extends HostMessageCode>(code: C, data: HostMessageData[C]): WriteMessage {
  const d = data as { sheet?: string; range?: string };
  const sheet = d.sheet ?? (code === "state-sheet-taken" || code === "state-unreadable" ? STATE_SHEET : undefined);
  return {
    code,
    severity: SEVERITY[code](data),
    message: hostMessageText(code, data),
    ...(sheet !== undefined ? { sheet } : {}),
    ...(d.range !== undefined ? { range: d.range } : {}),
    data: { ...data } as Record<string, string | number | boolean>,
  };
}

/**
 * The message of a report that says nothing was written at all (a user's SO_Stato, a damaged
 * record, a protected workbook structure), or null. The CLI exits with an error on it and the
 * standalone page offers no copy, as if it were annotated.
 */
export function writeRefusal(report: ApplyReport): WriteMessage | null {
  return report.messages.find((m) => (m.code === "state-sheet-taken" || m.code === "state-unreadable" || m.code === "workbook-protected") && m.severity === "error") ?? null;
}
