import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import { methodologyRows, readMethodology } from "../../../src/engine/compute/methodology-sheet";
import type { CellValue } from "../../../src/engine/model/snapshot";
import { grid } from "../../helpers/grid";

describe("readMethodology", () => {
  it("gives the defaults when there is no Metodologia sheet", () => {
    const result = readMethodology([grid("Polizia Locale", "A1", [["Settore", "Dirigente"]])]);
    expect(result).toEqual({ methodology: DEFAULT_METHODOLOGY, unreadable: [], problems: [] });
  });

  it("reads keys by property name and by Italian label, anywhere on the sheet, in any case", () => {
    const sheet = grid("METODOLOGIA", "B3", [
      ["Metodologia di valutazione"],
      [],
      ["achievementShare", 60],
      ["Quota media rispetto dei tempi (%)", "40"],
      ["tetto raggiungimento indicatore", "120%"],
      [null, "Penalità per 30 giorni di ritardo (punti):", 5],
      ["Valore mancante alla verifica intermedia (exclude/zero)", "zero"],
      ["missingActualFinal", "Escludi"],
      ["Tolleranza somma partecipazione (punti)", "2,5"],
      ["weightTolerance", 0.5],
      ["Anno del piano", 2024],
    ]);
    const { methodology, unreadable } = readMethodology([sheet]);
    expect(unreadable).toEqual([]);
    expect(methodology).toEqual({
      ...DEFAULT_METHODOLOGY,
      achievementShare: 60,
      timelinessShare: 40,
      achievementCap: 120,
      deadlinePenaltyPer30Days: 5,
      missingActualInterim: "zero",
      missingActualFinal: "exclude",
      participationTolerance: 2.5,
      weightTolerance: 0.5,
      planYear: 2024,
    });
  });

  it("reads a share of 0,5 in a cell formatted as percent as 50", () => {
    const sheet = grid("Metodologia", "A1", [["achievementShare", 0.55]], { formats: { B1: "0%" } });
    expect(readMethodology([sheet]).methodology.achievementShare).toBeCloseTo(55, 10);
  });

  it("replaces the bands with the rows «Fascia X»", () => {
    const sheet = grid("Metodologia", "A1", [
      ["Fasce di valutazione"],
      ["Fascia Ottimo", 90],
      ["Fascia Buono", 75],
      ["Fascia Insufficiente", 0],
    ]);
    expect(readMethodology([sheet]).methodology.bands).toEqual([
      { band: "OTTIMO", min: 90 },
      { band: "BUONO", min: 75 },
      { band: "INSUFFICIENTE", min: 0 },
    ]);
  });

  it.each<[string, CellValue, string, string]>([
    ["a word for a number", "tanto", "methodology.achievementCap", "serve un numero tra 100 e 200"],
    ["a cap below 100", 90, "methodology.achievementCap", "fuori dall'intervallo ammesso: serve un numero tra 100 e 200"],
  ])("%s: an unreadable cell, the default kept", (_name, value, field, reason) => {
    const sheet = grid("Metodologia", "A2", [["Tetto raggiungimento indicatore (%)", value]]);
    const { methodology, unreadable } = readMethodology([sheet]);
    expect(methodology.achievementCap).toBe(100);
    expect(unreadable).toEqual([
      {
        at: { sheet: "Metodologia", top: 1, left: 1, bottom: 1, right: 1 },
        expected: "number",
        text: String(value),
        reason,
        field,
        objectiveId: null,
        structure: null,
      },
    ]);
  });

  it("reports an unknown choice and a band without a number, and keeps the defaults", () => {
    const sheet = grid("Metodologia", "A1", [
      ["missingActualInterim", "forse"],
      ["Fascia A", "alta"],
    ]);
    const { methodology, unreadable } = readMethodology([sheet]);
    expect(methodology.missingActualInterim).toBe("exclude");
    expect(methodology.bands).toEqual(DEFAULT_METHODOLOGY.bands);
    expect(unreadable.map((u) => [u.field, u.text, u.at.top, u.at.left])).toEqual([
      ["methodology.missingActualInterim", "forse", 0, 1],
      ["methodology.bands.A", "alta", 1, 1],
    ]);
  });

  it("keeps the default for an empty value", () => {
    const sheet = grid("Metodologia", "A1", [["Anno del piano", null], ["achievementShare"]]);
    expect(readMethodology([sheet])).toEqual({ methodology: DEFAULT_METHODOLOGY, unreadable: [], problems: [] });
  });
});

describe("methodologyRows", () => {
  it("lists every setting with its Italian label and value, bands one per row", () => {
    const rows = methodologyRows(DEFAULT_METHODOLOGY);
    expect(rows[0]).toEqual(["achievementShare", "Quota media valore raggiunto (%)", 50]);
    expect(rows.filter((r) => r[0].startsWith("Fascia"))).toEqual([
      ["Fascia A", "Fascia A (punteggio minimo)", 95],
      ["Fascia B", "Fascia B (punteggio minimo)", 90],
      ["Fascia C", "Fascia C (punteggio minimo)", 80],
      ["Fascia D", "Fascia D (punteggio minimo)", 70],
      ["Fascia E", "Fascia E (punteggio minimo)", 0],
    ]);
    expect(rows.find((r) => r[0] === "planYear")).toEqual(["planYear", "Anno del piano", ""]);
    expect(rows.find((r) => r[0] === "missingActualFinal")?.[2]).toBe("zero");
  });

  it("reads back what it writes (key | label | value)", () => {
    const changed = {
      ...DEFAULT_METHODOLOGY,
      achievementCap: 120,
      missingActualInterim: "zero" as const,
      planYear: 2024,
      bands: [
        { band: "A", min: 90 },
        { band: "B", min: 60 },
        { band: "C", min: 0 },
      ],
    };
    const sheet = grid("Metodologia", "A1", [["Chiave", "Impostazione", "Valore"], ...methodologyRows(changed)]);
    expect(readMethodology([sheet])).toEqual({ methodology: changed, unreadable: [], problems: [] });
  });
});
