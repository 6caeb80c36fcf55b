import { type ListItem, readPhaseNumber, splitList } from "../../../src/engine/values";
import type { CellValue } from "../../../src/engine/model/snapshot";

describe("readPhaseNumber", () => {
  it.each<[CellValue, string | null]>([
    ["1", "1"],
    ["1.1.", "1.1"],
    ["1.2 ", "1.2"],
    [" 2.3", "2.3"],
    ["3.1.", "3.1"],
    ["1.10", "1.10"],
    ["01", "1"],
    ["1)", "1"],
    [1, "1"],
    [2.1, "2.1"],
    ["Fase 3", "3"],
    ["fase 2.1", "2.1"],
    ["FASE N. 4", "4"],
    ["III", null],
    ["Servizi programmati", null],
    ["Fase: coordinamento", null],
    ["1. programmazione", null],
    ["", null],
    [null, null],
    [true, null],
    [-1, null],
    [Number.NaN, null],
    [1e-7, null],
  ])("%j → %p", (value, expected) => {
    expect(readPhaseNumber(value)).toBe(expected);
  });
});

const n = (number: string | null, text: string): ListItem => ({ number, text });

describe("splitList", () => {
  it.each<[string, ListItem[]]>([
    ["", []],
    ["   \n  ", []],
    ["1. Foo 2. Bar 3. Baz", [n("1", "Foo"), n("2", "Bar"), n("3", "Baz")]],
    ["1) foo 2) bar", [n("1", "foo"), n("2", "bar")]],
    ["1. Analisi;\n2. Redazione.", [n("1", "Analisi"), n("2", "Redazione")]],
    ["- uno\n- due\n• tre\n· quattro", [n(null, "uno"), n(null, "due"), n(null, "tre"), n(null, "quattro")]],
    ["a) primo\nb) secondo", [n("a", "primo"), n("b", "secondo")]],
    ["a) primo b) secondo c) terzo", [n("a", "primo"), n("b", "secondo"), n("c", "terzo")]],
    ["Fasi di attuazione:\n1. Analisi\n2. Redazione", [n("1", "Analisi"), n("2", "Redazione")]],
    ["Fasi di attuazione: 1. Analisi 2. Redazione", [n("1", "Analisi"), n("2", "Redazione")]],
    ["Le fasi sono: 1. uno 2. due", [n("1", "uno"), n("2", "due")]],
    ["Autodichiarazione ex art. 46 dpr 445/2000", [n(null, "Autodichiarazione ex art. 46 dpr 445/2000")]],
    ["Adempimento L. 190/2012", [n(null, "Adempimento L. 190/2012")]],
    ["Finanziamento € 121.992,00", [n(null, "Finanziamento € 121.992,00")]],
    ["Avviso Investimento 1.4.1 e Investimento 1.2", [n(null, "Avviso Investimento 1.4.1 e Investimento 1.2")]],
    ["Vedi punto 1. sopra", [n(null, "Vedi punto 1. sopra")]],
    ["1.1 Analisi\n1.2 Redazione", [n("1.1", "Analisi"), n("1.2", "Redazione")]],
    ["1. Analisi del contesto\ne dei bisogni\n2. Redazione", [n("1", "Analisi del contesto e dei bisogni"), n("2", "Redazione")]],
    ["Uno\nDue", [n(null, "Uno"), n(null, "Due")]],
    ["<ol><li>Uno</li><li>Due</li></ol>", [n("1", "Uno"), n("2", "Due")]],
    ["<ol><li>1. Uno</li><li>2. Due</li></ol>", [n("1", "Uno"), n("2", "Due")]],
    ["<ul><li>Uno</li><li>Due</li></ul>", [n(null, "Uno"), n(null, "Due")]],
    ["<p>Fasi di attuazione:</p> <p>-Mantenimento dei servizi</p> <p>-Donazione organi</p>", [n(null, "Mantenimento dei servizi"), n(null, "Donazione organi")]],
    [
      "Fasi di attuazione: <ol style=\"list-style-type: none\"> 1. Proseguire nel recepimento delle novità normative 2. Aggiornamento annuale P.T.P.C. 3. Aggiornamento sito/amministrazione trasparente 4. Adempimento art. 1 c. 32 legge 190/2012",
      [
        n("1", "Proseguire nel recepimento delle novità normative"),
        n("2", "Aggiornamento annuale P.T.P.C."),
        n("3", "Aggiornamento sito/amministrazione trasparente"),
        n("4", "Adempimento art. 1 c. 32 legge 190/2012"),
      ],
    ],
    [
      '<p>Il presente obiettivo persegue la finalità di garantire la presenza.</p> <p>Fasi di attuazione:</p> <ol style="list-style-type: none"> 1. programmazione dei servizi; 2. Turni degli Agenti coordinati dal Servizio P.L. per ogni manifestazione;',
      [n("1", "programmazione dei servizi"), n("2", "Turni degli Agenti coordinati dal Servizio P.L. per ogni manifestazione")],
    ],
    [
      "<p>4) le modalità ed i tempi;</p> <p>5) le modalità di misura;</p> <p>g) il prevalente svolgimento;</p> <p>h) la rotazione.</p>",
      [n("4", "le modalità ed i tempi"), n("5", "le modalità di misura"), n("g", "il prevalente svolgimento"), n("h", "la rotazione")],
    ],
  ])("%j", (text, expected) => {
    expect(splitList(text)).toEqual(expected);
  });
});
