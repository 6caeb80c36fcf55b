/**
 * Adversarial copies of the example workbook (issue 10 point 9), built at test time so that no big
 * binary is committed: a stray value in XFD1048576, a merge P300:XFD1048576, a row past Excel's
 * last one, and a shared-strings part that inflates to 400 MB (a zip bomb, a few hundred KB).
 */
import { readFileSync } from "node:fs";
import zlib from "node:zlib";
import JSZip from "jszip";
import { DEMO_WORKBOOK_PATH } from "../../fixtures";

export const EXAMPLE = (): Uint8Array => new Uint8Array(readFileSync(DEMO_WORKBOOK_PATH));

/** The example with its first sheet's XML passed through `edit`. */
async function editFirstSheet(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(EXAMPLE());
  const part = "xl/worksheets/sheet1.xml";
  const xml = await (zip.file(part) as JSZip.JSZipObject).async("string");
  const edited = edit(xml);
  if (edited === xml) throw new Error("the edit changed nothing");
  zip.file(part, edited);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** One value in XFD1048576 (the used range becomes B2:XFD1048576). */
export function strayValueBook(): Promise<Uint8Array> {
  return editFirstSheet((xml) =>
    xml
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="B2:XFD1048576"/>')
      .replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'),
  );
}

/** A formatted empty cell in XFD1048576 (style 1: the example's bold title style). */
export function strayFormatBook(): Promise<Uint8Array> {
  return editFirstSheet((xml) => xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>'));
}

/** A merge P300:XFD1048576 (17 billion cells) below the data. */
export function hugeMergeBook(): Promise<Uint8Array> {
  return editFirstSheet((xml) =>
    xml
      .replace(/<mergeCells count="(\d+)">/, (_, n: string) => `<mergeCells count="${Number(n) + 1}">`)
      .replace("</mergeCells>", '<mergeCell ref="P300:XFD1048576"/></mergeCells>'),
  );
}

/** A row numbered 2,000,000, past Excel's last row (1,048,576), holding a text and a number. */
export function rowPastLimitBook(): Promise<Uint8Array> {
  return editFirstSheet((xml) =>
    xml.replace("</sheetData>", '<row r="2000000"><c r="B2000000" t="inlineStr"><is><t>oltre il limite</t></is></c><c r="C2000000"><v>7</v></c></row></sheetData>'),
  );
}

const CHUNK = 1 << 20;

/**
 * The example with xl/sharedStrings.xml grown to `megabytes` MB by one huge string at the end: a
 * zip written by hand (JSZip would need the whole part in memory and deflate it in JavaScript),
 * the big part deflated chunk by chunk with zlib. Cached per size.
 */
export function sharedStringsBomb(megabytes = 400, lying = false): Promise<Uint8Array> {
  const key = `${megabytes}:${lying}`;
  let cached = bombs.get(key);
  if (!cached) {
    cached = buildBomb(megabytes, lying);
    bombs.set(key, cached);
  }
  return cached;
}
const bombs = new Map<string, Promise<Uint8Array>>();

/** `lying`: the zip's headers declare the big part as 4 KB, whatever it inflates to. */
async function buildBomb(megabytes: number, lying: boolean): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(EXAMPLE());
  const entries: { name: string; data: Uint8Array; crc: number; size: number; deflated: Uint8Array }[] = [];
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const data = await file.async("uint8array");
    if (name !== "xl/sharedStrings.xml") {
      entries.push({ name, data, crc: zlib.crc32(data), size: data.length, deflated: zlib.deflateRawSync(data) });
      continue;
    }
    const xml = Buffer.from(data).toString("utf8");
    const end = xml.lastIndexOf("</sst>");
    const head = Buffer.from(`${xml.slice(0, end)}<si><t>`);
    const tail = Buffer.from(`</t></si>${xml.slice(end)}`);
    const filler = Buffer.alloc(CHUNK, "a");
    const chunks = [head, ...Array.from({ length: megabytes }, () => filler), tail];
    let crc = 0;
    let size = 0;
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on("data", (b: Buffer) => out.push(b));
    const done = new Promise<void>((resolve, reject) => {
      deflate.on("end", resolve);
      deflate.on("error", reject);
    });
    for (const c of chunks) {
      crc = zlib.crc32(c, crc);
      size += c.length;
      if (!deflate.write(c)) await new Promise((r) => deflate.once("drain", r));
    }
    deflate.end();
    await done;
    entries.push({ name, data: new Uint8Array(), crc, size: lying ? 4096 : size, deflated: Buffer.concat(out) });
  }
  return writeZip(entries);
}

/** A plain zip (deflated entries, no extra fields, no zip64). */
function writeZip(entries: readonly { name: string; crc: number; size: number; deflated: Uint8Array }[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt16LE(0, 12);
    dir.writeUInt16LE(0x21, 14);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.deflated.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    parts.push(local, name, Buffer.from(e.deflated));
    offset += local.length + name.length + e.deflated.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, end]));
}
