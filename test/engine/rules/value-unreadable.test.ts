import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FIELD_LABELS } from "../../../src/engine/rules/value-unreadable";
import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/value-unreadable";

describeRuleCases(cases);

describe("value-unreadable field labels", () => {
  // Every field the reader reports (src/engine/read) has an Italian label: literal field names,
  // and the two built from a key (review means, staff figures), listed here.
  const READ_DIR = join(__dirname, "../../../src/engine/read");
  const sources = readdirSync(READ_DIR)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => readFileSync(join(READ_DIR, f), "utf8"));
  const literal = [...new Set(sources.flatMap((s) => [...s.matchAll(/"((?:objective|phase|schedule|indicator|staff|review|structure)\.[a-zA-Z]+)"/g)].map((m) => m[1] as string)))];
  const templated = sources.flatMap((s) => [...s.matchAll(/`(\w+)\.\$\{\w+\}`/g)].map((m) => m[1] as string));
  const BUILT: Record<string, string[]> = {
    review: ["review.meanAchievement", "review.meanTimeliness"],
    staff: ["staff.participation", "staff.hourlyCost", "staff.hours", "staff.cost"],
  };

  it("the reader's built field names are the known ones", () => {
    expect([...new Set(templated)].sort()).toEqual(Object.keys(BUILT).sort());
  });

  it.each([...literal, ...Object.values(BUILT).flat()].sort())("%s has a label", (field) => {
    expect(literal.length).toBeGreaterThanOrEqual(10);
    expect(FIELD_LABELS[field]).toEqual(expect.any(String));
  });

  it("staff.objective is the staff member's objective", () => {
    expect(FIELD_LABELS["staff.objective"]).toBe("obiettivo del dipendente");
  });
});
