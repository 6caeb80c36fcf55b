import { rangeToA1 } from "../cells/a1";
import { defineRule } from "./define";

/**
 * Values the host could not put in the sheet's snapshot (SheetSnapshot.outside, carried in
 * plan.sheets): a few cells far from the data that would have stretched the sheet's grid to
 * millions of empty cells, or cells past Excel's last row or column. They are not read as cards,
 * so the user is told where they are rather than losing them without a word.
 */
export const cellsOutsideRead = defineRule({
  id: "cells-outside-read",
  severity: "warning",
  description: "Valori lontani dai dati (o oltre l'ultima riga o colonna di Excel) che non sono stati letti.",
  messages: {
    far: "Il foglio «{sheet}» ha {cells} celle con valori in {range}, lontane da tutti gli altri dati: non sono lette come schede. Se non servono, cancellarle (Ctrl+Fine porta all'ultima cella usata); se fanno parte di una scheda, spostarle accanto alle altre celle.",
    "beyond-limits":
      "Il foglio «{sheet}» ha {cells} celle con valori in {range}, oltre l'ultima riga o colonna di un foglio Excel: non sono lette e Excel non le mostra. Il file è stato scritto da un altro programma; spostare quei dati dentro il foglio.",
  },
  check({ plan, report }) {
    for (const sheet of plan.sheets) {
      for (const area of sheet.outside ?? []) {
        const at = { sheet: sheet.name, top: area.top, left: area.left, bottom: area.bottom, right: area.right };
        report(area.reason, at, { sheet: sheet.name, cells: area.cells, range: rangeToA1(area) });
      }
    }
  },
});

