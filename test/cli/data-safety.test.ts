/**
 * The CLI never leaves a broken file and never loses the original (issue 12): writes go to a
 * temporary file renamed over the target, backups get names no other file has, I/O failures are
 * told in Italian with what to do, and a workbook the add-in must not touch is not written.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, promises as fsp } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { EXIT, runCli } from "../../src/cli/run";
import { loadWorkbook } from "../../src/hosts/xlsx/read";
import { saveWorkbook } from "../../src/hosts/xlsx/apply";

const root = path.resolve(__dirname, "../..");
const example = path.join(root, "examples/piano-2024-comune-esempio.xlsx");
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "schede-safety-"));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, { stdout: (t) => (out += `${t}\n`), stderr: (t) => (err += `${t}\n`), today: () => "2024-09-30" });
  return { code, out, err };
}

const errno = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: system words, write`), { code, syscall: "write" });

/** fs.open whose handles for files matching `match` write half the bytes, then fail with `code`. */
function failingWrites(match: (file: string) => boolean, code: string): jest.SpyInstance {
  const realOpen = fsp.open.bind(fsp);
  return jest.spyOn(fsp, "open").mockImplementation((async (file: string, flags?: string) => {
    const handle = await realOpen(file, flags);
    if (!match(String(file))) return handle;
    const realWrite = handle.writeFile.bind(handle);
    handle.writeFile = (async (bytes: Uint8Array) => {
      await realWrite(bytes.slice(0, Math.floor(bytes.length / 2)));
      throw errno(code);
    }) as typeof handle.writeFile;
    return handle;
  }) as unknown as typeof fsp.open);
}

afterEach(() => jest.restoreAllMocks());

describe("--in-place on a full disk", () => {
  it("leaves the original untouched and loadable, and says where the backup is", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const before = readFileSync(input);
    failingWrites((f) => f.endsWith(".tmp"), "ENOSPC");
    const r = await run(["tables", input, "--in-place"]);
    expect(r.code).toBe(EXIT.unusable);
    expect(readFileSync(input).equals(before)).toBe(true);
    await expect(loadWorkbook(readFileSync(input))).resolves.toBeDefined();
    const backups = readdirSync(dir).filter((f) => f.startsWith("piano.backup-"));
    expect(backups).toHaveLength(1);
    expect(r.err).toContain("Spazio su disco esaurito");
    expect(r.err).toContain(path.join(dir, backups[0] as string));
    expect(r.err).not.toMatch(/ENOSPC|Errore imprevisto|Segnalare/);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a backup that cannot be written stops the run before the original is touched", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const before = readFileSync(input);
    failingWrites((f) => f.includes(".backup-"), "ENOSPC");
    const r = await run(["tables", input, "--in-place"]);
    expect(r.code).toBe(EXIT.unusable);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(["piano.xlsx"]);
    expect(r.err).toContain("non è stato modificato");
  });
});

describe("-o", () => {
  it("on a full disk leaves no partial file behind", async () => {
    const dir = tmp();
    const output = path.join(dir, "annotato.xlsx");
    failingWrites((f) => f.endsWith(".tmp"), "ENOSPC");
    const r = await run(["tables", example, "-o", output]);
    expect(r.code).toBe(EXIT.unusable);
    expect(readdirSync(dir)).toEqual([]);
    expect(r.err).toContain("Nessun file è stato scritto");
  });

  it("a read-only folder is told in Italian, with what to do", async () => {
    const dir = tmp();
    jest.spyOn(fsp, "open").mockRejectedValue(errno("EACCES"));
    const r = await run(["tables", example, "-o", path.join(dir, "x.xlsx")]);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.err).toContain("Permesso negato nella scrittura");
    expect(r.err).not.toMatch(/EACCES|Errore imprevisto/);
  });

  it("a missing folder is told in Italian", async () => {
    const r = await run(["tables", example, "-o", path.join(tmp(), "manca", "x.xlsx")]);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.err).toContain("non esiste");
    expect(r.err).not.toMatch(/ENOENT|Errore imprevisto/);
  });
});

