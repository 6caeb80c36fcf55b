/**
 * Light or dark, as the pane's surroundings are. Pure, so that tests need no Office or browser.
 *
 * - In Office: `Office.context.officeTheme` (https://learn.microsoft.com/javascript/api/office/office.officetheme),
 *   supported by Excel on the web, Windows, Mac and iPad. `isDarkTheme` where the build has it
 *   (a boolean in the reference, a method in some samples: both are accepted), else the
 *   lightness of `bodyBackgroundColor` ("#RRGGBB"): the Black and Dark Gray themes have dark bodies.
 * - In the standalone page, or in Office without a theme: the browser's `prefers-color-scheme`.
 */
export type ThemeKind = "light" | "dark";

export interface OfficeThemeLike {
  bodyBackgroundColor?: string;
  isDarkTheme?: boolean | (() => boolean);
}

export function themeKind(officeTheme: OfficeThemeLike | null | undefined, prefersDark: boolean): ThemeKind {
  if (officeTheme) {
    const flag = typeof officeTheme.isDarkTheme === "function" ? officeTheme.isDarkTheme() : officeTheme.isDarkTheme;
    if (typeof flag === "boolean") return flag ? "dark" : "light";
    const lightness = colorLightness(officeTheme.bodyBackgroundColor);
    if (lightness !== null) return lightness < 0.5 ? "dark" : "light";
  }
  return prefersDark ? "dark" : "light";
}

/** Relative luminance (0 black … 1 white) of "#RRGGBB" / "#RGB", or null. */
export function colorLightness(color: string | undefined): number | null {
  if (typeof color !== "string") return null;
  let hex = color.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
