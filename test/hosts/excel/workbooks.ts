/**
 * Workbooks for the Excel host tests, built in the fake from literals: vertical cards (layout A
 * of the domain brief) stacked on sheets, and large filler sheets for the transfer limits.
 */
import type { CellValue } from "../../../src/engine/model/snapshot";
import { FakeExcel, type FakeExcelOptions, type SheetModel } from "./fake-excel";

const MONTHS = ["Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"];

/** Rows of one vertical card (about 30 × 14), numbered `n`. */
export function cardRows(n: number, structure = "POLIZIA LOCALE"): CellValue[][] {
  const schedule: CellValue[][] = [1, 2, 3].map((phase) => [phase, ...MONTHS.map((_, m) => (m >= phase * 2 && m < phase * 2 + 3 ? "X" : null))]);
  return [
    [`${n}.OBIETTIVO DI MIGLIORAMENTO 2024`],
    [],
    ["Settore", "Dirigente", "Sistema Premiante"],
    [structure, "MICHELE RALLO", "Costo fuori orario", "Premio"],
    [],
    ["Obiettivo: Descrizione Sintetica", `CONTROLLO DEL TERRITORIO N. ${n} PER LA SICUREZZA STRADALE`],
    ["Descrizione, finalità da perseguire", "Il Servizio di Polizia Locale rappresenta uno strumento di controllo del territorio."],
    ["Fasi di attuazione", "1. Pianificazione\n2. Servizi sul territorio\n3. Rendicontazione"],
    [],
    ["Indicatori di risultato"],
    ["Descrizione", "Valore atteso (Rispetto scadenze:)", "Valore raggiunto"],
    ["Numero di servizi", 40, null],
    ["Verbali elevati", "≥ 80%", null],
    [],
    ["Cronoprogramma"],
    ["Fasi e tempi", ...MONTHS],
    ...schedule,
    [],
    ["Verifica Intermedia del .. /.. /..", null, null, null, "Verifica Intermedia del .. /.. /.."],
    ["Media valore raggiunto", null, "%", null, "Media valore raggiunto", null, "%"],
    ["Media rispetto dei tempi", null, "%", null, "Media rispetto dei tempi", null, "%"],
    [],
    ["PERSONALE COINVOLTO NELL'OBIETTIVO"],
    ["Cat.", "Cognome e nome", "% partecipazione", "Costo orario", "n. ore dedicate", "Costo della risorsa"],
    ["D3", "RALLO MICHELE", 0.2, null, null, null],
    ["C1", "FORMIGONI OMAR", 0.4, null, null, null],
    ["C1", "BORDONI MARJSTELLA", 0.4, null, null, null],
    [],
  ];
}

export const CARD_HEIGHT = cardRows(1).length;

/**
 * A workbook of `cards` cards spread over sheets of at most `perSheet` cards each, with the
 * percent cells formatted as Excel does.
 */
export function cardWorkbook(cards: number, perSheet = 20, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(options);
  let sheet: SheetModel | null = null;
  let onSheet = 0;
  for (let n = 1; n <= cards; n++) {
    if (!sheet || onSheet === perSheet) {
      sheet = fake.addSheet(`Schede ${fake.sheets.length + 1}`);
      onSheet = 0;
    }
    const top = onSheet * CARD_HEIGHT;
    sheet.put(`A${top + 1}`, cardRows(n));
    for (let r = 0; r < 3; r++) sheet.touch(top + 26 + r, 2).numberFormat = "0%";
    sheet.merges.push({ top, left: 0, bottom: top, right: 5 });
    onSheet++;
  }
  return fake;
}

/** A sheet of `rows` × `cols` short texts ("R12C3"), to pass the payload limits. */
export function fillerSheet(fake: FakeExcel, name: string, rows: number, cols: number, text = (r: number, c: number): string => `R${r}C${c}`): SheetModel {
  const sheet = fake.addSheet(name);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) sheet.touch(r, c).value = text(r, c);
  return sheet;
}
