import { strings } from "./strings";

/**
 * Errors whose message is already Italian and meant for the user (the xlsx reader's
 * WorkbookUnreadableError / WorkbookEncryptedError / WorkbookEmptyError, the hosts' own).
 * The UI cannot import the hosts' classes, so it recognises them by name.
 */
const USER_FACING = new Set([
  "WorkbookUnreadableError",
  "WorkbookEncryptedError",
  "WorkbookEmptyError",
  "WorkbookLegacyFormatError",
  "WorkbookTooLargeError",
  "NotXlsxError",
  "UserFacingError",
  "FileOpenError",
]);

const isUserFacing = (error: Error): boolean => USER_FACING.has(error.name) || USER_FACING.has(error.constructor.name);

/** The Italian text to show for a failure. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (isUserFacing(error)) return error.message;
    return strings.errors.unexpected(error.message || error.name);
  }
  return strings.errors.unexpected(String(error));
}

/**
 * What went wrong, to follow a sentence that says what did not happen ("La scheda non segue la
 * cella selezionata: …"): the error's own text (already Italian for the hosts' user-facing errors),
 * without a trailing full stop, since the sentence goes on.
 */
export function errorDetail(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.trim().replace(/\.+$/, "");
}
