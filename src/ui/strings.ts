/**
 * Every user-facing string of the task pane and the standalone page, in Italian. Components
 * take their text from here so that wording is reviewed in one place and never hides in JSX.
 */
import type { Severity } from "../engine/model/finding";
import type { ReviewKind } from "../engine/compute/types";

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
  },
  standalone: {
    intro:
      "Office non è disponibile: puoi controllare un file .xlsx direttamente nel browser. Il file non lascia il tuo computer.",
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
    goTo: (sheet: string, range: string) => `Vai a ${sheet}, ${range}`,
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
    liveOn: "Aggiornamento automatico attivo",
    cardPicker: "Scheda",
    cardPickerPlaceholder: "Scegli una scheda",
    cardOption: (number: string | null, title: string, structure: string) =>
      `${number ? `${number}. ` : ""}${title.trim() || "(senza titolo)"} — ${structure}`,
    followSelection: "La scheda segue la cella selezionata in Excel.",
    noCardAtSelection: "La cella selezionata non è in una scheda: scegli una scheda dall'elenco.",
    noCards: "Nella cartella non è stata trovata nessuna scheda obiettivo.",
    notRead: "Premi «Aggiorna lo stato» per leggere le schede.",
    checklistLabel: "Stato della scheda",
    cardFindings: "Segnalazioni sulla scheda",
    noCardFindings: "Nessuna segnalazione su questa scheda.",
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
