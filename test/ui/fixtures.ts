import type { Analysis } from "../../src/engine/analyse";
import { DEFAULT_METHODOLOGY } from "../../src/engine/compute/methodology";
import type { ObjectiveSchedule, ObjectiveScore, Scores } from "../../src/engine/compute/types";
import type { ActiveCell, CardTemplate, HostCapabilities, Progress, WorkbookHost } from "../../src/engine/host";
import type { Finding } from "../../src/engine/model/finding";
import type { Objective, Plan } from "../../src/engine/model/plan";
import type { SheetSnapshot } from "../../src/engine/model/snapshot";
import type { ApplyReport, WriteMessage, WritePlan } from "../../src/engine/write/types";

const range = (sheet: string, top: number, left: number, bottom = top, right = left) => ({ sheet, top, left, bottom, right });

/** An objective with every field filled as a complete card; override what a test needs. */
export function objective(over: Partial<Objective> & Pick<Objective, "id" | "title" | "structure">): Objective {
  const sheet = over.structure;
  return {
    number: "1",
    kind: "miglioramento",
    intersectoral: false,
    year: 2024,
    description: "Descrizione",
    owner: "Mario Rossi",
    weight: { value: 50, unit: "percent" },
    weightText: null,
    deadline: "2024-12-31",
    phases: [
      { number: "1", label: "Analisi", weight: 40, deadline: null, scheduleText: null, scheduleMonths: [], completedOn: null, reviewNote: null, source: {} },
      { number: "2", label: "Attuazione", weight: 60, deadline: null, scheduleText: null, scheduleMonths: [], completedOn: null, reviewNote: null, source: {} },
    ],
    indicators: [
      { description: "Pratiche evase", group: null, target: { type: "number", value: 100, unit: "number", comparator: null, direction: null, text: "100" }, actual: null, weight: null, source: {} },
    ],
    schedule: [],
    reviews: [],
    staff: [{ category: "C", name: "Anna Bianchi", participation: 100, hourlyCost: null, hours: null, cost: null, source: {} }],
    strategy: null,
    layout: "A",
    source: { card: range(sheet, 0, 0, 30, 14), title: range(sheet, 2, 1) },
    ...over,
  };
}

export const snapshots: SheetSnapshot[] = [
  { name: "Segreteria", origin: { row: 0, col: 0 }, cells: [["Settore", "Dirigente"], ["Segreteria", "Mario Rossi"], [null, "Protocollo digitale"]] },
  { name: "Polizia Locale", origin: { row: 0, col: 0 }, cells: [["Settore"], ["Polizia Locale"]] },
];

