import { hostMessage } from "./reconcile/messages";
import type { Methodology } from "../compute/methodology";
import type { ObjectiveSchedule, ReviewKind, Scores } from "../compute/types";
import type { Finding } from "../model/finding";
import type { Plan } from "../model/plan";
import type { SheetSnapshot } from "../model/snapshot";
import { asOfReference, ownerLayout, scoreLayout, scoresSheet } from "./scores";
import { summarySheet } from "./summary";
import { reportSheet } from "./report";
import { objectiveEntries, type WriteContext } from "./context";
import { buildFlags } from "./flags";
import { findingsSheet, orphanNoteMessages, previousFindingNotes } from "./findings";
import { editedSheetMessages, sheetFingerprint } from "./fingerprint";
import { indicatorLayout, indicatorsSheet } from "./indicators";
import { methodologyRefs, methodologySheet } from "./methodology";
import { hasOwnedSheetMarker, isStateSheetName, readOwnershipRecord, type OwnershipState } from "./ownership";
import { phaseLayout, phasesSheet } from "./phases";
import { objectivesSheet, scheduleSheet, staffSheet } from "./plan-tables";
import { planReviewColumns } from "./review-columns";
import { resolveSheetNames, sheetNameOf } from "./sheets";
import type { OwnedSheet, OwnershipRecord, PageSetup, WriteMessage, WritePlan } from "./types";

export type { WritePlan } from "./types";
export { userSnapshots, readOwnershipRecord, encodeOwnershipRecord, decodeOwnershipRecord, OWNED_SHEET_MARKER } from "./ownership";
export { planReviewColumns, withAddedCells } from "./review-columns";

export interface BuildWritePlanInput {
  plan: Plan;
  findings: Finding[];
  schedules: ObjectiveSchedule[];
  scores: Scores;
  methodology: Methodology;
  /** Every sheet of the workbook, the add-in's state sheet (SO_Stato) included when the host has it. */
  snapshots: readonly SheetSnapshot[];
  /**
   * The review being prepared: adds the "Completata il" / "Note verifica" / "Valore raggiunto"
   * columns. Absent or null: no columns are added (a plan check before approval).
   */
  review?: ReviewKind | null;
  /** The ownership record, for hosts whose snapshots do not include SO_Stato. */
  ownership?: OwnershipRecord | null;
  /**
   * The methodology was chosen in the add-in (a preset, a what-if), not read from the sheet: the
   * add-in's own Metodologia sheet is rewritten with it. A user's own Metodologia is never
   * rewritten (the formulas then carry the chosen figures, and a message says so).
   */
  methodologyChosen?: boolean;
}

/**
 * Every change the add-in makes to a workbook, as data: its sheets (Verifica, Punteggi,
 * Obiettivi, Fasi, Indicatori, Cronoprogramma, Personale, Metodologia) with real tables and
 * live formulas whose cached results are the engine's figures, flags (fill + note) on the user
 * cells of error and warning findings, and, when a review is prepared, the review columns beside
 * the cards. Pure: hosts apply it, first undoing what the ownership record says they added last
 * time. Sheet names a user already took get a "(SO)" suffix, reported in `messages`.
 */
