import { describeError } from "../errors";
import { strings } from "../strings";

/**
 * Why a file could not be opened, said about that file. The xlsx reader knows only that the bytes
 * are not a readable .xlsx; the page still has the file, so it looks at its first bytes to tell a
 * LibreOffice .ods, an empty file or a renamed text file apart and say what to do with each.
 */
export class FileOpenError extends Error {
  override name = "FileOpenError";
}

/** The part of a File this needs (a Blob with a name), so tests can pass a plain Blob. */
export interface NamedBlob {
  name: string;
  size: number;
  slice(start?: number, end?: number): Blob;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Excel 97-2003 and encrypted workbooks are OLE compound files; the reader names those itself. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
/** An OpenDocument package starts with an uncompressed "mimetype" entry: its text is in the first bytes. */
const ODF_MIME = "application/vnd.oasis.opendocument.";
const HEAD_BYTES = 128;

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

async function headOf(file: NamedBlob): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer());
  } catch {
    return new Uint8Array();
  }
}

/** The Italian message for a failure to open `file`, naming it and saying what to do. */
export async function describeOpenFailure(file: NamedBlob, error: unknown): Promise<string> {
  if (file.size === 0) return strings.openFailure.emptyFile(file.name);
  const head = await headOf(file);
  // Byte for byte (latin1): only ASCII names are looked for.
  const text = String.fromCharCode(...head);
  const odf = startsWith(head, ZIP) ? text.indexOf(ODF_MIME) : -1;
  if (odf >= 0) {
    return text.startsWith("spreadsheet", odf + ODF_MIME.length) ? strings.openFailure.ods(file.name) : strings.openFailure.otherOpenDocument(file.name);
  }
  if (/\.ods$/i.test(file.name)) return strings.openFailure.ods(file.name);
  const unreadable = error instanceof Error && error.name === "WorkbookUnreadableError";
  if (unreadable && head.length > 0 && !startsWith(head, ZIP) && !startsWith(head, OLE)) return strings.openFailure.notXlsx(file.name);
  return strings.openFailure.about(file.name, describeError(error));
}
