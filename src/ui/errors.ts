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

/** The Italian text to show for a failure. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (USER_FACING.has(error.name) || USER_FACING.has(error.constructor.name)) return error.message;
    return strings.errors.unexpected(error.message || error.name);
  }
  return strings.errors.unexpected(String(error));
}
