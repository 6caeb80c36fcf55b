import { isoDate, isoToSerial, readDate, readTrailingDate, serialToIso } from "../../../src/engine/values";
import type { CellValue } from "../../../src/engine/model/snapshot";

describe("readDate", () => {
  it.each<[CellValue, string | null, string]>([
    ["31.12.2022", null, "2022-12-31"],
    ["15/05/2024", null, "2024-05-15"],
    ["1/1/24", null, "2024-01-01"],
    ["31-12-2024", null, "2024-12-31"],
    ["2024-12-31", null, "2024-12-31"],
    ["2024-12-31T00:00:00.000Z", null, "2024-12-31"],
    ["Entro il 31/12/2024", null, "2024-12-31"],
    ["entro il 31.12.2022", null, "2022-12-31"],
    ["ENTRO IL 31/12/2024.", null, "2024-12-31"],
    ["31 dicembre 2024", null, "2024-12-31"],
    ["1° gennaio 2024", null, "2024-01-01"],
    ["1 gen. 2024", null, "2024-01-01"],
    ["Dall'1/01/2024", null, "2024-01-01"],
    ["Dall’1/01/2024", null, "2024-01-01"],
    ["29/02/2024", null, "2024-02-29"],
    ["31/12/2024 00:00", null, "2024-12-31"],
    ["Scadenza: 30/06/2024", null, "2024-06-30"],
    [45292, null, "2024-01-01"],
    [45292, "dd/mm/yyyy", "2024-01-01"],
    [45292.75, "dd/mm/yyyy hh:mm", "2024-01-01"],
    [45657, "d-mmm-yy", "2024-12-31"],
    [45292, "gg/mm/aaaa", "2024-01-01"],
    [45292, "General", "2024-01-01"],
    [100, "dd/mm/yyyy", "1900-04-09"],
    [59, "dd/mm/yyyy", "1900-02-28"],
    [61, "dd/mm/yyyy", "1900-03-01"],
    [1, "dd/mm/yyyy", "1900-01-01"],
  ])("%j (format %j) → %s", (value, format, expected) => {
    expect(readDate(value, format)).toEqual({ ok: true, value: expected });
  });

  it.each<[CellValue, string | null, RegExp]>([
    ["31/02/2024", null, /non è una data valida: febbraio 2024 non ha il giorno 31/],
    ["29/02/2023", null, /non è una data valida/],
    ["12/13/2024", null, /il mese 13 non esiste/],
    ["Entro 60 giorni dall'elezione", null, /scadenza relativa/],
    ["entro 30 gg dalla richiesta", null, /scadenza relativa/],
    ["30 giorni dalla notifica", null, /scadenza relativa/],
    [".. /.. /..", null, /non è compilata/],
    ["Entro il termine previsto per legge", null, /non contiene una data/],
    ["Effettuata entro i termini", null, /non contiene una data/],
    ["15/05", null, /non è una data leggibile/],
    ["2024", null, /non è una data leggibile/],
    ["31/12/2024 e 30/06/2025", null, /contiene altro/],
    [100, null, /non è una data/],
    [45292, "0.00", /non è una data/],
    [45292, "0%", /non è una data/],
    [60, "dd/mm/yyyy", /non corrisponde a una data/],
    [0, "dd/mm/yyyy", /non corrisponde a una data/],
    [-5, "dd/mm/yyyy", /non corrisponde a una data/],
    [Number.NaN, "dd/mm/yyyy", /non corrisponde a una data/],
    [null, null, /vuota/],
    [true, null, /valore logico/],
  ])("fails on %j (format %j)", (value, format, reason) => {
    const r = readDate(value, format);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe("Excel serials", () => {
  it.each<[number, string]>([
    [45292, "2024-01-01"],
    [44926, "2022-12-31"],
    [2958465, "9999-12-31"],
  ])("%d ↔ %s", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("round-trips every day around the fake 29/02/1900", () => {
    for (let serial = 1; serial < 400; serial++) {
      if (serial === 60) continue;
      const iso = serialToIso(serial);
      expect(iso).not.toBeNull();
      expect(isoToSerial(iso as string)).toBe(serial);
    }
  });

  it("validates calendar dates", () => {
    expect(isoDate(2024, 2, 29)).toBe("2024-02-29");
    expect(isoDate(1900, 2, 29)).toBeNull();
    expect(isoDate(2000, 2, 29)).toBe("2000-02-29");
    expect(isoDate(2024, 4, 31)).toBeNull();
  });
});

describe("readTrailingDate", () => {
  it.each<[string, string, string | null]>([
    ["Coordinamento dell'istruttoria per la relazione. 31/12/2024.", "Coordinamento dell'istruttoria per la relazione.", "2024-12-31"],
    ["Predisposizione di un modello da sottoporre agli OOEE. 31/12/2024", "Predisposizione di un modello da sottoporre agli OOEE.", "2024-12-31"],
    ["Relazione da concludere entro il 30/06/2024", "Relazione da concludere", "2024-06-30"],
    ["Relazione (31.12.2022)", "Relazione", "2022-12-31"],
    ["Chiusura 31 dicembre 2024", "Chiusura", "2024-12-31"],
    ["31/12/2024", "", "2024-12-31"],
    ["Nessuna data qui.", "Nessuna data qui.", null],
    ["Data impossibile 31/02/2024", "Data impossibile 31/02/2024", null],
    ["Legge 190/2012", "Legge 190/2012", null],
    ["Numero 1231/12/2024", "Numero 1231/12/2024", null],
  ])("%j", (text, rest, date) => {
    expect(readTrailingDate(text)).toEqual({ text: rest, date });
  });

  it("finds the date at the end of a long description", () => {
    const long = `${"Descrizione lunga. ".repeat(500)}Fine 15/05/2024.`;
    const r = readTrailingDate(long);
    expect(r.date).toBe("2024-05-15");
    expect(r.text.endsWith("Fine")).toBe(true);
  });
});
