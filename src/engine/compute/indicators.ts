import type { Indicator, Measure } from "../model/plan";
import { normalizeLabel } from "../values/text";
import { convertAchievement } from "./conversion";
import type { Methodology } from "./methodology";
import type { IndicatorKind } from "./types";

/**
 * A user's choice of kind per indicator, keyed by `indicatorKey(objectiveId, index)`; it wins
 * over the inferred kind.
 */
export type IndicatorKindMap = Readonly<Record<string, IndicatorKind>>;

/** Key of an indicator in an IndicatorKindMap: "servizio-amministrativo/4#2" (index 1-based). */
export function indicatorKey(objectiveId: string, index: number): string {
  return `${objectiveId}#${index + 1}`;
}

// Placeholders left in templates where a value should go: "N.", "N. N. N.", "%", "-", "…".
const PLACEHOLDER = /^(?:n\.?|%|[-–—_.…/]|\s)*$/i;

/** True when the measure holds a value (not empty, not a template placeholder such as "N." or "%"). */
export function hasValue(measure: Measure | null): measure is Measure {
  if (measure === null) return false;
  if (measure.type !== "text") return true;
  return !PLACEHOLDER.test(measure.text.trim());
}

// Wording that makes a numeric target an upper bound ("non più di 5", "riduzione del 10%").
const LOWER_WORDS = ["riduzion", "ridurre", "diminuzion", "non piu di", "non superiore", "inferiore a", "meno di", "al massimo", "massimo"];

/**
 * The kind of an indicator, inferred from its expected value:
 * - number or percent → higher is better, unless the comparator is `<`/`≤`, the direction is a
 *   decrease, the target text says "riduzione", "non più di" (and the like), or the target is 0:
 *   then lower is better;
 * - SI/NO → yesno; a date ("entro il 31/12/2024") → deadline;
 * - text (including relative deadlines such as "entro 60 giorni …") or no target → qualitative.
 * Only the target's own text is read: a description such as "% riduzione costi" with a target of
 * 30% is a reduction to reach, so more is better.
 */
export function inferIndicatorKind(indicator: Indicator, kinds?: IndicatorKindMap, key?: string): IndicatorKind {
  if (kinds && key !== undefined) {
    const chosen = kinds[key];
    if (chosen) return chosen;
  }
  const target = indicator.target;
  if (!hasValue(target)) return "qualitative";
  switch (target.type) {
    case "boolean":
      return "yesno";
    case "date":
      return "deadline";
    case "text":
      return "qualitative";
    case "number": {
      if (target.comparator === "<" || target.comparator === "<=") return "lower";
      if (target.comparator === ">" || target.comparator === ">=") return "higher";
      if (target.direction === "decrease") return "lower";
      if (target.direction === "increase") return "higher";
      if (target.value === 0) return "lower";
      // Only wording can make it an upper bound; bare figures ("150", "30%") skip the normalization.
      if (!/[a-z]/i.test(target.text)) return "higher";
      const text = normalizeLabel(target.text);
      if (LOWER_WORDS.some((w) => text.includes(w))) return "lower";
      return "higher";
    }
  }
}

/** Why an achievement could not be computed, or "ok". */
export type AchievementStatus = "ok" | "missing-actual" | "missing-target" | "not-comparable" | "not-due";

export interface Achievement {
  /** Achievement in %, clamped to 0…achievementCap; null unless status is "ok". */
  value: number | null;
  /** The per-kind figure, before conversion and clamping. */
  raw: number | null;
  status: AchievementStatus;
  /** Italian explanation for the reviewer when the figure is missing or adjusted; null otherwise. */
  note: string | null;
  /** Days late (deadline indicators done after the date), else null. */
  daysLate: number | null;
}

export interface ComputeAchievementOptions {
  /** Review date (ISO): a deadline indicator marked NO before its date is not yet due. */
  asOf?: string | null;
}

const DAY_MS = 86_400_000;

