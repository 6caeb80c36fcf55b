import { formatNumberIt, quoteSheetName, rangeToA1, readingReport, type Analysis, type Finding, type Measure, type Objective, type ObjectiveSchedule, type ObjectiveScore, type ReadingReport } from "../engine";

/** The `--json` shape documented in the README (percentages 0–100, months 1–12). */
export interface JsonReport {
  asOf: string;
  review: string | null;
  year: number | null;
  objectives: Array<{
    id: string;
    structure: string;
    owner: string | null;
    title: string;
    weight: number | null;
    weightUnit: "percent" | "points" | null;
    sheet: string | null;
    range: string | null;
    phases: Array<{ label: string; weight: number | null; months: number[]; deadline: string | null; completedOn: string | null }>;
    /**
     * target / actual: the value as read — a number (a percent as 0–100), an ISO date, a boolean,
     * or null (empty, or text that is not a value); targetText / actualText: what was typed.
     */
    indicators: Array<{
      description: string | null;
      target: number | boolean | string | null;
      targetText: string | null;
      actual: number | boolean | string | null;
      actualText: string | null;
      kind: string | null;
      achievement: number | null;
    }>;
    meanAchievement: number | null;
    meanTimeliness: number | null;
    score: number | null;
    override: number | null;
  }>;
  findings: Array<{ ruleId: string; messageId: string; severity: string; sheet: string; range: string; objectiveId: string | null; message: string; data: Finding["data"] }>;
  owners: Array<{ owner: string; structure: string; score: number | null; band: string | null }>;
  counts: { objectives: number; errors: number; warnings: number; infos: number };
  /** How the workbook was read (see engine/read/reading-report). */
  reading: ReadingReport;
}

/** A measure's value as read: number (percent 0–100), ISO date, boolean; null for text. */
function measureValue(m: Measure | null): number | boolean | string | null {
  if (m === null || m.type === "text") return null;
  return m.value;
}

function measureText(m: Measure | null): string | null {
  return m === null ? null : m.text;
}

const round2 = (n: number | null): number | null => (n === null ? null : Math.round(n * 100) / 100);

function scheduleFor(schedules: readonly ObjectiveSchedule[], id: string): ObjectiveSchedule | undefined {
  return schedules.find((s) => s.objectiveId === id);
}

/** Builds the JSON report from an analysis. */
export function toJsonReport(a: Analysis, review: string | null): JsonReport {
  const scoreById = new Map<string, ObjectiveScore>(a.scores.objectives.map((s) => [s.objectiveId, s]));
  const objectives = a.plan.structures.flatMap((st) =>
    st.objectives.map((o) => {
      const sc = scoreById.get(o.id);
      const sched = scheduleFor(a.schedules, o.id);
      const card = o.source["card"] ?? o.source["title"];
      return {
        id: o.id,
        structure: o.structure,
        owner: o.owner,
        title: o.title,
        weight: o.weight?.value ?? null,
        weightUnit: o.weight?.unit ?? null,
        sheet: card?.sheet ?? null,
        range: card ? rangeToA1(card) : null,
        phases: o.phases.map((p, i) => ({
          label: p.number ? `${p.number} ${p.label}`.trim() : p.label,
          weight: p.weight,
          months: sched?.phases.find((ps) => ps.phaseIndex === i)?.months ?? [],
          deadline: p.deadline,
          completedOn: p.completedOn,
        })),
        indicators: o.indicators.map((ind, i) => {
          const r = sc?.indicators.find((x) => x.index === i);
          return {
            description: ind.description,
            target: measureValue(ind.target),
            targetText: measureText(ind.target),
            actual: measureValue(ind.actual),
            actualText: measureText(ind.actual),
            kind: r?.kind ?? null,
            achievement: round2(r?.achievement ?? null),
          };
        }),
        meanAchievement: round2(sc?.meanAchievement ?? null),
        meanTimeliness: round2(sc?.meanTimeliness ?? null),
        score: round2(sc?.finalScore ?? null),
        override: sc?.override?.value ?? null,
      };
    }),
  );
  const count = (sev: string): number => a.findings.filter((f) => f.severity === sev).length;
  return {
    asOf: a.scores.asOf,
    review,
    year: a.plan.year,
    objectives,
    findings: a.findings.map((f) => ({
      ruleId: f.ruleId,
      messageId: f.messageId,
      severity: f.severity,
      sheet: f.at.sheet,
      range: f.at.range,
      objectiveId: f.objectiveId ?? null,
      message: f.message,
      data: f.data,
    })),
    owners: a.scores.owners.map((o) => ({ owner: o.owner, structure: o.structure, score: round2(o.score), band: o.band })),
    counts: { objectives: objectives.length, errors: count("error"), warnings: count("warning"), infos: count("info") },
    reading: readingReport(a.plan),
  };
}

