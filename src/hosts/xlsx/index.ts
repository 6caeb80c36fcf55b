/**
 * The xlsx host's public entry: .xlsx bytes ↔ the engine's WorkbookHost port, through ExcelJS.
 *
 * - `openXlsxHost(bytes)`: a WorkbookHost for Node (the CLI) with `saveBytes()` for the result.
 * - `openWorkbookFile(file)` / `FileWorkbookHost`: the same for the standalone page, which loads
 *   ExcelJS lazily. This entry imports ExcelJS statically (through ./host): the page imports it,
 *   or ./file-host, by dynamic import only.
 * - The reader's errors, one class per condition, with Italian messages shown as they are.
 */
export { openXlsxHost, XlsxWorkbookHost } from "./host";
export { FileWorkbookHost, freeSheetName, openWorkbookFile, XLSX_MIME, type OpenedFile } from "./file-host";
export {
  WorkbookEmptyError,
  WorkbookEncryptedError,
  WorkbookLegacyFormatError,
  WorkbookNotWrittenError,
  WorkbookReadError,
  WorkbookUnreadableError,
  type WorkbookReadErrorCode,
} from "./errors";
