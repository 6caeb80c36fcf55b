import { normalizeLabel } from "../../../src/engine/values";
import { firstWord, LabelCache, MAX_LABEL_LENGTH, SheetIndex } from "../../../src/engine/read/sheet";
import { toA1 } from "../../../src/engine/cells/a1";
import { grid } from "../../helpers/grid";

const where = (hits: { row: number; col: number }[]): string[] => hits.map((h) => toA1(h));

describe("the block finder's sheet index", () => {
  const sheet = new SheetIndex(
    grid(
      "Scheda",
      "D5",
      [
        ["Centro di Responsabilità:", null, "  fasi  E TEMPI: "],
        [null, "OBBIETTIVO DI GESTIONE 2024", null],
        ["% partecipazion e", 12, "Verifica Intermedia del .. /.. /.."],
        [null, null, null],
        ["Verifica intermedia del 30/09/2024", "x".repeat(MAX_LABEL_LENGTH + 1), "Fasi e tempi"],
      ],
      { merges: ["E6:F6"] },
    ),
    normalizeLabel,
  );

  it("finds labels ignoring case, accents, spacing, trailing colons and known typos", () => {
    expect(where(sheet.find("centro di responsabilita"))).toEqual(["D5"]);
    expect(where(sheet.find("fasi e tempi"))).toEqual(["F5", "F9"]);
    expect(where(sheet.find("% partecipazione"))).toEqual(["D7"]);
    expect(sheet.headingCandidates.map((h) => h.label)).toEqual(["obiettivo di gestione 2024"]);
  });

  it("finds by prefix through the first-word index, in row-major order", () => {
    expect(where(sheet.findPrefix("verifica intermedia"))).toEqual(["F7", "D9"]);
    expect(firstWord("1.obiettivo di gestione")).toBe("1");
    expect(firstWord("struttura: area tecnica")).toBe("struttura");
  });

  it("restricts lookups to a region", () => {
    expect(where(sheet.find("fasi e tempi", { top: 6, bottom: 10, left: 0, right: 10 }))).toEqual(["F9"]);
    expect(where(sheet.findPrefix("verifica", { top: 0, bottom: 10, left: 3, right: 4 }))).toEqual(["D9"]);
    expect(sheet.find("fasi e tempi", { top: 100, bottom: 200, left: 0, right: 10 })).toEqual([]);
  });

  it("never indexes prose as a label", () => {
    expect(sheet.label(8, 4)).toBeNull();
    expect(sheet.text(8, 4)).toHaveLength(MAX_LABEL_LENGTH + 1);
  });

  it("shows a merged area's value in all its cells", () => {
    expect(sheet.value(5, 5)).toBeNull();
    expect(sheet.shownValue(5, 5)).toBe("OBBIETTIVO DI GESTIONE 2024");
    expect(sheet.mergeCovering(5, 5)).toEqual({ top: 5, left: 4, bottom: 5, right: 5 });
    expect(sheet.mergeCovering(5, 4)).toBeNull();
  });

  it("answers row questions without scanning the sheet", () => {
    expect(sheet.isBlankRow(7)).toBe(true);
    expect(sheet.isBlankRow(6)).toBe(false);
    expect(sheet.filledColumns(6, 0, 20)).toEqual([3, 4, 5]);
    expect(sheet.nextFilled(6, 3, 20)).toBe(4);
    expect(sheet.value(100, 100)).toBeNull();
    expect(sheet.bounds).toEqual({ top: 4, left: 3, bottom: 8, right: 5 });
  });

  it("sheets indexed with one label cache keep their own hits, also once a later sheet is indexed", () => {
    const cache = new LabelCache();
    const first = new SheetIndex(grid("Uno", "A1", [["Fasi e tempi", "Gennaio"], [null, "Verifica intermedia del 30/09/2024"]]), cache);
    expect(where(first.find("fasi e tempi"))).toEqual(["A1"]);
    const second = new SheetIndex(grid("Due", "B2", [["Gennaio", "Fasi e tempi"], ["Fasi e tempi", null]]), cache);
    expect(where(second.find("fasi e tempi"))).toEqual(["C2", "B3"]);
    expect(where(first.find("fasi e tempi"))).toEqual(["A1"]);
    expect(where(first.findPrefix("verifica intermedia"))).toEqual(["B2"]);
    expect(second.findPrefix("verifica intermedia")).toEqual([]);
    expect(where(first.find("gennaio"))).toEqual(["B1"]);
    expect(where(second.find("gennaio"))).toEqual(["B2"]);
    expect(first.label(0, 1)).toBe("gennaio");
    expect(first.month(0, 1)).toBe(1);
  });

  it("normalizes each distinct text once however many cells repeat it", () => {
    const seen: string[] = [];
    const memo = new Map<string, string>();
    const normalize = (t: string): string => {
      if (!memo.has(t)) {
        seen.push(t);
        memo.set(t, normalizeLabel(t));
      }
      return memo.get(t) as string;
    };
    const rows = Array.from({ length: 500 }, (_, i) => [i, "X", "Gennaio", null, "x"]);
    const index = new SheetIndex(grid("Big", "A1", rows), normalize);
    expect(seen.sort()).toEqual(["Gennaio", "X", "x"]);
    expect(index.find("gennaio")).toHaveLength(500);
  });
});
