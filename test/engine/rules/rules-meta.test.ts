import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import type { Rule } from "../../../src/engine/rules/define";
import { allRules, runRules } from "../../../src/engine/rules";
import { indicator, num, objective, phase, plan } from "./plan-builder";
import { runCase, type RuleCases } from "./rule-cases";

const RULES_DIR = join(__dirname, "../../../src/engine/rules");
const CASES_DIR = join(__dirname, "cases");
/** Files of src/engine/rules that are not rules. */
const NOT_RULES = new Set(["define.ts", "index.ts"]);

const ruleFiles = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith(".ts") && !NOT_RULES.has(e.name))
  .map((e) => e.name.replace(/\.ts$/, ""));
const caseFiles = readdirSync(CASES_DIR).filter((f) => f.endsWith(".ts")).map((f) => f.replace(/\.ts$/, ""));

const isRule = (v: unknown): v is Rule =>
  typeof v === "object" && v !== null && "id" in v && "check" in v && "messages" in v && "severity" in v;

let modules: Map<string, Rule[]>;
let tables: Map<string, RuleCases>;

beforeAll(async () => {
  modules = new Map();
  for (const name of ruleFiles) {
    const mod = (await import(join(RULES_DIR, name))) as Record<string, unknown>;
    modules.set(name, Object.values(mod).filter(isRule));
  }
  tables = new Map();
  for (const name of caseFiles) {
    const mod = (await import(join(CASES_DIR, name))) as { cases: RuleCases };
    tables.set(name, mod.cases);
  }
});

const placeholders = (template: string): string[] => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

describe("the rule files", () => {
  it("are found", () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(14);
  });

  it.each(ruleFiles)("%s exports exactly one rule, whose id is the file name", (name) => {
    const rules = modules.get(name) ?? [];
    expect(rules).toHaveLength(1);
    expect(rules[0]?.id).toBe(name);
  });

  it("ids are unique", () => {
    const ids = allRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ruleFiles)("allRules holds %s exactly once", (name) => {
    const rule = modules.get(name)?.[0];
    expect(allRules.filter((r) => r === rule)).toHaveLength(1);
  });

  it("allRules holds nothing else", () => {
    expect(allRules).toHaveLength(ruleFiles.length);
  });

  it.each(ruleFiles)("%s has Italian messages and a description", (name) => {
    const rule = modules.get(name)?.[0] as Rule;
    expect(rule.description.length).toBeGreaterThan(0);
    expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
    for (const m of Object.values(rule.messages)) expect(m).toMatch(/\b(il|la|le|dell|di|non|deve|devono)\b/);
  });
});

describe("the case tables", () => {
  it("exist only for rules", () => {
    expect([...caseFiles].sort()).toEqual([...ruleFiles].sort());
  });

  it.each(ruleFiles)("%s has at least one invalid case and tests the rule of its name", (name) => {
    const table = tables.get(name);
    expect(table?.rule.id).toBe(name);
    expect(table?.invalid.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it.each(ruleFiles)("%s: every message id is produced by a case and its placeholders are in the data", (name) => {
    const table = tables.get(name) as RuleCases;
    const produced = new Set<string>();
    for (const c of table.invalid) {
      for (const f of runCase(table.rule, c)) {
        produced.add(f.messageId);
        const template = (table.rule.messages as Record<string, string>)[f.messageId] as string;
        for (const key of placeholders(template)) expect({ messageId: f.messageId, key, present: key in f.data }).toEqual({ messageId: f.messageId, key, present: true });
        expect(f.message).not.toMatch(/\{\w+\}/);
      }
    }
    expect([...produced].sort()).toEqual(Object.keys(table.rule.messages).sort());
  });
});

describe("runRules", () => {
  it("finds nothing in the builder's default objective, at a check and at both reviews", () => {
    // At a review the phases due need their completion dates (phase-completion-missing).
    const phases = [
      phase({ number: "1", label: "Analisi", weight: 50, deadline: "2024-06-30", completedOn: "2024-06-20" }),
      phase({ number: "2", label: "Attuazione", weight: 50, deadline: "2024-12-31", completedOn: "2024-12-20" }),
    ];
    const p = plan({ objectives: [objective({ phases, indicators: [indicator({ actual: num(100) })] })] });
    const m = DEFAULT_METHODOLOGY;
    expect(runRules(p, { methodology: m })).toEqual([]);
    expect(runRules(p, { methodology: m, review: "interim", asOf: "2024-09-30" })).toEqual([]);
    expect(runRules(p, { methodology: m, review: "final", asOf: "2025-01-31" })).toEqual([]);
  });

  it("lists findings in rule order", () => {
    const p = plan({ objectives: [objective({ weight: null, indicators: [], staff: [] })] });
    const ids = runRules(p, { methodology: DEFAULT_METHODOLOGY }).map((f) => f.ruleId);
    expect(ids).toEqual(["weight-missing", "indicator-missing"]);
  });
});