export function makeAnalysis(opts: { review?: "interim" | "final"; asOf?: string; overrides?: { objectiveId: string; value: number; note: string | null }[] } = {}): Analysis {
  const o1 = objective({ id: "segreteria/1", number: "1", title: "Protocollo digitale", structure: "Segreteria" });
  const o2 = objective({
    id: "segreteria/2",
    number: "2",
    title: "Albo online",
    structure: "Segreteria",
    weight: null,
    phases: [
      { number: "1", label: "Fase uno", weight: 30, deadline: null, scheduleText: null, scheduleMonths: [], completedOn: null, reviewNote: null, source: {} },
      { number: "2", label: "Fase due", weight: 30, deadline: null, scheduleText: null, scheduleMonths: [], completedOn: null, reviewNote: null, source: {} },
    ],
    source: { card: range("Segreteria", 40, 0, 70, 14), title: range("Segreteria", 42, 1) },
  });
  const o3 = objective({
    id: "polizia-locale/1",
    number: "1",
    title: "Sicurezza stradale",
    structure: "Polizia Locale",
    owner: "Luca Verdi",
    weight: { value: 100, unit: "percent" },
    source: { card: range("Polizia Locale", 0, 0, 30, 14), title: range("Polizia Locale", 2, 1) },
  });
  const plan: Plan = {
    year: 2024,
    structures: [
      { id: "segreteria", name: "Segreteria", owner: "Mario Rossi", strategy: null, objectives: [o1, o2], source: {} },
      { id: "polizia-locale", name: "Polizia Locale", owner: "Luca Verdi", strategy: null, objectives: [o3], source: {} },
    ],
    sheets: [
      { name: "Segreteria", cards: 2, layouts: ["A"] },
      { name: "Polizia Locale", cards: 1, layouts: ["A"] },
    ],
    unreadable: [],
  };
  const findings: Finding[] = [
    { ruleId: "objective-weight-missing", messageId: "missing", message: "L'obiettivo 2 non ha un peso: indicarlo.", severity: "error", at: { sheet: "Segreteria", range: "N43" }, objectiveId: o2.id, structure: "Segreteria", data: {} },
    { ruleId: "phase-weights-sum", messageId: "wrongTotal", message: "I pesi delle fasi sommano a 60%: devono fare 100%.", severity: "error", at: { sheet: "Segreteria", range: "C50:C51" }, objectiveId: o2.id, structure: "Segreteria", data: { total: 60 } },
    { ruleId: "staff-participation-sum", messageId: "wrongTotal", message: "La partecipazione somma a 90%.", severity: "warning", at: { sheet: "Segreteria", range: "D20" }, objectiveId: o1.id, structure: "Segreteria", data: { total: 90 } },
    { ruleId: "schedule-empty", messageId: "noMonths", message: "La fase 1 non ha mesi nel cronoprogramma.", severity: "warning", at: { sheet: "Polizia Locale", range: "B12" }, objectiveId: o3.id, structure: "Polizia Locale", data: {} },
    { ruleId: "value-unreadable", messageId: "unreadable", message: "Il valore «boh» non è una data.", severity: "info", at: { sheet: "Note", range: "A1" }, data: {} },
  ];
  const schedules: ObjectiveSchedule[] = [o1, o2, o3].map((o) => ({
    objectiveId: o.id,
    source: "grid",
    phases: o.phases.map((p, i) => ({ phaseIndex: i, label: p.label, months: o === o3 && i === 0 ? [] : [i + 3], source: "grid" as const })),
  }));
  const overrides = new Map((opts.overrides ?? []).map((x) => [x.objectiveId, x]));
  const objScore = (o: Objective, score: number): ObjectiveScore => {
    const ov = overrides.get(o.id);
    return {
      objectiveId: o.id,
      structure: o.structure,
      owner: o.owner,
      weight: o.weight?.value ?? null,
      indicators: [],
      phases: [],
      meanAchievement: score,
      meanTimeliness: score,
      notComputable: [],
      score,
      override: ov ? { value: ov.value, note: ov.note } : null,
      finalScore: ov ? ov.value : score,
      settingsUsed: ["achievementShare"],
    };
  };
  const scores: Scores = {
    asOf: opts.asOf ?? "2025-03-31",
    review: opts.review ?? "final",
    objectives: [objScore(o1, 92), objScore(o2, 70), objScore(o3, 85.5)],
    owners: [
      { owner: "Mario Rossi", structure: "Segreteria", score: 88.4, band: "C", objectiveIds: [o1.id, o2.id] },
      { owner: "Luca Verdi", structure: "Polizia Locale", score: 85.5, band: "C", objectiveIds: [o3.id] },
    ],
    methodology: DEFAULT_METHODOLOGY,
  };
  const writePlan: WritePlan = {
    version: 1,
    sheets: [
      { name: "Verifica", key: "findings", tables: [], cells: [] },
      { name: "Obiettivi", key: "objectives", tables: [], cells: [] },
      { name: "Punteggi", key: "scores", tables: [], cells: [{ sheet: "Punteggi", row: 1, col: 1, content: { kind: "formula", formula: "=1+1", result: 2 } }] },
    ],
    flags: [{ sheet: "Segreteria", top: 42, left: 13, bottom: 42, right: 13, severity: "error", fill: "#FFC7CE", note: "x", ruleIds: ["objective-weight-missing"] }],
    addedCells: [],
    stats: { cells: 1, formulas: 1, flags: 1, tables: 0 },
    sheetNames: [
      { key: "findings", wanted: "Verifica", used: "Verifica" },
      { key: "objectives", wanted: "Obiettivi", used: "Obiettivi" },
      { key: "scores", wanted: "Punteggi", used: "Punteggi" },
    ],
  };
  return { plan, methodology: DEFAULT_METHODOLOGY, findings, schedules, scores, writePlan };
}

