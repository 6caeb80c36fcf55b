/**
 * The labels the reader looks for, in normalized form (see `normalizeLabel`: lower case, no
 * accents, single spaces, no trailing colon, known typos fixed). Exact labels are matched with
 * `SheetIndex.find`, prefixes with `SheetIndex.findPrefix`.
 */

export const L = {
  // Structure header (layout A) and label + value pairs (layout C).
  centro: "centro di responsabilita",
  responsabile: "responsabile",
  // Card header row (layout A).
  settore: "settore",
  settoreCoordinamento: "settore responsabile del coordinamento",
  settoriCoinvolti: "settori coinvolti",
  dirigente: "dirigente",
  dirigenti: "dirigenti",
  sistemaPremiante: "sistema premiante",
  title: "obiettivo: descrizione sintetica",
  descriptionPrefix: "descrizione, finalita",
  phasesList: "fasi di attuazione",
  indicators: "indicatori di risultato",
  cronoprogramma: "cronoprogramma",
  fasiETempi: "fasi e tempi",
  tempiRealizzazione: "tempi di realizzazione",
  verificaIntermedia: "verifica intermedia",
  verificaFinale: "verifica finale",
  personalePrefix: "personale",
  costoRisorseInterne: "costo delle risorse interne",
  risorseAggiuntive: "risorse aggiuntive utilizzate",
  centroDiCosto: "centro di costo",
  risorseFinanziarie: "risorse finanziarie assegnate",
  collaboratori: "collaboratori interni",
  costoComplessivoPrefix: "costo complessivo",
  peso: "peso",
  pesoPercent: "peso %",
  // Review columns the add-in adds.
  completedOn: "completata il",
  reviewNote: "note verifica",
  actual: "valore raggiunto",
  // Layout B.
  strutturaPrefix: "struttura",
  tableDescriptionPrefix: "descrizione obiettivi",
  strategicLine: "linea strategica",
  strategicObjective: "obiettivo strategico",
  mission: "missione",
  operationalObjective: "obiettivo operativo",
  staffBPrefix: "dipendenti coinvolti",
  // Layout C.
  definition: "definizione obiettivo",
  phasesColumn: "descrizione/fasi",
} as const;

/** Labels of the card's header row whose value sits in the cell below. */
export const SECTOR_LABELS = [L.settore, L.settoreCoordinamento, L.settoriCoinvolti] as const;
export const OWNER_HEADER_LABELS = [L.dirigente, L.dirigenti] as const;

/** Labels (exact) that open a block of a layout-A card: a table or a zone ends at them. */
const BLOCK_LABELS = new Set<string>([
  L.centro,
  L.settore,
  L.settoreCoordinamento,
  L.settoriCoinvolti,
  L.title,
  L.indicators,
  L.cronoprogramma,
  L.fasiETempi,
  L.tempiRealizzazione,
  L.costoRisorseInterne,
  L.risorseAggiuntive,
  L.centroDiCosto,
  L.risorseFinanziarie,
  L.collaboratori,
  "analisi degli scostamenti",
  L.definition,
]);

/** Label prefixes that open a block. */
const BLOCK_PREFIXES = [
  L.verificaIntermedia,
  L.verificaFinale,
  L.descriptionPrefix,
  L.costoComplessivoPrefix,
  "struttura:",
  L.tableDescriptionPrefix,
  L.staffBPrefix,
] as const;

/** True when the label opens a block (so the table or zone above it has ended). */
export function isBlockLabel(label: string | null): boolean {
  if (label === null) return false;
  if (BLOCK_LABELS.has(label)) return true;
  for (const p of BLOCK_PREFIXES) if (label.startsWith(p)) return true;
  return isStaffHeading(label);
}

/** "PERSONALE COINVOLTO NELL'OBIETTIVO", "PERSONALE PRESUNTO COINVOLTO …". */
export function isStaffHeading(label: string): boolean {
  return label.startsWith(L.personalePrefix) && label.includes("coinvolt");
}

/** Month-mark separators and page-break rules converted from PDFs: "---", "-- | ------ | --". */
export function isRuleText(text: string): boolean {
  return /^[-–—_=\s]{2,}$/.test(text);
}

/**
 * Text that stands for "nothing typed yet": ".. /.. /..", a lone "%", "N.", "N. N. N.", "-",
 * "____". Such cells are empty, not unreadable.
 */
export function isPlaceholder(text: string): boolean {
  const t = text.trim();
  if (t === "") return true;
  if (/^[\s.%/\\_\-–—]*$/.test(t)) return true;
  return /^(n\.\s*)+$/i.test(t);
}
