import { colorLightness, themeKind } from "../../../src/ui/logic/theme";

describe("themeKind", () => {
  it("follows the Office theme: isDarkTheme (flag or method), else the body colour", () => {
    expect(themeKind({ isDarkTheme: true, bodyBackgroundColor: "#FFFFFF" }, false)).toBe("dark");
    expect(themeKind({ isDarkTheme: () => false }, true)).toBe("light");
    // Black and Dark Gray have dark bodies; White and Colorful light ones.
    expect(themeKind({ bodyBackgroundColor: "#262626" }, false)).toBe("dark");
    expect(themeKind({ bodyBackgroundColor: "#666666" }, false)).toBe("dark");
    expect(themeKind({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("light");
  });

  it("falls back to prefers-color-scheme (standalone page, or no Office theme)", () => {
    expect(themeKind(null, true)).toBe("dark");
    expect(themeKind(undefined, false)).toBe("light");
    expect(themeKind({ bodyBackgroundColor: "not a colour" }, true)).toBe("dark");
  });

  it("colorLightness", () => {
    expect(colorLightness("#000")).toBe(0);
    expect(colorLightness("#FFFFFF")).toBeCloseTo(1);
    expect(colorLightness("x")).toBeNull();
  });
});
