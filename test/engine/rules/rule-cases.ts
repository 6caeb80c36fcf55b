import { DEFAULT_METHODOLOGY, type Methodology } from "../../../src/engine/compute/methodology";
import type { LocatedMethodologyProblem } from "../../../src/engine/compute/methodology-sheet";
import type { ReviewKind } from "../../../src/engine/compute/types";
import type { Finding, FindingData, Severity } from "../../../src/engine/model/finding";
import type { Plan } from "../../../src/engine/model/plan";
import { runRuleList, type Rule } from "../../../src/engine/rules/define";
import { SHEET } from "./plan-builder";

/** Options a case runs with; the methodology defaults to the brief's. */
export interface CaseOptions {
  methodology?: Partial<Methodology>;
  review?: ReviewKind | null;
  asOf?: string | null;
  /** Problems of a Metodologia sheet (readMethodology(...).problems). */
  methodologyProblems?: LocatedMethodologyProblem[];
}

export interface ValidCase {
  name: string;
  plan: Plan;
  options?: CaseOptions;
}

/** A finding as a test expects it: sheet defaults to SHEET, severity to the rule's. */
export interface ExpectedFinding {
  messageId: string;
  range: string;
  data: FindingData;
  sheet?: string;
  severity?: Severity;
  objectiveId?: string;
  /** The finding's structure; compared only when given. */
  structure?: string;
}

export interface InvalidCase extends ValidCase {
  findings: ExpectedFinding[];
}

/** The table of one rule: plans it accepts and plans it reports, with the exact findings. */
export interface RuleCases {
  rule: Rule;
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export function runCase(rule: Rule, c: ValidCase): Finding[] {
  const o = c.options ?? {};
  return runRuleList([rule], c.plan, {
    methodology: { ...DEFAULT_METHODOLOGY, ...o.methodology },
    review: o.review ?? null,
    asOf: o.asOf ?? null,
    methodologyProblems: o.methodologyProblems ?? [],
  });
}

/** What is compared: never the message text. */
function shape(f: Finding, withObjective: boolean, withStructure = false): Record<string, unknown> {
  const out: Record<string, unknown> = { ruleId: f.ruleId, messageId: f.messageId, sheet: f.at.sheet, range: f.at.range, severity: f.severity, data: f.data };
  if (withObjective) out.objectiveId = f.objectiveId;
  if (withStructure) out.structure = f.structure;
  return out;
}

/** Registers the table's tests: valid plans give no finding; invalid ones give exactly the listed findings. */
export function describeRuleCases({ rule, valid, invalid }: RuleCases): void {
  describe(rule.id, () => {
    if (valid.length > 0) {
      it.each(valid)("accepts: $name", (c) => {
        expect(runCase(rule, c)).toEqual([]);
      });
    }
    it.each(invalid)("reports: $name", (c) => {
      const found = runCase(rule, c);
      const expected = c.findings.map((e) => {
        const out: Record<string, unknown> = {
          ruleId: rule.id,
          messageId: e.messageId,
          sheet: e.sheet ?? SHEET,
          range: e.range,
          severity: e.severity ?? rule.severity,
          data: e.data,
        };
        if (e.objectiveId !== undefined) out.objectiveId = e.objectiveId;
        if (e.structure !== undefined) out.structure = e.structure;
        return out;
      });
      expect(found.map((f, i) => shape(f, c.findings[i]?.objectiveId !== undefined, c.findings[i]?.structure !== undefined))).toEqual(expected);
    });
  });
}
