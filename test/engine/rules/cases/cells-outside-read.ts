import { cellsOutsideRead } from "../../../../src/engine/rules/cells-outside-read";
import { objective, plan } from "../plan-builder";
import type { RuleCases } from "../rule-cases";

const p = plan({ objectives: [objective()] });
const withOutside = (outside: NonNullable<(typeof p.sheets)[number]["outside"]>) => ({ ...p, sheets: [{ name: "Schede", cards: 1, layouts: ["A" as const], outside }] });

export const cases: RuleCases = {
  rule: cellsOutsideRead,
  valid: [
    { name: "every value read", plan: p },
    { name: "a sheet with an empty list", plan: withOutside([]) },
  ],
  invalid: [
    {
      name: "a stray value in XFD1048576",
      plan: withOutside([{ top: 1_048_575, left: 16_383, bottom: 1_048_575, right: 16_383, cells: 1, reason: "far" }]),
      findings: [{ messageId: "far", sheet: "Schede", range: "XFD1048576", data: { sheet: "Schede", cells: 1, range: "XFD1048576" } }],
    },
    {
      name: "a row past Excel's last one, and a far block",
      plan: withOutside([
        { top: 500_000, left: 0, bottom: 500_009, right: 2, cells: 12, reason: "far" },
        { top: 1_999_999, left: 1, bottom: 1_999_999, right: 3, cells: 3, reason: "beyond-limits" },
      ]),
      findings: [
        { messageId: "far", sheet: "Schede", range: "A500001:C500010", data: { sheet: "Schede", cells: 12, range: "A500001:C500010" } },
        { messageId: "beyond-limits", sheet: "Schede", range: "B2000000:D2000000", data: { sheet: "Schede", cells: 3, range: "B2000000:D2000000" } },
      ],
    },
  ],
};
