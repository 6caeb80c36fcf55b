/**
 * Why an .xlsx file could not be turned into snapshots. One class per condition so that callers
 * (the CLI maps all of them to exit code 2, the standalone page shows the message) can tell them
 * apart with `instanceof`; the messages are Italian because they reach the user as they are.
 */

/** What went wrong, for callers that prefer a switch over `instanceof`. */
export type WorkbookReadErrorCode = "unreadable" | "encrypted" | "empty";

/** Common base: every failure to read a workbook file. */
export abstract class WorkbookReadError extends Error {
  abstract readonly code: WorkbookReadErrorCode;
}

/** Not an .xlsx at all, or a damaged / truncated one. */
export class WorkbookUnreadableError extends WorkbookReadError {
  override name = "WorkbookUnreadableError";
  readonly code = "unreadable" as const;

  constructor(
    message = "Il file non è una cartella di lavoro Excel (.xlsx) leggibile: potrebbe essere danneggiato, incompleto o in un altro formato. Aprirlo in Excel e salvarlo di nuovo come .xlsx.",
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * An Excel 97-2003 (.xls) file. It is unreadable for this host too, so it stays a
 * WorkbookUnreadableError for callers that only know the three main classes; the message says
 * what to do.
 */
export class WorkbookLegacyFormatError extends WorkbookUnreadableError {
  override name = "WorkbookLegacyFormatError";

  constructor(options?: ErrorOptions) {
    super(
      "Il file è nel vecchio formato Excel 97-2003 (.xls). Aprirlo in Excel e salvarlo come cartella di lavoro .xlsx.",
      options,
    );
  }
}

/** A password-protected (encrypted) workbook: the content cannot be read without the password. */
export class WorkbookEncryptedError extends WorkbookReadError {
  override name = "WorkbookEncryptedError";
  readonly code = "encrypted" as const;

  constructor(options?: ErrorOptions) {
    super(
      "La cartella di lavoro è protetta da password. Aprirla in Excel, togliere la password (File › Informazioni › Proteggi cartella di lavoro › Crittografa con password) e salvarla di nuovo.",
      options,
    );
  }
}

/** A readable workbook in which no sheet holds a single value. */
export class WorkbookEmptyError extends WorkbookReadError {
  override name = "WorkbookEmptyError";
  readonly code = "empty" as const;

  constructor(options?: ErrorOptions) {
    super("La cartella di lavoro è vuota: nessun foglio contiene dati.", options);
  }
}

/**
 * The workbook must not be written (a user's visible SO_Stato, a damaged record): the apply
 * changed nothing, and no copy is offered. Named "UserFacingError" so that the task pane shows
 * the Italian message as it is (the UI recognises user-facing errors by name).
 */
export class WorkbookNotWrittenError extends Error {
  override name = "UserFacingError";
}

/**
 * A file too big to be read safely: a part of the zip that would inflate past the stated limits
 * (a "zip bomb", or a workbook far beyond any plan), or a sheet whose data itself spans more cells
 * than a snapshot holds. Refused before anything is inflated or allocated. A
 * WorkbookUnreadableError for callers that only know the three main classes (the CLI: exit 2).
 */
export class WorkbookTooLargeError extends WorkbookUnreadableError {
  override name = "WorkbookTooLargeError";

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