describe("backups", () => {
  it("are never overwritten: two runs at once on one file keep two backups, the original among them", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const before = readFileSync(input);
    const results = await Promise.all([run(["tables", input, "--in-place"]), run(["tables", input, "--in-place"])]);
    for (const r of results) expect([EXIT.ok, EXIT.errorsFound]).toContain(r.code);
    const backups = readdirSync(dir).filter((f) => f.startsWith("piano.backup-"));
    expect(backups).toHaveLength(2);
    expect(backups.some((b) => readFileSync(path.join(dir, b)).equals(before))).toBe(true);
    await expect(loadWorkbook(readFileSync(input))).resolves.toBeDefined();
  });

  it("a name already taken is skipped, not overwritten", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const realOpen = fsp.open.bind(fsp);
    const taken: string[] = [];
    // The first backup name exists already (another run's backup, made in the same millisecond).
    jest.spyOn(fsp, "open").mockImplementation((async (file: string, flags?: string) => {
      if (String(file).includes(".backup-") && taken.length === 0) {
        taken.push(String(file));
        writeFileSync(String(file), "backup di un'altra esecuzione");
      }
      return realOpen(file, flags);
    }) as unknown as typeof fsp.open);
    const r = await run(["tables", input, "--in-place"]);
    expect([EXIT.ok, EXIT.errorsFound]).toContain(r.code);
    expect(readFileSync(taken[0] as string, "utf8")).toBe("backup di un'altra esecuzione");
    expect(readdirSync(dir).filter((f) => f.startsWith("piano.backup-"))).toHaveLength(2);
  });
});

describe("a workbook the add-in must not touch", () => {
  it("with a visible user sheet named SO_Stato: nothing is written and no line says it was", async () => {
    const dir = tmp();
    const wb = await loadWorkbook(readFileSync(example));
    wb.addWorksheet("SO_Stato").getCell("A1").value = "il mio foglio";
    const input = path.join(dir, "piano.xlsx");
    writeFileSync(input, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const output = path.join(dir, "annotato.xlsx");
    const r = await run(["tables", input, "-o", output]);
    expect(r.code).toBe(EXIT.unusable);
    expect(existsSync(output)).toBe(false);
    expect(r.out).not.toContain("Copia annotata scritta");
    expect(r.err).toContain("non è stata modificata");
    void ExcelJS;
  });
});

describe("sheets that cannot be read", () => {
  it("are named in a warning by check, not dropped silently", async () => {
    const zip = await JSZip.loadAsync(readFileSync(example));
    const rels = await (zip.file("xl/_rels/workbook.xml.rels") as JSZip.JSZipObject).async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace("</Relationships>", '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/manca.xml"/></Relationships>'),
    );
    const book = await (zip.file("xl/workbook.xml") as JSZip.JSZipObject).async("string");
    zip.file("xl/workbook.xml", book.replace("</sheets>", '<sheet name="Fantasma" sheetId="99" r:id="rIdX"/></sheets>'));
    const input = path.join(tmp(), "piano.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "uint8array" }));
    const r = await run(["check", input]);
    expect(r.err).toContain("Avviso: Il foglio «Fantasma» elencato nella cartella non ha potuto essere letto");
  });
});


describe("terminal output", () => {
  it("shows control characters from cells escaped, never raw", async () => {
    const wb = await loadWorkbook(readFileSync(example));
    // An objective's title with escape sequences (stored in the file as _x001B_, as Excel does).
    wb.worksheets.forEach((ws) => ws.eachRow((row) => row.eachCell((c) => {
      if (c.value === "Trasparenza") c.value = "Traspar\u001b[2J\u001b]0;titolo\u0007enza";
    })));
    const input = path.join(tmp(), "piano.xlsx");
    writeFileSync(input, await saveWorkbook(wb));
    const r = await run(["check", input]);
    // eslint-disable-next-line no-control-regex
    expect(r.out).not.toMatch(/[\u001b\u0007]/);
    expect(r.out).toContain("Traspar\\x1B[2J\\x1B]0;titolo\\x07enza");
  });
});

describe("a generated sheet the user typed into", () => {
  it("tables --in-place says which cells go and where the earlier copy is", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    expect((await run(["tables", input, "--in-place"])).code).not.toBe(EXIT.unusable);
    const wb = await loadWorkbook(readFileSync(input));
    (wb.getWorksheet("Obiettivi") as ExcelJS.Worksheet).getCell("D5").value = "Titolo corretto a mano";
    writeFileSync(input, await saveWorkbook(wb));
    const r = await run(["tables", input, "--in-place"]);
    expect(r.code).not.toBe(EXIT.unusable);
    const line = r.err.split("\n").find((l) => l.includes("«Obiettivi»") && l.includes("modificato a mano"));
    expect(line).toBeDefined();
    expect(line).toMatch(/^Avviso: /);
    expect(line).toContain("1 cella (D5)");
    expect(line).toContain("copia di sicurezza");
    expect(r.out).toMatch(/Copia di sicurezza: .*piano\.backup-/);
    // Written again, nothing more to say.
    const quiet = await run(["tables", input, "--in-place"]);
    expect(quiet.err).not.toContain("modificato a mano");
  });
});
