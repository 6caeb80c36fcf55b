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

/**
 * What each field of a card or table may be called, in normalized form: the one table every
 * reader asks (a header cell is the field when its label is one of these, or starts with one of
 * the `prefixes`). Extended from the domain (the glossary in docs/DOMAIN.md and the SMVP texts
 * real plans use), never from one test file. A label is looked up whole: "responsabile" is the
 * owner in a card header, while "centro di responsabilita" (a structure header) is its own label.
 */
export const FIELD_LABELS = {
  /** Who answers for the objective. */
  owner: {
    exact: [
      "dirigente",
      "dirigenti",
      "responsabile",
      "referente",
      // Normalized labels lose their trailing dot: "Titolare di P.O." is "titolare di p.o".
      "titolare di e.q",
      "titolare di p.o",
      "titolare e.q",
      "titolare p.o",
      "funzionario responsabile",
      "responsabile del servizio",
      "responsabile di servizio",
      "responsabile del settore",
      "responsabile e.q",
      "responsabile p.o",
    ],
    prefixes: ["titolare di ", "titolare incarico", "funzionario responsabile", "dirigente responsabile"],
  },
  /** The organisational unit the objective belongs to. */
  structure: {
    exact: [
      "settore",
      "settore responsabile del coordinamento",
      "settori coinvolti",
      "servizio",
      "servizi",
      "area",
      "struttura",
      "struttura organizzativa",
      "ufficio",
      "unita organizzativa",
      "u.o",
      "centro di responsabilita",
    ],
    prefixes: [],
  },
  /** The objective's (or a phase's) weight. */
  weight: {
    exact: ["peso", "peso %", "peso (%)", "peso%", "punti", "punteggio", "punteggio massimo", "ponderazione", "peso ponderale", "incidenza %", "incidenza"],
    prefixes: [],
  },
  /** An indicator's expected value. */
  target: {
    exact: ["target", "target atteso", "valore obiettivo", "valore target"],
    prefixes: ["valore atteso", "valori attesi", "risultato atteso", "risultati attesi", "target "],
  },
  /** An indicator's achieved value. */
  actual: {
    exact: ["consuntivo", "valore consuntivo", "valore a consuntivo"],
    prefixes: ["valore raggiunto", "valori raggiunti", "risultato raggiunto", "risultati raggiunti", "valore rilevato", "valori rilevati", "valore conseguito", "consuntivo "],
  },
} as const satisfies Record<string, { exact: readonly string[]; prefixes: readonly string[] }>;

export type Field = keyof typeof FIELD_LABELS;

/** True when the normalized label names `field` (see FIELD_LABELS). */
export function isFieldLabel(field: Field, label: string | null): boolean {
  if (label === null) return false;
  const f = FIELD_LABELS[field];
  if ((f.exact as readonly string[]).includes(label)) return true;
  for (const p of f.prefixes as readonly string[]) if (label.startsWith(p)) return true;
  return false;
}

/** Labels of the card's header row whose value sits in the cell below. */
export const SECTOR_LABELS = [L.settore, L.settoreCoordinamento, L.settoriCoinvolti, L.centro, "servizio", "servizi", "area", "struttura", "ufficio", "unita organizzativa", "struttura organizzativa"] as const;
/** The owner's labels in a card header ("Settore | Dirigente | Sistema Premiante", "Settore | Responsabile | …"). */
export const OWNER_HEADER_LABELS = FIELD_LABELS.owner.exact;

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