/**
 * A host that records what the UI asked of it. Its capabilities are those of Excel ("excel") or of
 * a file in the browser ("file"); `withSelection` false takes away the selection and the card
 * insertion; `capabilities` overrides any of them (the methods stay, so a test can show that the
 * pane goes by the capabilities).
 */
export class FakeHost implements WorkbookHost {
  readonly kind: "excel" | "file";
  capabilities: HostCapabilities;
  calls: string[] = [];
  applied: WritePlan[] = [];
  selectionListener: ((cell: ActiveCell) => void) | null = null;
  active: ActiveCell | null = null;
  readError: Error | null = null;
  /** When set, selectRange fails with it. */
  selectError: Error | null = null;

  constructor(kind: "excel" | "file" = "excel", withSelection = true, capabilities: Partial<HostCapabilities> = {}) {
    this.kind = kind;
    const excel = kind === "excel";
    this.capabilities = {
      select: excel,
      activeCell: excel && withSelection,
      liveValidation: false,
      insertCard: excel && withSelection,
      newCardWorkbook: !excel,
      downloadCopy: !excel,
      changesUnderPane: excel,
      ...capabilities,
    };
    if (!withSelection) {
      this.getActiveCell = undefined;
      this.onSelectionChanged = undefined;
      this.insertNewCard = undefined;
    }
  }

  async readSnapshots(onProgress?: (p: Progress) => void): Promise<SheetSnapshot[]> {
    this.calls.push("read");
    if (this.readError) throw this.readError;
    onProgress?.({ fraction: 0.5, label: "Lettura dei fogli (1 di 2)" });
    return snapshots;
  }
  /** Messages the host adds to its reports (a protected sheet skipped…), after the plan's own. */
  hostMessages: WriteMessage[] = [];
  async applyWritePlan(plan: WritePlan, onProgress?: (p: Progress) => void): Promise<ApplyReport> {
    this.calls.push("apply");
    onProgress?.({ fraction: 1, label: "Scrittura" });
    this.applied.push(plan);
    return report([...(plan.messages ?? []), ...this.hostMessages], { sheetsWritten: plan.sheets.map((s) => s.name), flagsWritten: plan.flags.length });
  }
  async clearAddinContent(): Promise<ApplyReport> {
    this.calls.push("clear");
    return report(this.hostMessages, { sheetsRemoved: ["Verifica"] });
  }
  async selectRange(sheet: string, range: string): Promise<void> {
    this.calls.push(`select ${sheet}!${range}`);
    if (this.selectError) throw this.selectError;
  }
  getActiveCell?: () => Promise<ActiveCell | null> = async () => this.active;
  onSelectionChanged?: (listener: (cell: ActiveCell) => void) => Promise<() => void> = async (listener) => {
    this.selectionListener = listener;
    return () => {
      this.selectionListener = null;
    };
  };
  templates: CardTemplate[] = [];
  insertNewCard?: (template: CardTemplate) => Promise<string> = async (template) => {
    this.calls.push("insertNewCard");
    this.templates.push(template);
    return "Nuova scheda";
  };
  /** The bytes newCardWorkbook gives (any will do for the UI). */
  newCardBytes = new Uint8Array([0x50, 0x4b, 3, 4]);
  newCardWorkbook?: (template: CardTemplate) => Promise<Uint8Array> = async (template) => {
    this.calls.push("newCardWorkbook");
    this.templates.push(template);
    return this.newCardBytes;
  };
}

/** An ApplyReport with `messages`; counts default to zero. */
export function report(messages: readonly WriteMessage[], counts: Partial<Omit<ApplyReport, "messages">> = {}): ApplyReport {
  return { sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, ...counts, messages: [...messages] };
}
