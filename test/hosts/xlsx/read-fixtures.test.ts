import { readFileSync, statSync } from "node:fs";
import { parseA1 } from "../../../src/engine/cells/a1";
import { cellAt, formatAt, type SheetSnapshot } from "../../../src/engine/model/snapshot";
import { readWorkbookSnapshots, worksheetToSnapshot } from "../../../src/hosts/xlsx/read";
import { DEMO_WORKBOOK_PATH, FIXTURES, type FixtureName, fixturePath, loadFixtureSnapshots } from "../../fixtures";
import { buildCasoratePoliziaLocale, buildCasorateSegreteria, buildCasorateServizioAmministrativo } from "../../fixtures/builders/casorate";
import { buildPdoTemplate2022 } from "../../fixtures/builders/pdo-template";
import { buildLayoutCServiziSociali } from "../../fixtures/builders/layout-c-servizi-sociali";
import { buildDemoWorkbook } from "../../fixtures/builders/demo";
import type { BuiltWorkbook } from "../../fixtures/builders/casorate";

function sheet(snapshots: SheetSnapshot[], name: string): SheetSnapshot {
  const s = snapshots.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}; sheets: ${snapshots.map((x) => x.name).join(", ")}`);
  return s;
}

function at(s: SheetSnapshot, address: string) {
  const ref = parseA1(address);
  if (!ref) throw new Error(`bad address ${address}`);
  return { value: cellAt(s, ref.row, ref.col), format: formatAt(s, ref.row, ref.col) };
}

const mergeAt = (s: SheetSnapshot, range: string) => {
  const [a, b] = range.split(":").map((x) => parseA1(x));
  return s.merges?.some((m) => m.top === a?.row && m.left === a?.col && m.bottom === b?.row && m.right === b?.col) ?? false;
};

describe("fixtures read back", () => {
  it("casorate-servizio-amministrativo: one sheet, header, weights as percents, five cards", async () => {
    const snapshots = await loadFixtureSnapshots("casorate-servizio-amministrativo");
    expect(snapshots.map((s) => s.name)).toEqual(["Servizio Amministrativo"]);
    const s = sheet(snapshots, "Servizio Amministrativo");
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(at(s, "B2").value).toBe("Centro di Responsabilità");
    expect(at(s, "B6").value).toBe("DEBORAH ARIBONI");
    expect(at(s, "E8")).toEqual({ value: 0.3, format: "0%" });
    expect(at(s, "E12")).toEqual({ value: 0.1, format: "0%" });
    expect(at(s, "B14").value).toBe("1. OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(mergeAt(s, "B14:N14")).toBe(true);
    expect(at(s, "C30").value).toBe(1100);
    expect(at(s, "D66").value).toBe(33);
    const titles = s.cells.flat().filter((v) => typeof v === "string" && /^\d\. OBIETTIVO/.test(v));
    // Five cards, each repeating its title on the second page (card 4 on the third as well).
    expect(new Set(titles).size).toBe(5);
    expect(titles).toHaveLength(12);
    // "15/05/2024" typed into Excel is a date; "'29/02/2024" stays text.
    const flat = s.cells.flat();
    expect(flat).toContain(45427);
    expect(flat).toContain("29/02/2024");
    // Card 3's indicators were pasted as text.
    expect(flat).toContain("€ 1.000,00");
    // One table in cards 1, 2, 4, 5 and eleven groups in card 3.
    expect(flat.filter((v) => v === "Indicatori di risultato")).toHaveLength(15);
  });

  it("casorate-polizia-locale: weight table beside card 1, six cards over two sheets", async () => {
    const snapshots = await loadFixtureSnapshots("casorate-polizia-locale");
    expect(snapshots.map((s) => s.name)).toEqual(["Polizia Locale", "Polizia Locale (2)"]);
    const s1 = sheet(snapshots, "Polizia Locale");
    expect(at(s1, "B8").value).toBe("1.OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(at(s1, "Q8").value).toBe(1);
    expect(at(s1, "T8").value).toBe(25);
    expect(at(s1, "T13").value).toBe("Intersettoriale");
    expect(mergeAt(s1, "B16:E16")).toBe(true);
    expect(mergeAt(s1, "F16:I16")).toBe(true);
    const s2 = sheet(snapshots, "Polizia Locale (2)");
    expect(s2.origin).toEqual({ row: 2, col: 2 });
    expect(at(s2, "C3").value).toBe("4. OBIETTIVO DI GESTIONE 2024");
    const titles = [...s1.cells.flat(), ...s2.cells.flat()].filter((v) => typeof v === "string" && /^\d\.\s?OBIETTIVO/.test(v));
    expect(new Set(titles).size).toBe(6);
  });

  it("casorate-segreteria: peso | title | description", async () => {
    const [s, ...rest] = await loadFixtureSnapshots("casorate-segreteria");
    expect(rest).toHaveLength(0);
    if (!s) throw new Error("no sheet");
    expect(s.name).toBe("Segreteria Comunale");
    expect(at(s, "B8").value).toBe("peso");
    expect(at(s, "B9").value).toBe(40);
    expect(at(s, "C10").value).toBe("Servizi pubblici locali");
    expect(String(at(s, "D10").value)).toMatch(/31\/12\/2024\.$/);
  });

  it("pdo-template-2022: layout B with real dates on one sheet and text on the other", async () => {
    const snapshots = await loadFixtureSnapshots("pdo-template-2022");
    expect(snapshots.map((s) => s.name)).toEqual(["Segreteria", "Area Tecnica"]);
    const seg = sheet(snapshots, "Segreteria");
    expect(at(seg, "B12").value).toBe("N°");
    expect(at(seg, "B13").value).toBe(1);
    expect(at(seg, "D13")).toEqual({ value: 0.2, format: "0%" });
    expect(at(seg, "G13")).toEqual({ value: 44926, format: "dd.mm.yyyy" });
    expect(at(seg, "B14").value).toBe("1.1.");
    expect(at(seg, "D14").value).toBe("(50%)");
    const tec = sheet(snapshots, "Area Tecnica");
    expect(tec.origin).toEqual({ row: 3, col: 2 });
    expect(at(tec, "C15").value).toBe("1");
    expect(at(tec, "E15")).toEqual({ value: "10%", format: null });
    expect(at(tec, "H15").value).toBe("31.12.2022");
    expect(at(tec, "C34").value).toBe("Dipendenti coinvolti sugli obiettivi:");
    expect(at(tec, "F36").value).toBe("Peso %");
  });

  it("layout-c-servizi-sociali: definitions merged down the phase rows", async () => {
    const [s] = await loadFixtureSnapshots("layout-c-servizi-sociali");
    if (!s) throw new Error("no sheet");
    expect(at(s, "B6").value).toBe("DEFINIZIONE OBIETTIVO");
    expect(mergeAt(s, "B7:B10")).toBe(true);
    expect(at(s, "D7").value).toBe("Gennaio (buoni spesa) – febbraio (per affitto) – marzo (contributo di solidarietà)");
    expect(at(s, "C4").value).toBe("20%");
    expect(at(s, "C21")).toEqual({ value: 0.8, format: "0%" });
    expect(at(s, "D26").value).toBe("Giugno/settembre");
  });

  it("demo workbook: four sheets, the deliberate mistakes in place", async () => {
    const data = readFileSync(DEMO_WORKBOOK_PATH);
    const snapshots = await readWorkbookSnapshots(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    expect(snapshots.map((s) => s.name)).toEqual(["Servizio Amministrativo", "Polizia Locale", "Area Tecnica", "Servizi Sociali"]);
    const pl = sheet(snapshots, "Polizia Locale");
    expect([at(pl, "E8").value, at(pl, "E9").value, at(pl, "E10").value]).toEqual([40, 30, 25]);
    const tech = sheet(snapshots, "Area Tecnica");
    const phaseWeight = (n: string) => tech.cells.find((r) => r[0] === n)?.[2];
    expect([phaseWeight("2.1."), phaseWeight("2.2")]).toEqual(["(40%)", "(50%)"]);
    const admin = sheet(snapshots, "Servizio Amministrativo");
    const flat = admin.cells.flat();
    expect(flat).toContain("Aggiornamento della sezione Amministrazione trasparente");
    expect(flat.filter((v) => v === "Verifica Intermedia del 30/09/2024")).toHaveLength(5);
    expect(admin.formulas?.flat().some((f) => f?.startsWith("SUM("))).toBe(true);
  });
});

describe("committed fixtures", () => {
  it.each(Object.keys(FIXTURES) as FixtureName[])("%s.xlsx exists and is under 100 KB", (name) => {
    expect(statSync(fixturePath(name)).size).toBeLessThan(100 * 1024);
  });

  // The .xlsx files are committed; if a builder changes, `npx tsx test/fixtures/build-fixtures.ts`
  // must be run again. This catches a forgotten rebuild.
  it.each<[string, () => BuiltWorkbook, string]>([
    ["casorate-servizio-amministrativo", buildCasorateServizioAmministrativo, fixturePath("casorate-servizio-amministrativo")],
    ["casorate-polizia-locale", buildCasoratePoliziaLocale, fixturePath("casorate-polizia-locale")],
    ["casorate-segreteria", buildCasorateSegreteria, fixturePath("casorate-segreteria")],
    ["pdo-template-2022", buildPdoTemplate2022, fixturePath("pdo-template-2022")],
    ["layout-c-servizi-sociali", buildLayoutCServiziSociali, fixturePath("layout-c-servizi-sociali")],
    ["piano-2024-comune-esempio (examples/)", buildDemoWorkbook, DEMO_WORKBOOK_PATH],
  ])("%s matches its builder", async (_name, build, file) => {
    const expected = build().workbook.worksheets.map(worksheetToSnapshot);
    const data = readFileSync(file);
    const actual = await readWorkbookSnapshots(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    expect(actual).toEqual(expected);
  });
});
