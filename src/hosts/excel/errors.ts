/**
 * Failures of the Excel host that the user can act on. Their messages are Italian and reach the
 * task pane as they are: the UI recognises them by the name "UserFacingError" (it cannot import
 * host classes). One class per condition so that callers and tests can tell them apart.
 */
import { hostMessageText } from "../../engine";

/** Base class: an Italian message meant for the user. */
export abstract class ExcelHostError extends Error {
  override name = "UserFacingError";
}

/** A single row of a sheet is too large for one request, even alone. */
export class RowTooLargeError extends ExcelHostError {
  constructor(readonly sheet: string, readonly row: number) {
    super(
      `La riga ${row + 1} del foglio «${sheet}» contiene troppi dati per essere letta da Excel in una sola volta. Accorciare i testi molto lunghi di quella riga e riprovare.`,
    );
  }
}

/** The sheet to show no longer exists (renamed or deleted since the last check). */
export class SheetNotFoundError extends ExcelHostError {
  constructor(readonly sheet: string) {
    super(`Il foglio «${sheet}» non esiste più: è stato rinominato o eliminato. Ripetere il controllo.`);
  }
}

/**
 * The workbook's structure is protected (Revisione › Proteggi cartella di lavoro): Excel refuses
 * to add, delete, move or hide sheets, so a write would stop midway. Detected before writing;
 * nothing is written.
 */
export class WorkbookProtectedError extends ExcelHostError {
  constructor(readonly action: "write" | "insert") {
    super(
      action === "insert"
        ? "La struttura della cartella è protetta: non si può aggiungere il foglio della nuova scheda. Togliere la protezione (Revisione › Proteggi cartella di lavoro) e riprovare."
        : hostMessageText("workbook-protected", {}),
    );
  }
}

/**
 * A sheet's used range past MAX_SHEET_CELLS that no handful of far areas explains: the data
 * itself spans millions of cells (a used range inflated by a few stray cells is read over the
 * data's rectangle instead, the stray cells named in the snapshot's `outside`). Reading it would
 * mean thousands of requests.
 */
export class InflatedSheetError extends ExcelHostError {
  constructor(
    readonly sheet: string,
    readonly usedAddress: string,
    readonly strayAddresses: readonly string[],
  ) {
    super(
      strayAddresses.length > 0
        ? `Il foglio «${sheet}» ha un'area usata enorme (${usedAddress}) per colpa di poche celle lontane dai dati: ${strayAddresses.join(", ")}. Cancellare quelle celle (o spostarle vicino ai dati) e ripetere il controllo.`
        : `Il foglio «${sheet}» ha un'area usata troppo grande (${usedAddress}) per essere letta. Cancellare le celle lontane dai dati (Ctrl+Fine mostra l'ultima) e ripetere il controllo.`,
    );
  }
}
