import type { Finding } from "../../../src/engine/model/finding";
import { buildFlags, expandToMerges, FLAG_FILLS, MAX_FLAG_CELLS, noteText } from "../../../src/engine/write/flags";
import { rangeToA1 } from "../../../src/engine/cells/a1";
import { grid } from "../../helpers/grid";

const f = (severity: Finding["severity"], range: string, message: string, ruleId = `r-${message}`, sheet = "Scheda"): Finding => ({
  ruleId,
  messageId: "m",
  message,
  severity,
  at: { sheet, range },
  data: {},
});
const sheet = grid("Scheda", "A1", [["x"]], { merges: ["B2:D2", "F5:F7"] });
const all = (): boolean => true;
const brief = (flags: ReturnType<typeof buildFlags>) => flags.map((x) => [rangeToA1(x), x.severity, x.note === "" ? "" : x.note.split("\n").slice(1).join("|")]);

describe("buildFlags", () => {
  it("flags errors and warnings, not infos, with the severity's fill and the message as note", () => {
    const flags = buildFlags([f("error", "C5", "A"), f("warning", "D9", "B"), f("info", "E1", "C")], [sheet], all);
    expect(brief(flags)).toEqual([
      ["D9", "warning", "B"],
      ["C5", "error", "A"],
    ]);
    expect(flags[1]).toMatchObject({ fill: FLAG_FILLS.error, ruleIds: ["r-A"], note: "Schede Obiettivo · Errore\nA" });
  });

  it("grows a range to the merged areas it touches, never splitting a merge", () => {
    expect(brief(buildFlags([f("error", "C2", "titolo"), f("warning", "E6:F6", "mesi")], [sheet], all))).toEqual([
      ["E5:F7", "warning", "mesi"],
      ["B2:D2", "error", "titolo"],
    ]);
    expect(expandToMerges({ top: 0, left: 0, bottom: 0, right: 0 }, [{ top: 0, left: 0, bottom: 1, right: 1 }, { top: 1, left: 1, bottom: 3, right: 1 }])).toEqual({
      top: 0,
      left: 0,
      bottom: 3,
      right: 1,
    });
  });

  it("findings on the same range share one flag: the worst severity, every message once", () => {
    const flags = buildFlags([f("warning", "C5", "A"), f("error", "C5", "B"), f("error", "C5", "B", "r-other")], [sheet], all);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ severity: "error", note: noteText("error", ["A", "B"]), ruleIds: ["r-A", "r-B", "r-other"] });
    expect(flags[0]?.note).toBe("Schede Obiettivo · Errore\n• A\n• B");
  });

  it("ranges with the same first cell share one note, on the first of them", () => {
    const flags = buildFlags([f("error", "C5:C9", "colonna"), f("warning", "C5", "cella")], [sheet], all);
    expect(brief(flags)).toEqual([
      ["C5", "warning", "• cella|• colonna"],
      ["C5:C9", "error", ""],
    ]);
    expect(flags[0]?.note.startsWith("Schede Obiettivo · Errore")).toBe(true);
  });

  it("a block larger than MAX_FLAG_CELLS is flagged on its first cell", () => {
    const flags = buildFlags([f("error", `A10:L${10 + Math.ceil(MAX_FLAG_CELLS / 12) + 1}`, "scheda")], [sheet], all);
    expect(brief(flags)).toEqual([["A10", "error", "scheda"]]);
  });

  it("skips sheets that do not exist or are not flaggable, and unreadable ranges", () => {
    const flags = buildFlags([f("error", "C5", "A", "r", "Altro"), f("error", "C5", "B", "r", "Punteggi"), f("error", "boh", "C")], [sheet, grid("Punteggi", "A1", [["x"]])], (s) => s !== "Punteggi");
    expect(flags).toEqual([]);
  });
});
