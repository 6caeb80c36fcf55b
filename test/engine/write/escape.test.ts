import { dateCell, formulaCell, looksLikeFormula, MAX_CELL_TEXT, numberCell, officeLiteralText, textCell } from "../../../src/engine/write/escape";

describe("text copied from cards", () => {
  it.each(["=SOMMA(A1:A3)", "+39 0382 1234", "-5 giorni", "@utente", "=", "Trasparenza"])("«%s» stays literal text", (t) => {
    expect(textCell(t)).toEqual({ kind: "text", text: t });
  });

  it("says which texts Excel would take for a formula if typed", () => {
    expect(["=1+1", "+39", "-5", "@a", "  =1"].map(looksLikeFormula)).toEqual([true, true, true, true, true]);
    expect(["Trasparenza", "1=1", "30%", ""].map(looksLikeFormula)).toEqual([false, false, false, false]);
  });

  it("Office.js gets an apostrophe in front, which keeps the value literal", () => {
    expect(officeLiteralText("=1+1")).toBe("'=1+1");
  });

  it("drops characters a file cannot hold and cuts to Excel's cell limit", () => {
    expect(textCell("a\u0000b\u0007c\nd\te")).toEqual({ kind: "text", text: "abc\nd\te" });
    const long = textCell("x".repeat(MAX_CELL_TEXT + 10));
    expect(long.kind === "text" && long.text.length).toBe(MAX_CELL_TEXT);
  });

  it("empty text, null numbers and bad dates are empty cells", () => {
    expect([textCell(""), textCell(null), numberCell(null), numberCell(Number.NaN), dateCell("31/12/2024"), dateCell(null)]).toEqual(
      Array(6).fill({ kind: "empty" }),
    );
    expect(dateCell("2024-12-31")).toEqual({ kind: "date", iso: "2024-12-31" });
    expect(formulaCell("A1*2", 4)).toEqual({ kind: "formula", formula: "A1*2", result: 4 });
  });
});
