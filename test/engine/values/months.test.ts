import { readMonthName, readMonths } from "../../../src/engine/values";
import type { CellValue } from "../../../src/engine/model/snapshot";

const all = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe("readMonthName", () => {
  it.each<[CellValue, number | null]>([
    ["Gennaio", 1],
    ["gen", 1],
    ["GEN.", 1],
    ["feb", 2],
    ["Febbraio", 2],
    ["marzo", 3],
    ["Apr", 4],
    ["MAGGIO", 5],
    ["giu", 6],
    ["Luglio", 7],
    ["ago.", 8],
    ["sett", 9],
    ["set", 9],
    ["Settembre", 9],
    ["ott", 10],
    ["Novembre", 11],
    ["dic", 12],
    [" Dicembre ", 12],
    ["Gennaio 2024", 1],
    ["gen-24", 1],
    ["Fasi e tempi", null],
    ["Gennaio e febbraio", null],
    ["X", null],
    ["", null],
    [1, null],
    [45292, null],
    [true, null],
    [null, null],
  ])("%j → %p", (value, expected) => {
    expect(readMonthName(value)).toBe(expected);
  });
});

describe("readMonths", () => {
  it.each<[string, number[]]>([
    ["Gennaio - marzo", [1, 2, 3]],
    ["Febbraio - marzo", [2, 3]],
    ["aprile 2024", [4]],
    ["Giugno/settembre", [6, 7, 8, 9]],
    ["Sino a novembre 2024", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ["fino a marzo", [1, 2, 3]],
    ["entro giugno", [1, 2, 3, 4, 5, 6]],
    ["entro il 30 giugno", [1, 2, 3, 4, 5, 6]],
    ["entro fine marzo", [1, 2, 3]],
    ["Da marzo a giugno", [3, 4, 5, 6]],
    ["dal 1 marzo al 30 giugno", [3, 4, 5, 6]],
    ["dal 01/03/2024 al 30/06/2024", [3, 4, 5, 6]],
    ["da ottobre", [10, 11, 12]],
    ["a partire dal mese di settembre", [9, 10, 11, 12]],
    ["Gennaio (buoni spesa) – febbraio (per affitto) – marzo (contributo di solidarietà)", [1, 2, 3]],
    ["ottobre, novembre", [10, 11]],
    ["ottobre e dicembre", [10, 12]],
    ["marzo/giugno/settembre", [3, 6, 9]],
    ["marzo - giugno - settembre", [3, 6, 9]],
    ["gennaio-marzo, giugno-luglio", [1, 2, 3, 6, 7]],
    ["gen. - mar.", [1, 2, 3]],
    ["gennaio 2024 - marzo 2024", [1, 2, 3]],
    ["novembre - febbraio", [1, 2, 11, 12]],
    ["tutto l'anno", all],
    ["Tutto l’anno", all],
    ["intero anno", all],
    ["annuale", all],
    ["gennaio-dicembre", all],
    ["primo semestre", [1, 2, 3, 4, 5, 6]],
    ["1° semestre 2024", [1, 2, 3, 4, 5, 6]],
    ["secondo semestre", [7, 8, 9, 10, 11, 12]],
    ["II semestre", [7, 8, 9, 10, 11, 12]],
    ["I trimestre", [1, 2, 3]],
    ["primo trimestre", [1, 2, 3]],
    ["II trimestre", [4, 5, 6]],
    ["secondo trimestre", [4, 5, 6]],
    ["III trimestre", [7, 8, 9]],
    ["terzo trimestre", [7, 8, 9]],
    ["IV trimestre", [10, 11, 12]],
    ["quarto trimestre", [10, 11, 12]],
    ["I e II trimestre", [1, 2, 3, 4, 5, 6]],
    ["primo quadrimestre", [1, 2, 3, 4]],
    ["31/12/2024", [12]],
    ["entro il 31/12/2024", all],
    ["Dall'1/01/2024", all],
    ["mensile", all],
    ["ogni mese", all],
    ["<p>Marzo</p>", [3]],
    ["Annuale, report a dicembre", [12]],
  ])("%j → %j", (text, expected) => {
    expect(readMonths(text)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RegExp]>([
    ["", /vuoto/],
    ["   ", /vuoto/],
    ["Servizi programmati", /Nessun mese riconosciuto in «Servizi programmati»/],
    ["2024", /Nessun mese/],
    ["semestre", /Nessun mese/],
    ["45/13/2024", /Nessun mese/],
  ])("fails on %j", (text, reason) => {
    const r = readMonths(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});