const pct = (n: number | null): string => (n === null ? "—" : `${formatNumberIt(n)}%`);
const SEVERITY_IT: Record<string, string> = { error: "ERRORE", warning: "AVVISO", info: "INFO" };

function weightText(o: Objective): string {
  if (o.weight) return o.weight.unit === "points" ? `${formatNumberIt(o.weight.value)} punti` : `${formatNumberIt(o.weight.value)}%`;
  return o.weightText ?? "senza peso";
}

/** The readable Italian report printed by `schede check`. */
export function toTextReport(a: Analysis, fileName: string, review: string | null): string {
  const lines: string[] = [];
  const reviewText = review === "interim" ? "verifica intermedia" : review === "final" ? "verifica finale" : "controllo del piano";
  lines.push(`Schede Obiettivo — ${fileName}`);
  lines.push(`Data di riferimento: ${a.scores.asOf} (${reviewText})${a.plan.year ? ` — anno del piano ${a.plan.year}` : ""}`);
  lines.push("");
  const scoreById = new Map(a.scores.objectives.map((s) => [s.objectiveId, s]));
  const findingsByObjective = new Map<string, Finding[]>();
  const general: Finding[] = [];
  for (const f of a.findings) {
    if (f.objectiveId) {
      const list = findingsByObjective.get(f.objectiveId) ?? [];
      list.push(f);
      findingsByObjective.set(f.objectiveId, list);
    } else general.push(f);
  }
  const findingLine = (f: Finding): string => `      [${SEVERITY_IT[f.severity] ?? f.severity}] ${quoteSheetName(f.at.sheet)}!${f.at.range} — ${f.message} (${f.ruleId})`;
  for (const st of a.plan.structures) {
    const total = st.objectives.reduce((s, o) => s + (o.weight?.value ?? 0), 0);
    lines.push(`■ ${st.name}${st.owner ? ` — responsabile: ${st.owner}` : ""} — ${st.objectives.length} obiettivi, pesi in totale ${formatNumberIt(total)}`);
    for (const o of st.objectives) {
      const sc = scoreById.get(o.id);
      lines.push(`  ${o.number ? `${o.number}. ` : "• "}${o.title} [${weightText(o)}]`);
      lines.push(
        `      fasi ${o.phases.length}, indicatori ${o.indicators.length} — media valore raggiunto ${pct(sc?.meanAchievement ?? null)}, media rispetto dei tempi ${pct(sc?.meanTimeliness ?? null)}, punteggio ${pct(sc?.finalScore ?? null)}${sc?.override ? ` (valore del Nucleo; calcolato ${pct(sc.score)})` : ""}`,
      );
      for (const f of findingsByObjective.get(o.id) ?? []) lines.push(findingLine(f));
    }
    lines.push("");
  }
  if (general.length > 0) {
    lines.push("Altre segnalazioni:");
    for (const f of general) lines.push(findingLine(f));
    lines.push("");
  }
  if (a.scores.owners.length > 0) {
    lines.push("Punteggi dei responsabili:");
    for (const o of a.scores.owners) lines.push(`  ${o.owner} (${o.structure}): ${pct(o.score)}${o.band ? ` — fascia ${o.band}` : ""}`);
    lines.push("");
  }
  const errors = a.findings.filter((f) => f.severity === "error").length;
  const warnings = a.findings.filter((f) => f.severity === "warning").length;
  const objectives = a.plan.structures.reduce((n, s) => n + s.objectives.length, 0);
  lines.push(`Totale: ${objectives} obiettivi, ${errors} errori, ${warnings} avvisi.`);
  lines.push(errors === 0 ? "Nessun errore: la cartella può andare in Giunta." : "Correggere gli errori indicati prima dell'approvazione in Giunta.");
  return lines.join("\n");
}
