import type { Finding } from "../../../src/engine/model/finding";
import { countBySeverity, groupFindings } from "../../../src/ui/logic/group-findings";

const f = (severity: Finding["severity"], sheet: string, range: string, structure?: string): Finding => ({
  ruleId: `r-${range}`,
  messageId: "m",
  message: range,
  severity,
  at: { sheet, range },
  ...(structure ? { structure } : {}),
  data: {},
});

describe("groupFindings", () => {
  it("groups by structure then sheet in order of appearance, structure-less last, errors first in a sheet", () => {
    const groups = groupFindings([
      f("info", "Note", "A1"),
      f("warning", "Segreteria", "B2", "Segreteria"),
      f("error", "Polizia", "C3", "Polizia Locale"),
      f("error", "Segreteria", "B9", "Segreteria"),
      f("warning", "Riepilogo", "D4", "Segreteria"),
    ]);
    expect(groups.map((g) => g.structure)).toEqual(["Segreteria", "Polizia Locale", null]);
    const seg = groups[0];
    expect(seg?.sheets.map((s) => s.sheet)).toEqual(["Segreteria", "Riepilogo"]);
    expect(seg?.sheets[0]?.findings.map((x) => x.at.range)).toEqual(["B9", "B2"]);
    expect(seg?.counts).toEqual({ error: 1, warning: 2, info: 0 });
    expect(seg?.total).toBe(3);
    expect(groups[2]?.counts).toEqual({ error: 0, warning: 0, info: 1 });
  });

  it("puts a structure-level finding with its structure, named in data", () => {
    const weights = { ...f("error", "Polizia", "B8:E10"), data: { structure: "Polizia Locale", total: 95 } };
    const groups = groupFindings([f("warning", "Polizia", "C3", "Polizia Locale"), weights]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.structure).toBe("Polizia Locale");
    expect(groups[0]?.sheets[0]?.findings.map((x) => x.at.range)).toEqual(["B8:E10", "C3"]);
  });

  it("gives nothing for no findings", () => {
    expect(groupFindings([])).toEqual([]);
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
