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
 * (nearly always): the file then goes to ExcelJS as it is.
 */
import JSZip from "jszip";

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
