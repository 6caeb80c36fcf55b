/**
 * Every sheet a workbook lists, whatever its part is called. ExcelJS reads a worksheet only when
 * its part is named `xl/worksheets/sheetN.xml`; other writers name parts as they like (the
 * package format only asks that `workbook.xml` reach each sheet through its relationship), and
 * ExcelJS then drops those sheets without a word. Before ExcelJS sees the file, such parts are
 * renamed to the names it expects (their relationships and content types with them); a sheet
 * that cannot be read (its relationship or its part is missing, or it is a chart sheet, which
 * has no cells) is returned by name so that the user is told.
 *
 * Only the central directory and two small parts are read when every part has the usual name
 * (nearly always): the file then goes to ExcelJS as it is. The central directory also gives each
 * part's size once inflated: a part past MAX_PART_BYTES (or all past MAX_TOTAL_BYTES) is refused
 * before anything is inflated (`checkPartSizes`).
 */
import JSZip from "jszip";
import { WorkbookTooLargeError } from "./errors";

/**
 * Largest uncompressed size of one part of the package, and of all parts together. A plan of
 * 1,000 cards is a few MB per part; ExcelJS needs about five times a part's size in memory, so a
 * 400 MB shared-strings part (a few hundred KB compressed) would cost 2 GB. Checked against the
 * sizes the zip's central directory declares, before anything is inflated.
 */
export const MAX_PART_BYTES = 100_000_000;
export const MAX_TOTAL_BYTES = 250_000_000;

const megabytes = (n: number): string => `${Math.round(n / 1_000_000).toLocaleString("it-IT")} MB`;

/** The size a zip entry declares once inflated (JSZip keeps it from the central directory). */
function declaredSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === "number" && Number.isFinite(size) ? size : 0;
}

/**
 * Refuses a package whose parts would inflate past MAX_PART_BYTES each or MAX_TOTAL_BYTES in all.
 *
 * @throws WorkbookTooLargeError naming the part.
 */
export function checkPartSizes(zip: JSZip, limits: { part: number; total: number } = { part: MAX_PART_BYTES, total: MAX_TOTAL_BYTES }): void {
  let total = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const size = declaredSize(file);
    if (size > limits.part) {
      throw new WorkbookTooLargeError(
        `Il file contiene una parte troppo grande per essere letta: «${name}» occupa ${megabytes(size)} una volta decompressa (il limite è ${megabytes(limits.part)} per parte). Un piano di obiettivi non arriva a tanto: il file è danneggiato o contiene dati estranei. Aprirlo in Excel, togliere i fogli o i dati che non servono e salvarlo di nuovo.`,
      );
    }
    total += size;
  }
  if (total > limits.total) {
    throw new WorkbookTooLargeError(
      `Il file è troppo grande per essere letto: decompresso occupa ${megabytes(total)} (il limite è ${megabytes(limits.total)}). Aprirlo in Excel, togliere i fogli o i dati che non servono e salvarlo di nuovo.`,
    );
  }
}

/** JSZip's own inflating stream (in JSZip, missing from its typings). */
interface InflateStream {
  on(event: "data", listener: (chunk: Uint8Array) => void): InflateStream;
  on(event: "error", listener: (error: Error) => void): InflateStream;
  on(event: "end", listener: () => void): InflateStream;
  pause(): InflateStream;
  resume(): InflateStream;
}
interface Streamable {
  internalStream(type: "uint8array"): InflateStream;
}

/** Deflate cannot expand data by more than about 1,032 to 1: a part smaller than this once compressed cannot pass the limit. */
const MAX_DEFLATE_RATIO = 1_100;

/** The compressed size of a zip entry (JSZip keeps it from the central directory). */
function compressedSize(file: JSZip.JSZipObject): number {
  const size = (file as unknown as { _data?: { compressedSize?: unknown } })._data?.compressedSize;
  return typeof size === "number" && Number.isFinite(size) ? size : Infinity;
}

/**
 * The sizes the zip declares can lie (a part that says 1 KB and inflates to 400 MB): every part
 * whose compressed size could inflate past the limit is inflated once here, counting the bytes,
 * and dropped as soon as it passes the limit — never held in memory whole. Real plans' parts are
 * far below that compressed size, so this costs nothing on them.
 *
 * @throws WorkbookTooLargeError naming the part.
 */
export async function checkInflatedSizes(zip: JSZip, limit = MAX_PART_BYTES): Promise<void> {
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir || compressedSize(file) * MAX_DEFLATE_RATIO <= limit) continue;
    await new Promise<void>((resolve, reject) => {
      let inflated = 0;
      const stream = (file as unknown as Streamable).internalStream("uint8array");
      stream
        .on("data", (chunk: Uint8Array) => {
          inflated += chunk.length;
          if (inflated <= limit) return;
          stream.pause();
          reject(
            new WorkbookTooLargeError(
              `Il file contiene una parte troppo grande per essere letta: «${name}» supera ${megabytes(limit)} una volta decompressa, anche se il file dichiara meno. Il file è danneggiato o contiene dati estranei: aprirlo in Excel, togliere i fogli o i dati che non servono e salvarlo di nuovo.`,
            ),
          );
        })
        .on("error", (error: Error) => reject(error))
        .on("end", () => resolve())
        .resume();
    });
  }
}

export interface SheetParts {
  /** The bytes for ExcelJS (the input itself when nothing had to be renamed). */
  bytes: Uint8Array;
  /** Names of the sheets listed in workbook.xml that cannot be read. */
  unreadable: string[];
}

