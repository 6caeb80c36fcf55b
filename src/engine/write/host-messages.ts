import type { WriteMessage } from "./types";

/**
 * The message both hosts give when a flag cannot be written: its sheet is protected, or it no longer
 * exists. One place, so Excel and the file host say the same thing.
 *
 * @param sheet the flag's sheet as the plan names it
 * @param found the sheet's name in the workbook, or null when it is gone
 */
export function flagSkippedMessage(sheet: string, found: string | null): WriteMessage {
  return found !== null
    ? {
        code: "flag-skipped-protected",
        severity: "warning",
        sheet: found,
        message: `Il foglio «${found}» è protetto: le celle con problemi non sono state colorate né annotate. L'elenco completo è nel foglio Verifica.`,
      }
    : {
        code: "flag-skipped-missing-sheet",
        severity: "warning",
        sheet,
        message: `Il foglio «${sheet}» non esiste più: i suoi problemi sono solo nel foglio Verifica.`,
      };
}
