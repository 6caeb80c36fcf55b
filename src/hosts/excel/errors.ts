/**
 * Failures of the Excel host that the user can act on. Their messages are Italian and reach the
 * task pane as they are: the UI recognises them by the name "UserFacingError" (it cannot import
 * host classes). One class per condition so that callers and tests can tell them apart.
 */

/** Base class: an Italian message meant for the user. */
export abstract class ExcelHostError extends Error {
  override name = "UserFacingError";
}

/** A sheet the add-in must create already exists and is not the add-in's. */
export class SheetNameConflictError extends ExcelHostError {
  constructor(readonly sheet: string) {
    super(
      `Il foglio «${sheet}» esiste già e non è stato creato da Schede Obiettivo, che non lo sovrascrive. Rinominarlo (clic destro sulla linguetta › Rinomina) e riprovare.`,
    );
  }
}

/** A table name the add-in needs is taken by a table that is not the add-in's. */
export class TableNameConflictError extends ExcelHostError {
  constructor(readonly table: string) {
    super(
      `Nella cartella esiste già una tabella di nome «${table}» che non è stata creata da Schede Obiettivo. Rinominarla (Struttura tabella › Nome tabella) e riprovare.`,
    );
  }
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

/** A sheet called like the add-in's state sheet exists and is the user's (it is not very hidden). */
export class StateSheetTakenError extends ExcelHostError {
  constructor() {
    super(
      "La cartella contiene un foglio di nome «SO_Stato» che non è quello di Schede Obiettivo: il componente non può registrare ciò che scrive. Rinominare quel foglio e riprovare.",
    );
  }
}
