import path from "node:path";
import { runCli } from "../../src/cli/run";
import { toJsonReport, type JsonReport } from "../../src/cli/report";
import { analyse } from "../../src/engine/analyse";
import { grid } from "../helpers/grid";

const root = path.resolve(__dirname, "../..");
const fixture = (name: string): string => path.join(root, "test/fixtures", name);

async function run(args: string[]): Promise<string> {
  let out = "";
  await runCli(args, { stdout: (t) => (out += `${t}\n`), stderr: () => undefined, today: () => "2024-09-30" });
  return out;
}

describe("schede check --explain and the reading section of --json", () => {
  it("explains, per structure and objective, the join, the cells of each block and each phase's source", async () => {
    const out = await run(["check", fixture("casorate-servizio-amministrativo.xlsx"), "--explain"]);
    expect(out).toContain("Come è stata letta la cartella");
    expect(out).toMatch(/Struttura «Servizio Amministrativo» — intestazione .+![A-Z]+\d+/);
    expect(out).toMatch(/collegamento: riga .+![A-Z]+\d+:[A-Z]+\d+ collegata alla scheda .+ \(punteggio \d\.\d\d: numero uguale/);
    expect(out).toMatch(/cronoprogramma: .+![A-Z]+\d+:[A-Z]+\d+/);
    expect(out).toMatch(/fase 1 «1»: da riga del cronoprogramma/);
    expect(out).toMatch(/fase 1 «.+»: da elenco «Fasi di attuazione» \+ riga del cronoprogramma/);
  });

  it("puts the same report in --json, with the join's evidence", async () => {
    const report = JSON.parse(await run(["check", fixture("casorate-servizio-amministrativo.xlsx"), "--json"])) as JsonReport;
    const objectives = report.reading.structures.flatMap((s) => s.objectives);
    expect(objectives).toHaveLength(report.objectives.length);
    const joined = objectives.filter((o) => o.join?.status === "joined");
    expect(joined.length).toBeGreaterThan(0);
    expect(joined[0]?.join?.evidence?.number).toBe(1);
    expect(joined[0]?.places.map((p) => p.block)).toEqual(expect.arrayContaining(["weightTableRow", "card", "title"]));
  });

  it("rejects --explain outside check", async () => {
    let err = "";
    const code = await runCli(["tables", fixture("casorate-servizio-amministrativo.xlsx"), "-o", "/tmp/x.xlsx", "--explain"], { stdout: () => undefined, stderr: (t) => (err += t), today: () => "2024-09-30" });
    expect(code).toBe(2);
    expect(err).toContain("--explain vale solo per check");
  });
});

describe("indicator values in --json", () => {
  const card = grid("Scheda", "A1", [
    ["1. OBIETTIVO DI MIGLIORAMENTO 2024"],
    [],
    ["Settore", "Dirigente"],
    ["Tributi", "Anna Neri"],
    [],
    ["Obiettivo: Descrizione Sintetica", "Recupero evasione"],
    [],
    ["Indicatori di risultato"],
    ["Descrizione", "Valore atteso", "Valore raggiunto"],
    ["Accertamenti in più", "+ 19", 21],
    ["Riscossione", "30%", 0.25],
    ["Scadenza", "Entro il 30/06/2024", "15/06/2024"],
    ["Regolamento", "SI", "NO"],
    ["Qualità", "Effettuata entro i termini", null],
  ], { formats: { "C11": "0%" } });

  it("gives the value as read and the text as typed", () => {
    const report = toJsonReport(analyse([card], { asOf: "2024-12-31" }), null);
    expect(report.objectives[0]?.indicators.map((i) => [i.target, i.targetText, i.actual, i.actualText])).toEqual([
      [19, "+ 19", 21, "21"],
      [30, "30%", 25, expect.any(String)],
      ["2024-06-30", "Entro il 30/06/2024", "2024-06-15", "15/06/2024"],
      [true, "SI", false, "NO"],
      [null, "Effettuata entro i termini", null, null],
    ]);
  });
});
