/**
 * Every user-facing string of the task pane and the standalone page, in Italian. Components
 * take their text from here so that wording is reviewed in one place and never hides in JSX.
 */
import type { ReviewKind, Severity } from "../engine";

/** 87.456 → "87,5"; 100 → "100". */
export function formatNumber(n: number, maximumFractionDigits = 1): string {
  return n.toLocaleString("it-IT", { maximumFractionDigits });
}

/** 87.456 → "87,5%". */
export function formatPercent(n: number | null): string {
  return n === null ? "—" : `${formatNumber(n)}%`;
}

/** "2025-03-31" → "31/03/2025". */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Text cut to `max` characters at a word boundary, with "…": "Servizi demografici e…", never "Servizi demog…". */
export function shortenAtWord(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  // A single very long word is cut where it must be.
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.\-–—]+$/, "")}…`;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const strings = {
  appTitle: "Schede Obiettivo",
  loading: "Caricamento…",
  roles: {
    label: "Ruolo",
    responsabile: "Responsabile",
    segretario: "Segretario",
    nucleo: "Nucleo",
    hint: {
      responsabile: "Compila le tue schede e controllane lo stato.",
      segretario: "Verifica l'intera cartella prima della Giunta.",
      nucleo: "Calcola medie e punteggi della verifica.",
    },
  },
  severity: {
    error: "Errore",
    warning: "Avviso",
    info: "Nota",
  } satisfies Record<Severity, string>,
  severityPlural: {
    error: (n: number) => plural(n, "errore", "errori"),
    warning: (n: number) => plural(n, "avviso", "avvisi"),
    info: (n: number) => plural(n, "nota", "note"),
  } satisfies Record<Severity, (n: number) => string>,
  progress: {
    label: "Avanzamento",
    reading: "Lettura dei fogli",
    analysing: "Analisi delle schede",
    computing: "Calcolo di medie e punteggi",
    writing: "Scrittura nella cartella",
    openingFile: "Apertura del file",
    preparingCopy: "Preparazione della copia annotata",
    preparingNewCard: "Preparazione della nuova scheda",
    done: "Fatto",
  },
  errors: {
    title: "Operazione non riuscita",
    unexpected: (detail: string) => `Si è verificato un errore imprevisto: ${detail}`,
    noWorkbook: "Nessuna cartella aperta.",
    startupTitle: "Schede Obiettivo non è partito",
    startup: (detail: string) =>
      `Impossibile avviare Schede Obiettivo: ${detail}. Chiudere e riaprire il riquadro; se il problema si ripete, rivolgersi all'assistenza.`,
    startupDetails: "Dettagli",
    chunkLoad: "una parte del componente non è stata scaricata (connessione assente o interrotta)",
    dismiss: "Chiudi il messaggio",
    /** Going to cells failed (a finding's, a block's, a card's, a sheet just written). */
    selectFailed: (sheet: string, range: string, detail: string) =>
      `Impossibile selezionare ${range === "A1" ? "il foglio" : `le celle ${range} del foglio`} «${sheet}»: ${detail}`,
    /** The card cannot follow the selection: the active cell could not be read or followed. */
    selectionNotFollowed: (detail: string) =>
      `La scheda non segue la cella selezionata: ${detail}. Scegli la scheda dall'elenco.`,
  },
  live: {
    /** Watching the typing could not start. */
    notActive: (detail: string) =>
      `Il controllo durante la digitazione non è attivo: ${detail}. Premi «Aggiorna lo stato» dopo aver modificato la scheda.`,
    /** A card changed but could not be checked again, or its flags could not be refreshed. */
    recheckFailed: (detail: string) =>
      `Il controllo durante la digitazione non ha potuto ricontrollare la scheda: ${detail}. Premi «Aggiorna lo stato».`,
  },
  standalone: {
    intro:
      "Stai usando la versione web: apri un file .xlsx per controllarlo qui nel browser. Il file non lascia il tuo computer.",
    openFile: "Apri file .xlsx",
    openFileInput: "Scegli un file .xlsx da controllare",
    opened: (name: string) => `File aperto: ${name}`,
    download: "Scarica copia annotata",
    downloadHint: "La copia contiene i fogli di verifica, le tabelle e le formule; il file originale non cambia.",
    downloaded: (name: string) => `Copia annotata scaricata: ${name}`,
    annotatedName: (name: string) => `${name.replace(/\.xlsx$/i, "")}-annotato.xlsx`,
    writtenToCopy: "Fatto nella copia in memoria: scaricala con «Scarica copia annotata».",
    openFirst: "Apri un file .xlsx per vedere le schede, le segnalazioni e i punteggi.",
  },
  openFailure: {
    /** Prefix for a reader's message, so the user knows which file it is about. */
    about: (name: string, message: string) => `«${name}»: ${message}`,
    emptyFile: (name: string) =>
      `«${name}» è vuoto (0 byte): il salvataggio o lo scaricamento potrebbe non essere finito. Salvare di nuovo la cartella in Excel come .xlsx e riaprirla qui.`,
    ods: (name: string) =>
      `«${name}» è un foglio di calcolo di LibreOffice (.ods), non una cartella .xlsx. Aprirlo in LibreOffice Calc, scegliere File › Salva con nome, come tipo «Excel 2007-365 (.xlsx)», e aprire qui il file .xlsx salvato.`,
    otherOpenDocument: (name: string) =>
      `«${name}» è un documento di LibreOffice, non un foglio di calcolo: aprire qui la cartella .xlsx con le schede obiettivo.`,
    notXlsx: (name: string) =>
      `«${name}» non è una cartella di lavoro Excel: il contenuto è testo o un altro tipo di file, anche se il nome finisce in .xlsx. Aprire la cartella originale in Excel e salvarla come .xlsx.`,
  },
  noCards: {
    title: "Nessuna scheda obiettivo trovata",
    text: "La cartella non contiene schede obiettivo, quindi non ci sono controlli né punteggi. Il componente cerca le intestazioni «Obiettivo: Descrizione Sintetica» (scheda), «N° | Descrizione Obiettivi | Peso %» (tabella degli obiettivi) o «DEFINIZIONE OBIETTIVO».",
  },
  writeReport: {
    incomplete: "Scrittura non completa",
    detailsLabel: "Dettagli della scrittura",
  },
  preview: {
    title: "Cella selezionata",
    at: (sheet: string, range: string) => `Foglio «${sheet}», cella ${range}`,
    tableLabel: (sheet: string, range: string) => `Contenuto intorno a ${range} nel foglio ${sheet}`,
    close: "Chiudi l'anteprima",
    empty: "Il foglio non contiene questa cella.",
    value: (cell: string) => `Contenuto di ${cell}:`,
  },
  findings: {
    listLabel: "Segnalazioni",
    none: "Nessuna segnalazione: la cartella è in ordine.",
    noStructure: "Senza struttura",
    count: (n: number) => plural(n, "segnalazione", "segnalazioni"),
    goTo: (sheet: string, range: string) => `Vai al foglio ${sheet}, ${range}`,
    groupLabel: (name: string, n: number) => `${name}: ${plural(n, "segnalazione", "segnalazioni")}`,
    sheet: (name: string) => `Foglio ${name}`,
    summary: (errors: number, warnings: number, infos: number) =>
      `${plural(errors, "errore", "errori")}, ${plural(warnings, "avviso", "avvisi")}, ${plural(infos, "nota", "note")}`,
  },
  responsabile: {
    title: "La tua scheda",
    refresh: "Aggiorna lo stato",
    newCard: "Nuova scheda",
    newCardHint: "Inserisce un foglio con la scheda del componente aggiuntivo, con i controlli sui dati.",
    newCardDone: (sheet: string) => `Scheda inserita nel foglio «${sheet}».`,
    newCardUnavailable: "Per inserire una nuova scheda serve una cartella aperta.",
    newCardDownloadHint:
      "Scarica una nuova cartella .xlsx con una scheda vuota del componente, con i controlli sui dati, da compilare in Excel; il file aperto qui non cambia.",
    newCardFileName: (year: number) => `nuova-scheda-${year}.xlsx`,
    newCardDownloaded: (name: string) => `Scheda vuota scaricata: ${name}. Aprila in Excel per compilarla.`,
    liveOn: "Aggiornamento automatico attivo",
    cardPicker: "Scheda",
    cardPickerPlaceholder: "Scegli una scheda",
    /** Fluent's Dropdown labels its (hidden) clear button in English otherwise. */
    cardPickerClear: "Togli la scheda scelta",
    cardOption: (number: string | null, title: string, structure: string) =>
      `${number ? `${number}. ` : ""}${title.trim() || "(senza titolo)"} — ${structure}`,
    followSelection: "La scheda segue la cella selezionata in Excel.",
    noCardAtSelection: "La cella selezionata non è in una scheda: scegli una scheda dall'elenco.",
    notRead: "Premi «Aggiorna lo stato» per leggere le schede.",
    checklistLabel: "Stato della scheda",
    cardFindings: "Segnalazioni sulla scheda",
    noCardFindings: "Nessuna segnalazione su questa scheda.",
    noCardFindingsButChecklist: "Nessuna segnalazione dei controlli su questa scheda; restano da vedere le voci segnate qui sopra.",
    goToCard: "Vai alla scheda",
    status: { ok: "Completo", warning: "Da controllare", error: "Da correggere" },
    check: {
      title: "Titolo e descrizione",
      weight: "Peso dell'obiettivo",
      indicators: "Indicatori con valore atteso",
      phases: "Fasi di attuazione",
      phaseWeights: "Pesi delle fasi (totale 100%)",
      schedule: "Cronoprogramma",
      staff: "Personale coinvolto (totale 100%)",
    },
    detail: {
      titleMissing: "Scrivere il titolo dell'obiettivo accanto a «Obiettivo: Descrizione Sintetica».",
      titleMissingDescription: "Manca la descrizione dell'obiettivo.",
      titleOk: "Titolo e descrizione presenti.",
      weightMissing: "Indicare il peso dell'obiettivo nella struttura.",
      weightText: (text: string) => `Peso scritto come testo: «${text}».`,
      weightOk: (w: string) => `Peso: ${w}.`,
      indicatorsNone: "Aggiungere almeno un indicatore di risultato.",
      indicatorsIncomplete: (n: number) =>
        n === 1 ? "1 indicatore senza descrizione o valore atteso." : `${n} indicatori senza descrizione o valore atteso.`,
      indicatorsOk: (n: number) => (n === 1 ? "1 indicatore completo." : `${n} indicatori completi.`),
      phasesNone: "Elencare le fasi di attuazione.",
      phasesOk: (n: number) => (n === 1 ? "1 fase." : `${n} fasi.`),
      phaseWeightsNone: "Nessuna fase ha un peso: il rispetto dei tempi sarà una media semplice.",
      phaseWeightsPartial: "Alcune fasi hanno un peso e altre no.",
      phaseWeightsSum: (total: string) => `I pesi delle fasi sommano a ${total}%: devono fare 100%.`,
      phaseWeightsOk: "I pesi delle fasi sommano a 100%.",
      scheduleMissing: (n: number) =>
        n === 1 ? "1 fase senza mesi nel cronoprogramma." : `${n} fasi senza mesi nel cronoprogramma.`,
      scheduleUnmatched: (n: number) =>
        n === 1 ? "1 riga del cronoprogramma non corrisponde a nessuna fase." : `${n} righe del cronoprogramma non corrispondono a nessuna fase.`,
      scheduleOk: "Ogni fase ha i suoi mesi.",
      staffNone: "Indicare il personale coinvolto.",
      staffSum: (total: string) => `La partecipazione del personale somma a ${total}%: dovrebbe fare 100%.`,
      staffOk: (n: number) => (n === 1 ? "1 persona, partecipazione 100%." : `${n} persone, partecipazione 100%.`),
    },
  },
  newCard: {
    sheetName: "Nuova scheda",
    yesNoPrompt: "SI o NO",
    yesNoError: "Scrivere SI o NO.",
    phaseWeightPrompt: "Peso della fase in % dell'obiettivo (0–100). I pesi delle fasi sommano a 100.",
    percentError: "Inserire una percentuale tra 0 e 100 (senza il simbolo %).",
    monthPrompt: "Segnare con X i mesi in cui si svolge la fase.",
    monthError: "Nel cronoprogramma si segna il mese con X, oppure si lascia vuoto.",
    participationPrompt: "Quota del tempo della persona sull'obiettivo, in % (0–100).",
    amountPrompt: "Un numero (euro o ore).",
    amountError: "Inserire un numero positivo.",
  },
  segretario: {
    title: "Verifica della cartella",
    check: "Verifica cartella",
    checkedAt: (n: number) => `Schede lette: ${n}.`,
    moreActions: "Scrivi nella cartella",
    createTables: "Crea tabelle strutturate",
    createTablesHint: "Aggiunge i fogli del componente con tabelle Excel di obiettivi, fasi e indicatori.",
    giuntaSummary: "Riepilogo per la Giunta",
    giuntaSummaryHint: "Aggiunge il foglio di riepilogo per strutture da presentare alla Giunta.",
    written: "Fogli del componente aggiornati nella cartella.",
    clear: "Rimuovi i contenuti del componente",
    clearHint: "Toglie i fogli, le colonne e i segni aggiunti dal componente; i dati delle schede restano.",
    clearConfirmTitle: "Rimuovere i contenuti del componente?",
    clearConfirmText:
      "Verranno tolti i fogli generati (con le correzioni del Nucleo sul foglio dei punteggi), le colonne aggiunte per le verifiche e i colori e le note sulle celle. I valori scritti nelle schede non cambiano.",
    clearConfirm: "Rimuovi",
    clearCancel: "Annulla",
    cleared: "Contenuti del componente rimossi dalla cartella.",
    summaryTitle: "Riepilogo",
  },
  reading: {
    title: "Come è stata letta la cartella",
    hint: "Per ogni obiettivo: da quali celle è stato letto, come la riga della tabella dei pesi è stata collegata alla scheda, da dove vengono le fasi.",
    structure: (name: string, n: number) => `${name} (${plural(n, "obiettivo", "obiettivi")})`,
    objectivesOf: (name: string) => `Obiettivi di ${name}`,
    objective: (number: string | null, title: string) => `${number ? `${number}. ` : ""}${title || "(senza titolo)"}`,
    join: (text: string) => `Collegamento: ${text}.`,
    goTo: (label: string, address: string) => `Vai a ${label}: ${address}`,
    phases: (list: string) => `Fasi: ${list}.`,
    phase: (number: string, origin: readonly string[]) =>
      `${number} da ${origin.length === 0 ? "scheda" : origin.map((o) => ({ list: "elenco", schedule: "cronoprogramma", table: "tabella", card: "scheda" })[o] ?? o).join(" e ")}`,
  },
  nucleo: {
    title: "Valutazione",
    reviewDate: "Data della verifica",
    reviewKind: "Tipo di verifica",
    reviewKinds: { interim: "Verifica intermedia", final: "Verifica finale" } satisfies Record<ReviewKind, string>,
    compute: "Calcola medie e punteggi",
    writeFormulas: "Scrivi nel foglio (formule)",
    writeHint: "Scrive medie e punteggi come formule di Excel sulle celle da cui provengono.",
    written: "Medie e punteggi scritti nella cartella come formule.",
    notComputed: "Scegli data e tipo di verifica, poi calcola medie e punteggi.",
    chartTitle: "Punteggio per responsabile",
    chartDescription: (n: number) => `Grafico a barre dei punteggi di ${plural(n, "responsabile", "responsabili")}, da 0 a 100.`,
    chartBar: (owner: string, score: string, band: string | null) => `${owner}: ${score}${band ? `, fascia ${band}` : ""}`,
    chartEmpty: "Nessun punteggio da mostrare.",
    ownersTable: "Punteggi dei responsabili",
    objectivesTable: "Punteggi degli obiettivi",
    col: {
      owner: "Responsabile",
      structure: "Struttura",
      score: "Punteggio",
      band: "Fascia",
      objective: "Obiettivo",
      weight: "Peso",
      achievement: "Media valore raggiunto",
      timeliness: "Media rispetto dei tempi",
      computed: "Calcolato",
      final: "Finale",
      actions: "Correzione",
    },
    noOwner: "Responsabile non indicato",
    override: "Correggi",
    overrideLabel: (title: string) => `Correggi il punteggio di ${title}`,
    overrideTitle: "Correzione del Nucleo",
    overrideValue: "Raggiungimento stabilito dal Nucleo (%)",
    overrideNote: "Motivazione",
    overrideNoteHint: "Resta scritta accanto al valore calcolato.",
    overrideSave: "Applica correzione",
    overrideRemove: "Togli correzione",
    overrideCancel: "Annulla",
    overrideInvalid: "Inserire un numero tra 0 e 100.",
    overrideNoteRequired: "Scrivere la motivazione della correzione.",
    overridden: (value: string, note: string | null) => `Corretto a ${value}${note ? ` — ${note}` : ""}`,
    computedBeside: (value: string) => `calcolato ${value}`,
    filterLabel: "Filtra i punteggi",
    filterStructure: "Struttura",
    allStructures: "Tutte le strutture",
    filterSearch: "Cerca obiettivo o responsabile",
    filterCount: (shown: number, total: number) => `${plural(shown, "obiettivo", "obiettivi")} su ${total}.`,
    showMore: (next: number, left: number) => `Mostra altri ${next} (ne restano ${left})`,
    actualsMissing:
      "Valori raggiunti mancanti: scriverli nella colonna «Valore raggiunto» della scheda (se manca, la aggiunge «Scrivi nel foglio»).",
    notComputable: "non calcolabile",
    notComputableHint: "Nessun valore registrato: medie e punteggio non calcolabili.",
    methodology: "Metodologia",
    methodologyFromSheet: "Come nel foglio Metodologia",
    methodologyHint: "Un modello scelto qui è usato nel calcolo e scritto nel foglio Metodologia del componente.",
    whatIfTitle: "Anteprima del cambio di metodologia",
    whatIfOwners: "Responsabili: punteggio e fascia prima → dopo",
    whatIfMoved: "Obiettivi che cambiano di più",
    whatIfNone: "Nessun punteggio cambia.",
    whatIfChange: (before: string, after: string) => `${before} → ${after}`,
  },
} as const;

export type Strings = typeof strings;
