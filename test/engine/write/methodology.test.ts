import { applyPreset, DEFAULT_METHODOLOGY, type Methodology } from "../../../src/engine/compute/methodology";
import { methodologyRows, readMethodology } from "../../../src/engine/compute/methodology-sheet";
import { methodologyRefs, methodologySheet } from "../../../src/engine/write/methodology";
import type { WriteMessage } from "../../../src/engine/write/types";
import { grid } from "../../helpers/grid";

/** The Metodologia sheet as the add-in writes it, as a snapshot (heading, table header, rows). */
function writtenSnapshot(m: Methodology) {
  const sheet = methodologySheet("Metodologia", m);
  const rows: (string | number | null)[][] = [];
  const put = (row: number, col: number, v: string | number | null): void => {
    while (rows.length <= row) rows.push([]);
    (rows[row] as (string | number | null)[])[col] = v;
  };
  for (const table of sheet.tables) {
    table.columns.forEach((c, j) => put(table.row, table.col + j, c.header));
    table.rows.forEach((r, i) => r.forEach((c, j) => put(table.row + 1 + i, table.col + j, c.kind === "text" ? c.text : c.kind === "number" ? c.value : null)));
  }
  return grid("Metodologia", "A1", rows);
}

describe("the Metodologia sheet the add-in writes", () => {
  it("is read back by the methodology reader as the same methodology", () => {
    const m: Methodology = { ...DEFAULT_METHODOLOGY, achievementShare: 60, timelinessShare: 40, achievementCap: 120, planYear: 2024, missingActualFinal: "exclude" };
    expect(readMethodology([writtenSnapshot(m)])).toEqual({ methodology: m, unreadable: [], problems: [] });
  });

  it.each(["linear", "thresholds", "bands"] as const)("is read back as the same methodology under the preset %s, with worst-of", (id) => {
    const m: Methodology = { ...applyPreset(DEFAULT_METHODOLOGY, id), aggregation: "worst" };
    expect(readMethodology([writtenSnapshot(m)])).toEqual({ methodology: m, unreadable: [], problems: [] });
  });

  it("is read back with the days-late rule and its table", () => {
    const m: Methodology = {
      ...DEFAULT_METHODOLOGY,
      timelinessRule: "days",
      timelinessBands: [
        { from: 0, to: 10, mode: "fixed", value: 90, valueTo: null },
        { from: 10, to: 100, mode: "proportional", value: 80, valueTo: 20 },
      ],
    };
    expect(readMethodology([writtenSnapshot(m)])).toEqual({ methodology: m, unreadable: [], problems: [] });
    const refs = methodologyRefs(m, "Metodologia", null, []);
    expect(refs.lateTimeliness("D")).toMatch(/^IF\(D>=Metodologia!\$B\$\d+,\(Metodologia!\$E\$\d+\+\(MIN\(D,Metodologia!\$C\$\d+\)/);
    expect(methodologyRefs(DEFAULT_METHODOLOGY, "Metodologia", null, []).lateTimeliness("D")).toBeNull();
  });

  it("is kept when it exists", () => {
    expect(methodologySheet("Metodologia", DEFAULT_METHODOLOGY)).toMatchObject({ key: "methodology", keepIfExists: true });
  });
});

describe("methodologyRefs", () => {
  it("points at the value cells of the sheet the add-in writes", () => {
    const messages: WriteMessage[] = [];
    const refs = methodologyRefs(DEFAULT_METHODOLOGY, "Metodologia", null, messages);
    expect(refs.num("achievementShare")).toBe("Metodologia!$C$5");
    expect(refs.num("timelinessShare")).toBe("Metodologia!$C$6");
    expect(refs.missingIsZero("final")).toBe('Metodologia!$C$11="zero"');
    expect(refs.planYear(2024)).toBe("2024");
    expect(refs.band("K5")).toBe(
      'IF(ISNUMBER(K5),IF(ROUND(K5*100,9)>=Metodologia!$C$12,"A",IF(ROUND(K5*100,9)>=Metodologia!$C$13,"B",IF(ROUND(K5*100,9)>=Metodologia!$C$14,"C",IF(ROUND(K5*100,9)>=Metodologia!$C$15,"D",IF(ROUND(K5*100,9)>=Metodologia!$C$16,"E",""))))),"")',
    );
    expect(messages).toEqual([]);
  });

  it("finds the settings on a user's own sheet wherever they are; a percent cell is scaled, text becomes the number", () => {
    const sheet = grid(
      "Metodologia",
      "B2",
      [
        ["Impostazioni del Comune"],
        [],
        ["Quota media valore raggiunto (%)", null, 0.6],
        ["timelinessShare", 40],
        ["Tetto raggiungimento indicatore", "120"],
        ["Fascia A", 90],
      ],
      { formats: { D4: "0%" } },
    );
    const m = { ...DEFAULT_METHODOLOGY, achievementShare: 60, timelinessShare: 40, achievementCap: 120, bands: [{ band: "A", min: 90 }, { band: "B", min: 0 }] };
    const messages: WriteMessage[] = [];
    const refs = methodologyRefs(m, "Metodologia", sheet, messages);
    expect(refs.num("achievementShare")).toBe("(Metodologia!$D$4*100)");
    expect(refs.num("timelinessShare")).toBe("Metodologia!$C$5");
    expect(refs.num("achievementCap")).toBe("120");
    expect(refs.num("deadlinePenaltyPer30Days")).toBe("10");
    expect(refs.band("X1")).toContain('>=Metodologia!$C$7,"A"');
    expect(refs.band("X1")).toContain('>=0,"B"');
  });

  it("uses the analysis's own value, and says so, when the sheet says something else", () => {
    const sheet = grid("Metodologia", "A1", [["achievementShare", 70]]);
    const messages: WriteMessage[] = [];
    const refs = methodologyRefs(DEFAULT_METHODOLOGY, "Metodologia", sheet, messages);
    expect(refs.num("achievementShare")).toBe("50");
    expect(messages.map((x) => x.code)).toEqual(["methodology-value-differs"]);
    expect(messages[0]?.message).toContain("Quota media valore raggiunto (%)");
  });

  it("the conversion formulas point at the thresholds and at the range table's cells", () => {
    const thresholds = methodologyRefs(applyPreset(DEFAULT_METHODOLOGY, "thresholds"), "Metodologia", null, []);
    const t = thresholds.conversion("X") as string;
    const thresholdRow = (key: string): string => `Metodologia!$C$${5 + methodologyRows(DEFAULT_METHODOLOGY).findIndex((r) => r[0] === key)}`;
    expect(t).toBe(
      `IF(X<${thresholdRow("thresholdMin")},0,IF(X<${thresholdRow("thresholdTarget")},${thresholdRow("thresholdMinScore")}+(X-${thresholdRow("thresholdMin")})/(${thresholdRow("thresholdTarget")}-${thresholdRow("thresholdMin")})*(100-${thresholdRow("thresholdMinScore")}),` +
        `IF(X<${thresholdRow("thresholdMax")},100+(X-${thresholdRow("thresholdTarget")})/(${thresholdRow("thresholdMax")}-${thresholdRow("thresholdTarget")})*(${thresholdRow("thresholdExcellence")}-100),${thresholdRow("thresholdExcellence")})))`,
    );
    const bands = methodologyRefs(applyPreset(DEFAULT_METHODOLOGY, "bands"), "Metodologia", null, []);
    // Settings rows 5…, two rows gap, the range table's header, then its rows (Scaglione 1 = first).
    const first = 5 + methodologyRows(DEFAULT_METHODOLOGY).length + 3;
    const b = bands.conversion("X") as string;
    expect(b.startsWith(`IF(X>=Metodologia!$B$${first + 2},Metodologia!$E$${first + 2},IF(X>=Metodologia!$B$${first + 1},(Metodologia!$E$${first + 1}+(MIN(X,Metodologia!$C$${first + 1})`)).toBe(true);
    expect(b.endsWith(`IF(X>=Metodologia!$B$${first},Metodologia!$E$${first},0)))`)).toBe(true);
    expect(methodologyRefs(DEFAULT_METHODOLOGY, "Metodologia", null, []).conversion("X")).toBeNull();
  });

  it("a range-table row the sheet spells differently from the analysis: the analysis's figure", () => {
    const sheet = grid("Metodologia", "A1", [["Scaglione 1", 0, 100, "fisso", 70]]);
    const m = { ...DEFAULT_METHODOLOGY, conversion: "bands" as const, achievementBands: [{ from: 0, to: 100, mode: "fixed" as const, value: 60, valueTo: null }] };
    expect(methodologyRefs(m, "Metodologia", sheet, []).conversion("X")).toBe("IF(X>=Metodologia!$B$1,60,0)");
  });

  it("quotes sheet names that need it", () => {
    const refs = methodologyRefs(DEFAULT_METHODOLOGY, "Metodo logia", null, []);
    expect(refs.num("achievementCap")).toBe("'Metodo logia'!$C$7");
  });
});
