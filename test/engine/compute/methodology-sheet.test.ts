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

describe("readMethodology: conversions", () => {
  it("reads the conversion, thresholds and aggregation in Italian, percents in percent cells", () => {
    const sheet = grid(
      "Metodologia",
      "A1",
      [
        ["Conversione del raggiungimento", "Soglie"],
        ["Soglia minima (%)", 0.5],
        ["Punteggio alla soglia minima", 20],
        ["Soglia target (%)", "90%"],
        ["Soglia massima (%)", 130],
        ["Punteggio di eccellenza alla soglia massima (%)", 120],
        ["Aggregazione degli indicatori", "peggiore"],
      ],
      { formats: { B2: "0%" } },
    );
    const { methodology, unreadable, problems } = readMethodology([sheet]);
    expect({ unreadable, problems }).toEqual({ unreadable: [], problems: [] });
    expect(methodology).toMatchObject({ conversion: "thresholds", thresholdMin: 50, thresholdMinScore: 20, thresholdTarget: 90, thresholdMax: 130, thresholdExcellence: 120, aggregation: "worst" });
  });

  it("reads the range table «Scaglione N | da | a | tipo | valore | valore a fine fascia», also as «Fascia di raggiungimento N»", () => {
    const sheet = grid("Metodologia", "B2", [
      ["Scaglione 1", 0, 50, "fisso", 0],
      ["Fascia di raggiungimento 2", 50, 80, "Proporzionale", 40, 90],
      ["Scaglione 3", 80, 200, "fisso", 100, 999],
    ]);
    const { methodology, unreadable } = readMethodology([sheet]);
    expect(unreadable).toEqual([]);
    expect(methodology.achievementBands).toEqual([
      { from: 0, to: 50, mode: "fixed", value: 0, valueTo: null },
      { from: 50, to: 80, mode: "proportional", value: 40, valueTo: 90 },
      { from: 80, to: 200, mode: "fixed", value: 100, valueTo: null },
    ]);
    // "Fascia di raggiungimento 2" is not a score band.
    expect(methodology.bands).toEqual(DEFAULT_METHODOLOGY.bands);
  });

  it.each<[string, CellValue[], string, string]>([
    ["a mode that is neither", [0, 100, "a scatti", 50], "D1", "valori ammessi: fisso oppure proporzionale"],
    ["a word for the start", ["zero", 100, "fisso", 50], "B1", "serve l'inizio della fascia, un numero da 0 in su (es. 50)"],
  ])("a range-table row with %s: an unreadable cell, the default table", (_name, row, address, reason) => {
    const { methodology, unreadable } = readMethodology([grid("Metodologia", "A1", [["Scaglione 1", ...row]])]);
    expect(methodology.achievementBands).toEqual(DEFAULT_METHODOLOGY.achievementBands);
    expect(unreadable.map((u) => ({ field: u.field, reason: u.reason, col: u.at.left }))).toEqual([{ field: "methodology.achievementBands", reason, col: address.charCodeAt(0) - 65 }]);
  });

  it("reads the days-late rule and its table «Ritardo N | da giorni | a giorni | tipo | valore | valore a fine fascia»", () => {
    const sheet = grid("Metodologia", "A1", [
      ["Ritardo delle fasi", "giorni"],
      ["Ritardo 1", 0, 15, "fisso", 90],
      ["Fascia di ritardo 2", 15, 3660, "proporzionale", 60, 0],
    ]);
    const { methodology, unreadable, problems } = readMethodology([sheet]);
    expect({ unreadable, problems }).toEqual({ unreadable: [], problems: [] });
    expect(methodology.timelinessRule).toBe("days");
    expect(methodology.timelinessBands).toEqual([
      { from: 0, to: 15, mode: "fixed", value: 90, valueTo: null },
      { from: 15, to: 3660, mode: "proportional", value: 60, valueTo: 0 },
    ]);
    expect(methodology.achievementBands).toEqual(DEFAULT_METHODOLOGY.achievementBands);
  });

  it("an unknown conversion word: unreadable, linear kept", () => {
    const { methodology, unreadable } = readMethodology([grid("Metodologia", "A1", [["conversion", "a gradini"]])]);
    expect(methodology.conversion).toBe("linear");
    expect(unreadable[0]?.reason).toBe("valori ammessi: lineare, soglie oppure fasce");
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
