import type { CardTemplate, TemplateCell, TemplateValidation } from "../../engine";
import { strings } from "../strings";

/**
 * The add-in's own card (brief: "The add-in's own card"): layout A as in the Casorate plan, with
 * a "Peso %" column after "Fasi e tempi" in the cronoprogramma so that phase weights always have
 * a home, and data validation on the cells where typing mistakes are common. The engine reads
 * it back as layout "addin" (test/ui/logic/new-card.test.ts runs it through `analyse`).
 */

const MONTHS = ["Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno", "Luglio", "Agosto", "Settembre", "Ottobre", "Novembre", "Dicembre"];
/** "Fasi e tempi" + "Peso %" + twelve months. */
const WIDTH = 14;
const PHASE_ROWS = 5;
const INDICATOR_ROWS = 4;
const STAFF_ROWS = 5;
const REVIEW_ROWS = [
  ["Media valore raggiunto", "%"],
  ["Media rispetto dei tempi", "%"],
  ["Analisi degli scostamenti", ""],
  ["Cause", ""],
  ["Effetti (rispetto all'obj)", ""],
  ["Provvedimenti correttivi", ""],
  ["Intrapresi", ""],
  ["Da attivare", ""],
] as const;
const RESOURCES = ["Servizi esterni", "Attrezzature Specifiche", "Utenze", "Costi indiretti"];

export interface NewCardOptions {
  /** Plan year written in the heading ("1. OBIETTIVO DI MIGLIORAMENTO 2025"). */
  year: number;
  /** Objective number within its structure. */
  number?: number;
}

/** The template of a new, empty card. */
export function buildNewCard({ year, number = 1 }: NewCardOptions): CardTemplate {
  const t = strings.newCard;
  const cells: TemplateCell[] = [];
  const merges: CardTemplate["merges"] = [];
  const validations: TemplateValidation[] = [];
  const set = (row: number, col: number, value: string | number, style: Omit<TemplateCell, "row" | "col" | "value"> = {}) =>
    cells.push({ row, col, value, ...style });
  const head = { bold: true, border: true } as const;
  const box = { border: true } as const;

  let r = 0;
  set(r, 0, `${number}. OBIETTIVO DI MIGLIORAMENTO ${year}`, { bold: true });
  merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
  r += 2;
  set(r, 0, "Settore", head);
  set(r, 1, "Dirigente", head);
  set(r, 2, "Sistema Premiante", head);
  // Structure and owner are left empty for the responsabile; the bonus flag is SI/NO.
  validations.push({ top: r + 1, left: 2, bottom: r + 1, right: 2, rule: { kind: "list", values: ["SI", "NO"] }, prompt: t.yesNoPrompt, error: t.yesNoError });
  r += 2;
  set(r, 0, "Obiettivo: Descrizione Sintetica", { bold: true });
  const titleRow = r;
  r += 1;
  set(r, 0, "Descrizione, finalità e risultati attesi", { bold: true, wrap: true });
  set(r, 1, "Fasi di attuazione:", { wrap: true });
  r += 3;

  set(r, 0, "Indicatori di risultato", { bold: true });
  merges.push({ top: r, left: 0, bottom: r, right: 2 });
  set(r + 1, 0, "Descrizione", head);
  set(r + 1, 1, "Valore atteso Rispetto scadenze:", head);
  set(r + 1, 2, "Valore raggiunto", head);
  r += 2 + INDICATOR_ROWS + 1;

  set(r, 0, "Cronoprogramma", { bold: true });
  merges.push({ top: r, left: 0, bottom: r, right: WIDTH - 1 });
  set(r + 1, 0, "Fasi e tempi", head);
  set(r + 1, 1, "Peso %", head);
  MONTHS.forEach((m, i) => set(r + 1, 2 + i, m, head));
  const firstPhase = r + 2;
  for (let i = 0; i < PHASE_ROWS; i++) set(firstPhase + i, 0, i + 1, box);
  const lastPhase = firstPhase + PHASE_ROWS - 1;
  validations.push({
    top: firstPhase,
    left: 1,
    bottom: lastPhase,
    right: 1,
    rule: { kind: "decimal", min: 0, max: 100 },
    prompt: t.phaseWeightPrompt,
    error: t.percentError,
  });
  validations.push({
    top: firstPhase,
    left: 2,
    bottom: lastPhase,
    right: WIDTH - 1,
    rule: { kind: "list", values: ["X"] },
    prompt: t.monthPrompt,
    error: t.monthError,
  });
  r = lastPhase + 2;

  set(r, 0, "Verifica Intermedia del .. /.. /..", { bold: true });
  set(r, 2, "Verifica Intermedia del .. /.. /..", { bold: true });
  REVIEW_ROWS.forEach(([label, unit], i) => {
    set(r + 1 + i, 0, label);
    if (unit) set(r + 1 + i, 1, unit);
    set(r + 1 + i, 2, label);
    if (unit) set(r + 1 + i, 3, unit);
  });
  r += 1 + REVIEW_ROWS.length + 1;

  set(r, 0, "PERSONALE COINVOLTO NELL' OBIETTIVO", { bold: true });
  merges.push({ top: r, left: 0, bottom: r, right: 5 });
  set(r + 2, 0, "Collaboratori interni", { bold: true });
  ["Cat.", "Cognome e nome", "% partecipazione", "Costo orario", "n. ore dedicate", "Costo della risorsa"].forEach((h, i) => set(r + 3, i, h, head));
  const firstStaff = r + 4;
  const lastStaff = firstStaff + STAFF_ROWS - 1;
  validations.push({
    top: firstStaff,
    left: 2,
    bottom: lastStaff,
    right: 2,
    rule: { kind: "decimal", min: 0, max: 100 },
    prompt: t.participationPrompt,
    error: t.percentError,
  });
  validations.push({
    top: firstStaff,
    left: 3,
    bottom: lastStaff,
    right: 4,
    rule: { kind: "decimal", min: 0, max: 1_000_000 },
    prompt: t.amountPrompt,
    error: t.amountError,
  });
  set(lastStaff + 1, 0, "COSTO DELLE RISORSE INTERNE", { bold: true });
  r = lastStaff + 3;

  set(r, 0, "RISORSE AGGIUNTIVE UTILIZZATE", { bold: true });
  merges.push({ top: r, left: 0, bottom: r, right: 2 });
  set(r + 2, 0, "Tipologia", head);
  set(r + 2, 1, "Descrizione", head);
  set(r + 2, 2, "Costo", head);
  RESOURCES.forEach((k, i) => set(r + 3 + i, 0, k, box));
  set(r + 3 + RESOURCES.length, 0, "COSTO COMPLESSIVO DELL' OBIETTIVO", { bold: true });

  const columnWidths: Record<number, number> = { 0: 34, 1: 30, 2: 24 };
  for (let c = 3; c < WIDTH; c++) columnWidths[c] = 11;
  return { sheetName: t.sheetName, cells, merges, validations, columnWidths, select: { row: titleRow, col: 1 } };
}
