import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync, readdirSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli, EXIT } from "../../src/cli/run";
import type { JsonReport } from "../../src/cli/report";
import { readWorkbookSnapshots } from "../../src/hosts/xlsx/read";

const root = path.resolve(__dirname, "../..");
const fixture = (name: string): string => path.join(root, "test/fixtures", name);
const example = path.join(root, "examples/piano-2024-comune-esempio.xlsx");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(args, {
    stdout: (t) => (out += `${t}\n`),
    stderr: (t) => (err += `${t}\n`),
    today: () => "2024-09-30",
  });
  return { code, out, err };
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), "schede-cli-"));

describe("schede check", () => {
  it("prints an Italian report of the example with its findings and exits 1 (the example has errors)", async () => {
    const r = await run(["check", example, "--as-of", "2024-09-30", "--review", "interim"]);
    expect(r.code).toBe(EXIT.errorsFound);
    expect(r.out).toContain("Servizio Amministrativo");
    expect(r.out).toMatch(/\[ERRORE\] .+![A-Z]+\d+/);
    expect(r.out).toContain("Punteggi dei responsabili");
    expect(r.err).toBe("");
  });

  it("--json prints one object with percentages 0–100 and months 1–12", async () => {
    const r = await run(["check", example, "--json", "--review", "interim"]);
    const report = JSON.parse(r.out) as JsonReport;
    expect(report.objectives.length).toBeGreaterThan(5);
    for (const o of report.objectives) {
      for (const p of o.phases) for (const m of p.months) expect(m >= 1 && m <= 12).toBe(true);
      for (const v of [o.meanAchievement, o.meanTimeliness, o.score]) if (v !== null) expect(v >= 0 && v <= 200).toBe(true);
    }
    for (const f of report.findings) {
      expect(f.range).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/);
      expect(["error", "warning", "info"]).toContain(f.severity);
    }
    expect(report.owners.length).toBeGreaterThan(0);
    expect(r.code).toBe(report.counts.errors > 0 ? EXIT.errorsFound : EXIT.ok);
  });

  it.each(["casorate-servizio-amministrativo.xlsx", "casorate-polizia-locale.xlsx", "casorate-segreteria.xlsx", "pdo-template-2022.xlsx", "layout-c-servizi-sociali.xlsx"])(
    "reads fixture %s and exits 0 or 1 with a JSON report",
    async (name) => {
      const r = await run(["check", fixture(name), "--json"]);
      expect([EXIT.ok, EXIT.errorsFound]).toContain(r.code);
      const report = JSON.parse(r.out) as JsonReport;
      expect(report.objectives.length).toBeGreaterThan(0);
      expect(r.code).toBe(report.counts.errors > 0 ? EXIT.errorsFound : EXIT.ok);
    },
  );

  it.each([
    ["missing file", "does-not-exist.xlsx", /File non trovato/],
    ["not a workbook", "not-a-workbook.xlsx", /.+/],
    ["truncated workbook", "truncated.xlsx", /.+/],
    ["encrypted workbook", "encrypted.xlsx", /(protett|cifrat|password)/i],
    ["no card", "no-cards.xlsx", /nessuna scheda obiettivo/i],
    ["empty workbook", "empty.xlsx", /.+/],
  ])("exits 2 with one Italian line for %s", async (_what, name, message) => {
    const r = await run(["check", fixture(name)]);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.out).toBe("");
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/at .+\.ts:\d+/); // no stack trace
  });

  it.each([
    [["check"], /Indicare il file/],
    [["check", "a.xlsx", "--as-of", "31/12/2024"], /Data non valida/],
    [["check", "a.xlsx", "--review", "mid"], /--review/],
    [["frobnicate"], /Comando sconosciuto/],
    [["tables", "a.xlsx"], /-o/],
  ])("exits 2 on wrong arguments %j", async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.err).toMatch(message);
  });
});

describe("schede tables / clear", () => {
  it("writes an annotated copy, never touching the input, and clear removes the add-in's sheets", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const before = readFileSync(input);
    const annotated = path.join(dir, "annotato.xlsx");
    const r = await run(["tables", input, "-o", annotated, "--review", "interim"]);
    expect([EXIT.ok, EXIT.errorsFound]).toContain(r.code);
    expect(readFileSync(input).equals(before)).toBe(true);
    const sheets = (await readWorkbookSnapshots(readFileSync(annotated))).map((s) => s.name);
    expect(sheets).toEqual(expect.arrayContaining(["Obiettivi", "Fasi", "Indicatori", "Cronoprogramma", "Punteggi", "Verifica"]));
    const cleared = path.join(dir, "pulito.xlsx");
    const c = await run(["clear", annotated, "-o", cleared]);
    expect(c.code).toBe(EXIT.ok);
    const after = (await readWorkbookSnapshots(readFileSync(cleared))).map((s) => s.name);
    expect(after).not.toContain("Verifica");
    expect(after).not.toContain("Punteggi");
  });

  it("--in-place writes a backup first", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const before = readFileSync(input);
    const r = await run(["tables", input, "--in-place"]);
    expect([EXIT.ok, EXIT.errorsFound]).toContain(r.code);
    const backups = readdirSync(dir).filter((f) => f.startsWith("piano.backup-"));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dir, backups[0] as string)).equals(before)).toBe(true);
    expect(readFileSync(input).equals(before)).toBe(false);
  });

  it("refuses to write over the input without --in-place", async () => {
    const dir = tmp();
    const input = path.join(dir, "piano.xlsx");
    copyFileSync(example, input);
    const r = await run(["tables", input, "-o", input]);
    expect(r.code).toBe(EXIT.unusable);
    expect(r.err).toMatch(/--in-place/);
  });
});

describe("the built binary", () => {
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, "scripts/build-cli.mjs")], { cwd: root, stdio: "ignore" });
  });

  it("runs as a real process with the documented exit codes", () => {
    const bin = path.join(root, "dist/cli/schede.js");
    expect(existsSync(bin)).toBe(true);
    const ok = spawnSync(process.execPath, [bin, "check", example, "--json"], { encoding: "utf8" });
    expect([1, 0]).toContain(ok.status);
    expect(() => JSON.parse(ok.stdout)).not.toThrow();
    const missing = spawnSync(process.execPath, [bin, "check", "nope.xlsx"], { encoding: "utf8" });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/File non trovato/);
  });
});
