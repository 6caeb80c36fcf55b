import { rangeToA1, type SheetRange } from "../cells/a1";
import type { Finding, FindingData, Severity } from "../model/finding";
import type { Objective, Plan } from "../model/plan";
import type { Methodology } from "../compute/methodology";
import type { LocatedMethodologyProblem } from "../compute/methodology-sheet";
import type { ReviewKind } from "../compute/types";

/**
 * Whom a finding concerns: an objective (fills objectiveId and structure) or, for a finding on a
 * whole structure (its weight table), just the structure's name.
 */
export type FindingSubject = Objective | { structure: string };

/** What a rule's check receives. */
export interface RuleContext<M extends string> {
  plan: Plan;
  methodology: Methodology;
  /** Set when a review is being prepared or scored. */
  review: ReviewKind | null;
  /** ISO date of the review / check. */
  asOf: string | null;
  /** Inconsistent settings found on the Metodologia sheet (readMethodology), at their cells. */
  methodologyProblems: readonly LocatedMethodologyProblem[];
  /**
   * Reports a finding on `at`. `subject` fills the finding's objectiveId and structure when it is
   * an objective, its structure only when it is `{ structure }` (structure-level findings).
   */
  report(messageId: M, at: SheetRange, data: FindingData, subject?: FindingSubject, severity?: Severity): void;
}

export interface Rule<M extends string = string> {
  id: string;
  severity: Severity;
  description: string;
  /** Italian message templates; `{name}` is replaced by `data.name` (numbers in Italian format). */
  messages: Record<M, string>;
  check(context: RuleContext<M>): void;
}

/** Declares a rule; the identity function, for typing the message ids. */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}

// One formatter for all messages: `toLocaleString` builds a new one per call (~50 µs), which
// dominated rule time on 1,000 cards. Same locale and options, so the same text.
const IT_NUMBER = new Intl.NumberFormat("it-IT", { maximumFractionDigits: 2 });

/** 33.5 → "33,5"; 100 → "100". */
export function formatNumberIt(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return IT_NUMBER.format(rounded);
}

/** Fills `{name}` placeholders from data. */
export function formatMessage(template: string, data: FindingData): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = data[key];
    if (v === undefined || v === null) return whole === "{}" ? "" : "—";
    if (typeof v === "number") return formatNumberIt(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === "number" ? formatNumberIt(x) : x)).join(", ");
    return String(v);
  });
}

export interface RunRulesOptions {
  methodology: Methodology;
  review?: ReviewKind | null;
  asOf?: string | null;
  methodologyProblems?: readonly LocatedMethodologyProblem[];
}

/** Runs rules over a plan; findings come out in rule order, then in report order. */
export function runRuleList(rules: readonly Rule[], plan: Plan, options: RunRulesOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const report: RuleContext<string>["report"] = (messageId, at, data, subject, severity) => {
      const template = rule.messages[messageId];
      if (template === undefined) throw new Error(`Rule ${rule.id}: unknown message id ${messageId}`);
      const finding: Finding = {
        ruleId: rule.id,
        messageId,
        message: formatMessage(template, data),
        severity: severity ?? rule.severity,
        at: { sheet: at.sheet, range: rangeToA1(at) },
        data,
      };
      if (subject) {
        if ("id" in subject) finding.objectiveId = subject.id;
        finding.structure = subject.structure;
      }
      findings.push(finding);
    };
    rule.check({
      plan,
      methodology: options.methodology,
      review: options.review ?? null,
      asOf: options.asOf ?? null,
      methodologyProblems: options.methodologyProblems ?? [],
      report,
    });
  }
  return findings;
}