export function buildWritePlan(input: BuildWritePlanInput): WritePlan {
  const { plan, findings, schedules, scores, methodology, snapshots } = input;
  const state: OwnershipState = input.ownership ? { status: "ok", record: input.ownership } : readOwnershipRecord(snapshots);
  const record = state.record;
  const messages: WriteMessage[] = [];
  if (state.status === "unreadable") {
    messages.push(hostMessage("state-unreadable", { cleared: false }));
  }

  const sheets = snapshots.filter((s) => !isStateSheetName(s.name));
  // A generated sheet (A1 marker) is the add-in's even when the record is missing: its name is free.
  const markerSheets = sheets.filter(hasOwnedSheetMarker).map((s) => s.name);
  const knownRecord: OwnershipRecord | null =
    record || markerSheets.length > 0
      ? { ...(record ?? { version: 1, tables: [], flags: [], addedCells: [] }), sheets: [...new Set([...(record?.sheets ?? []), ...markerSheets])] }
      : null;
  const naming = resolveSheetNames(
    sheets.map((s) => s.name),
    knownRecord,
  );
  messages.push(...naming.messages);
  const names = naming.names;

  const methodologyName = sheetNameOf(names, "methodology");
  const methodologySnapshot = sheets.find((s) => s.name === methodologyName) ?? null;
  const ownsMethodology = (record?.sheets ?? []).some((s) => s.toLowerCase() === methodologyName.toLowerCase());
  if (methodologySnapshot && !ownsMethodology && !hasOwnedSheetMarker(methodologySnapshot)) {
    messages.push({
      code: "methodology-kept",
      severity: "info",
      sheet: methodologyName,
      message: `Il foglio «${methodologyName}» della cartella è usato come metodologia e non viene modificato.`,
    });
  }
  // A chosen methodology replaces the add-in's own sheet: the formulas point at the sheet as it will be written.
  const rewriteMethodology = input.methodologyChosen === true && (!methodologySnapshot || ownsMethodology || hasOwnedSheetMarker(methodologySnapshot));
  const refs = methodologyRefs(methodology, methodologyName, rewriteMethodology ? null : methodologySnapshot, messages);

  const scoresName = sheetNameOf(names, "scores");
  const context: WriteContext = {
    plan,
    scores,
    methodology,
    refs,
    names,
    review: scores.review,
    asOf: scores.asOf,
    asOfRef: asOfReference(scoresName),
    objectives: objectiveEntries(plan, scores, schedules, methodology, scores.asOf),
  };
  const ind = indicatorLayout(context);
  const phases = phaseLayout(context);
  const existing = new Set(sheets.map((s) => s.name));
  // Notes people typed on the previous Verifica are carried over by finding identity.
  const findingsName = sheetNameOf(names, "findings");
  const previousFindings = sheets.find((s) => s.name.toLowerCase() === findingsName.toLowerCase() && hasOwnedSheetMarker(s)) ?? null;
  const userNotes = previousFindingNotes(previousFindings);
  messages.push(...orphanNoteMessages(findingsName, findings, userNotes.orphans));
  const owned: OwnedSheet[] = [
    findingsSheet(findingsName, findings, existing, userNotes.notes),
    scoresSheet(context, ind, phases, sheets),
    summarySheet(context, scoreLayout(context), ownerLayout(context), findings, input.review != null),
    // Year end: the rows for the Relazione sulla performance.
    ...(input.review === "final" ? [reportSheet(context, scoreLayout(context))] : []),
    objectivesSheet(context, phases.range("id"), ind.range("id")),
    phasesSheet(context),
    indicatorsSheet(context),
    scheduleSheet(context),
    staffSheet(context),
    { ...methodologySheet(methodologyName, methodology), keepIfExists: !rewriteMethodology },
  ];

  for (const sheet of owned) {
    sheet.pageSetup = pageSetupOf(sheet, scores.asOf);
    sheet.fingerprint = sheetFingerprint(sheet);
  }
  // What the user typed on the add-in's sheets since it wrote them goes with the sheets: say so, cell by cell.
  messages.push(...editedSheetMessages(record, sheets, owned));

  const generated = new Set(names.filter((n) => n.key !== "methodology").map((n) => n.used.toLowerCase()));
  const flaggable = (sheet: string): boolean => !generated.has(sheet.toLowerCase()) && !isStateSheetName(sheet);
  const flags = buildFlags(findings, sheets, flaggable);

  let addedCells: WritePlan["addedCells"] = [];
  if (input.review) {
    const review = planReviewColumns(plan, snapshots, knownRecord);
    addedCells = review.cells;
    messages.push(...review.messages);
  }

  return {
    version: 1,
    sheets: owned,
    flags,
    addedCells,
    stats: planStats(owned, flags.length, addedCells.length),
    // Names of the sheets this plan writes (Relazione only at a final review).
    sheetNames: names.filter((n) => owned.some((s) => s.key === n.key)),
    messages,
    ownershipSeen: state.status === "ok",
  };
}

/** "Schede Obiettivo · Punteggi" | "Data di riferimento: 31/12/2024"; "Pagina 1 di 3" (header texts escape "&"). */
export function pageSetupOf(sheet: OwnedSheet, asOf: string): PageSetup {
  const a1 = sheet.cells.find((c) => c.row === 0 && c.col === 0)?.content;
  const title = a1?.kind === "text" ? a1.text : sheet.name;
  const [y, m, d] = asOf.split("-");
  const esc = (t: string): string => t.replace(/&/g, "&&");
  const first = sheet.tables[0];
  return {
    orientation: "landscape",
    // Excel and LibreOffice ignore manual page breaks when fitting to pages: a sheet with breaks
    // (Riepilogo, one structure a page, its columns sized to fit) prints at a fixed scale.
    fitToWidth: sheet.pageBreaks && sheet.pageBreaks.length > 0 ? null : 1,
    scale: sheet.pageBreaks && sheet.pageBreaks.length > 0 ? 75 : null,
    titleRows: first ? { first: first.row, last: first.row } : null,
    header: { left: esc(title), center: "", right: esc(`Data di riferimento: ${d}/${m}/${y}`) },
    footer: { left: esc(sheet.name), center: "Pagina &P di &N", right: "" },
  };
}

function planStats(sheets: readonly OwnedSheet[], flags: number, added: number): WritePlan["stats"] {
  let cells = added;
  let formulas = 0;
  let tables = 0;
  for (const s of sheets) {
    for (const c of s.cells) {
      cells += 1;
      if (c.content.kind === "formula") formulas += 1;
    }
    for (const t of s.tables) {
      tables += 1;
      cells += t.columns.length;
      for (const row of t.rows) {
        for (const c of row) {
          if (c.kind === "empty") continue;
          cells += 1;
          if (c.kind === "formula") formulas += 1;
        }
      }
    }
  }
  return { cells, formulas, flags, tables };
}
