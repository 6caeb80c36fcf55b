import { classifyFormat, foldText, type FormatKind, quoteForMessage } from "../../../src/engine/values";

describe("classifyFormat", () => {
  it.each<[string | null | undefined, FormatKind]>([
    [null, "general"],
    [undefined, "general"],
    ["", "general"],
    ["General", "general"],
    ["Generale", "general"],
    ["0", "number"],
    ["#,##0.00", "number"],
    ["0.00E+00", "number"],
    ["#,##0_);(#,##0)", "number"],
    ["0%", "percent"],
    ["0.00%", "percent"],
    ['0" %"', "number"],
    ["dd/mm/yyyy", "date"],
    ["d-mmm-yy", "date"],
    ["mmmm", "date"],
    ["[$-410]d mmmm yyyy", "date"],
    ["gg/mm/aaaa", "date"],
    ["dd/mm/yyyy hh:mm", "date"],
    ["h:mm", "time"],
    ["mm:ss", "time"],
    ["h:mm AM/PM", "time"],
    ["€ #,##0.00", "currency"],
    ["[$€-410] #.##0,00", "currency"],
    ["#,##0.00 [$EUR]", "currency"],
    ['#,##0 "punti"', "number"],
    ["[Red]0.00", "number"],
    ["@", "text"],
  ])("%j → %s", (format, expected) => {
    expect(classifyFormat(format)).toBe(expected);
  });
});

describe("foldText", () => {
  it.each([
    ["Più  di\u00a03", "piu di 3"],
    ["  SÌ ", "si"],
    ["Dall’1/01", "dall'1/01"],
    ["≠ 5", "≠ 5"],
    ["àèìòù ÀÈ", "aeiou ae"],
    ["≥ 80%", "≥ 80%"],
  ])("%j → %j", (text, expected) => {
    expect(foldText(text)).toBe(expected);
  });

  it("shortens long text in messages", () => {
    expect(quoteForMessage("breve")).toBe("«breve»");
    expect(quoteForMessage("x".repeat(100), 10)).toBe(`«${"x".repeat(9)}…»`);
  });
});