/** Whole days from ISO date a to ISO date b (b − a). */
export function daysBetween(a: string, b: string): number {
  const t = (iso: string): number => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / DAY_MS);
}

const fail = (status: AchievementStatus, note: string): Achievement => ({ value: null, raw: null, status, note, daysLate: null });

/**
 * Achievement of one indicator in %, per the methodology:
 * - higher: actual ÷ target;
 * - lower: (2·target − actual) ÷ target; with a target of 0, 100 when the actual is 0, else 0;
 * - yesno: 100 when the actual matches the target, else 0;
 * - deadline: 100 when done by the date, then minus `deadlinePenaltyPer30Days` for every 30-day
 *   period late, a started period counting in full (1–30 days late: one penalty; 31–60: two;
 *   45 days late with the default 10 → 80). An actual of SI (done, date not given) counts as on
 *   time; NO counts 0 once the date has passed, and is not yet due before it;
 * - qualitative: the reviewer types the achievement itself, as a percent ("80%"); SI/NO count
 *   100/0.
 * The figure is then converted by the methodology (`convertAchievement`: linear, thresholds or
 * range table) and clamped to 0…achievementCap; `raw` keeps the per-kind figure.
 */
export function computeAchievement(
  indicator: Indicator,
  kind: IndicatorKind,
  methodology: Methodology,
  options: ComputeAchievementOptions = {},
): Achievement {
  const { target, actual } = indicator;
  if (!hasValue(actual)) return fail("missing-actual", "Valore raggiunto mancante.");
  const clamp = (raw: number, daysLate: number | null = null): Achievement => {
    const converted = convertAchievement(raw, methodology);
    return {
      value: Math.min(methodology.achievementCap, Math.max(0, converted)),
      raw,
      status: "ok",
      note: converted > methodology.achievementCap ? `Raggiungimento ${round2(converted)}% limitato al tetto del ${methodology.achievementCap}%.` : null,
      daysLate,
    };
  };

  if (kind === "qualitative") {
    if (actual.type === "number") return clamp(actual.value);
    if (actual.type === "boolean") return clamp(actual.value ? 100 : 0);
    return fail("not-comparable", "Per un indicatore qualitativo il valore raggiunto va indicato come percentuale di raggiungimento (es. 80%).");
  }
  if (!hasValue(target)) return fail("missing-target", "Valore atteso mancante: l'indicatore non può essere valutato.");

  switch (kind) {
    case "higher": {
      if (target.type !== "number" || actual.type !== "number") return notComparable(target, actual);
      if (target.value === 0) return clamp(actual.value >= 0 ? 100 : 0);
      return clamp((actual.value / target.value) * 100);
    }
    case "lower": {
      if (target.type !== "number" || actual.type !== "number") return notComparable(target, actual);
      if (target.value === 0) return clamp(actual.value <= 0 ? 100 : 0);
      return clamp(((2 * target.value - actual.value) / target.value) * 100);
    }
    case "yesno": {
      if (target.type !== "boolean" || actual.type !== "boolean") return notComparable(target, actual);
      return clamp(actual.value === target.value ? 100 : 0);
    }
    case "deadline": {
      if (target.type !== "date") return notComparable(target, actual);
      if (actual.type === "boolean") {
        if (actual.value) return clamp(100);
        if (options.asOf && options.asOf <= target.value) {
          return fail("not-due", "Scadenza non ancora raggiunta alla data della verifica.");
        }
        return clamp(0);
      }
      if (actual.type !== "date") return notComparable(target, actual);
      const late = daysBetween(target.value, actual.value);
      if (late <= 0) return clamp(100, 0);
      const periods = Math.ceil(late / 30);
      return clamp(100 - periods * methodology.deadlinePenaltyPer30Days, late);
    }
  }
}

function notComparable(target: Measure, actual: Measure): Achievement {
  return fail("not-comparable", `Il valore raggiunto «${actual.text}» non è confrontabile con il valore atteso «${target.text}».`);
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