const WORKSHEET_TYPE = /\/worksheet$/;
const CANONICAL = /^xl\/worksheets\/sheet(\d+)\.xml$/;

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? (m[2] ?? m[3] ?? "") : null;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === "lt") return "<";
    if (l === "gt") return ">";
    if (l === "quot") return '"';
    if (l === "apos") return "'";
    if (l === "amp") return "&";
    return String.fromCodePoint(l.startsWith("#x") ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10));
  });
}

/** A relationship target of xl/workbook.xml as a path inside the package. */
function resolveTarget(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export async function normaliseSheetParts(bytes: Uint8Array): Promise<SheetParts> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { bytes, unreadable: [] }; // ExcelJS says why, with the reader's message
  }
  // Before a single part is inflated (here or by ExcelJS, which inflates them all).
  checkPartSizes(zip);
  await checkInflatedSizes(zip);
  const workbook = zip.file("xl/workbook.xml");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  if (!workbook || !relsFile) return { bytes, unreadable: [] };
  const workbookXml = await workbook.async("string");
  let relsXml = await relsFile.async("string");
  const rels = new Map<string, { tag: string; target: string; type: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    if (id !== null) rels.set(id, { tag: m[0], target: decodeXml(attr(m[0], "Target") ?? ""), type: attr(m[0], "Type") ?? "" });
  }
  const unreadable: string[] = [];
  const renames: Array<{ from: string; relTag: string }> = [];
  const sheets = workbookXml.match(/<(?:\w+:)?sheets\b[\s\S]*?<\/(?:\w+:)?sheets>/)?.[0] ?? "";
  for (const m of sheets.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(attr(m[0], "name") ?? "");
    const rid = attr(m[0], "(?:\\w+:)?id");
    const rel = rid === null ? undefined : rels.get(rid);
    if (!rel || !WORKSHEET_TYPE.test(rel.type)) {
      unreadable.push(name);
      continue;
    }
    const part = resolveTarget(rel.target);
    if (!zip.file(part)) {
      unreadable.push(name);
      continue;
    }
    if (!CANONICAL.test(part)) renames.push({ from: part, relTag: rel.tag });
  }
  if (renames.length === 0) return { bytes, unreadable };

  let next = 1;
  for (const f of Object.keys(zip.files)) {
    const n = CANONICAL.exec(f);
    if (n) next = Math.max(next, Number(n[1]) + 1);
  }
  const typesFile = zip.file("[Content_Types].xml");
  let typesXml = typesFile ? await typesFile.async("string") : null;
  for (const { from, relTag } of renames) {
    const to = `xl/worksheets/sheet${next++}.xml`;
    zip.file(to, await (zip.file(from) as JSZip.JSZipObject).async("uint8array"));
    zip.remove(from);
    const slash = from.lastIndexOf("/");
    const fromRels = `${from.slice(0, slash)}/_rels/${from.slice(slash + 1)}.rels`;
    const ownRels = zip.file(fromRels);
    if (ownRels) {
      zip.file(`xl/worksheets/_rels/${to.slice("xl/worksheets/".length)}.rels`, await ownRels.async("uint8array"));
      zip.remove(fromRels);
    }
    relsXml = relsXml.replace(relTag, relTag.replace(/(\sTarget\s*=\s*)("[^"]*"|'[^']*')/, `$1"/${to}"`));
    if (typesXml !== null) typesXml = typesXml.split(`"/${from}"`).join(`"/${to}"`);
  }
  zip.file("xl/_rels/workbook.xml.rels", relsXml);
  if (typesXml !== null) zip.file("[Content_Types].xml", typesXml);
  return { bytes: await zip.generateAsync({ type: "uint8array", compression: "STORE" }), unreadable };
}

/**
 * The `<v>` text of some cells, by sheet name and address, read from the package's sheet parts
 * (found through workbook.xml and its relationships). For the rare cells whose number ExcelJS
 * cannot keep (see read.ts restoreHugeSerials); the parts of other sheets are not inflated.
 */
export async function cellTexts(bytes: Uint8Array, wanted: ReadonlyMap<string, ReadonlySet<string>>): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  const zip = await JSZip.loadAsync(bytes);
  const workbook = zip.file("xl/workbook.xml");
  const relsFile = zip.file("xl/_rels/workbook.xml.rels");
  if (!workbook || !relsFile) return out;
  const workbookXml = await workbook.async("string");
  const relsXml = await relsFile.async("string");
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    if (id !== null) targets.set(id, resolveTarget(decodeXml(attr(m[0], "Target") ?? "")));
  }
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(attr(m[0], "name") ?? "");
    const addresses = wanted.get(name);
    const rid = attr(m[0], "(?:\\w+:)?id");
    const part = rid === null ? undefined : targets.get(rid);
    const file = part === undefined ? null : zip.file(part);
    if (!addresses || !file) continue;
    const xml = await file.async("string");
    const found = new Map<string, string>();
    for (const c of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g)) {
      const r = attr(c[0].slice(0, c[0].indexOf(">") + 1), "r");
      if (r === null || !addresses.has(r)) continue;
      const v = /<(?:\w+:)?v>([^<]*)<\/(?:\w+:)?v>/.exec(c[2] ?? "");
      if (v) found.set(r, decodeXml(v[1] as string));
    }
    out.set(name, found);
  }
  return out;
}
