/**
 * ExcelJS cell fills → the snapshot's "#RRGGBB" (see `normalizeFill` in the engine's snapshot
 * model). A file stores a fill colour three ways (ECMA-376 Part 1, §18.8.19 "color"): as ARGB
 * (`rgb="FFFFC000"`), as a theme colour with a tint (`theme="5" tint="0.4"`), or as an index into
 * the legacy 64-colour palette (`indexed="13"`). Excel shows all three as one RGB colour; so does
 * this module, so that a cronoprogramma coloured with a theme colour reads like one coloured with
 * an RGB one, and like what Office.js returns for the same cells (`format.fill.color`).
 */
import { normalizeFill } from "../../engine";

/** The colour object ExcelJS gives for `fgColor` / `bgColor` / gradient stops. */
interface ColorSpec {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** What ExcelJS gives in `cell.fill` (pattern or gradient fills). */
interface FillSpec {
  type?: string;
  pattern?: string;
  fgColor?: ColorSpec;
  bgColor?: ColorSpec;
  stops?: Array<{ color?: ColorSpec }>;
}

/**
 * The Office theme's colours in SpreadsheetML theme-index order. Excel numbers theme colours 0
 * lt1, 1 dk1, 2 lt2, 3 dk2 (light and dark swapped against the order of the theme part), then
 * accent1–6, hlink, folHlink. These are the default "Office" theme (2013–2022) for files that
 * carry no theme part.
 */
const OFFICE_THEME = ["FFFFFF", "000000", "E7E6E6", "44546A", "4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "0563C1", "954F72"];

/** Theme part element names in theme-index order (see OFFICE_THEME). */
const THEME_ELEMENTS = ["lt1", "dk1", "lt2", "dk2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"];

/** The legacy indexed palette (ECMA-376 Part 1, §18.8.27 "indexedColors", default values). */
const INDEXED = [
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
  "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
  "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
  "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
  "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
  "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
  "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
];

/**
 * The theme colours of a workbook from its theme part (`xl/theme/theme1.xml`, which ExcelJS keeps
 * as text), in theme-index order; the Office default for anything missing.
 */
export function themePalette(themeXml: string | undefined): string[] {
  const palette = [...OFFICE_THEME];
  if (typeof themeXml !== "string") return palette;
  const scheme = /<a:clrScheme\b[\s\S]*?<\/a:clrScheme>/.exec(themeXml)?.[0];
  if (!scheme) return palette;
  THEME_ELEMENTS.forEach((name, i) => {
    const element = new RegExp(`<a:${name}>([\\s\\S]*?)</a:${name}>`).exec(scheme)?.[1] ?? "";
    // <a:srgbClr val="4472C4"/>, or a system colour <a:sysClr val="window" lastClr="FFFFFF"/>.
    const rgb = /<a:srgbClr\s+val="([0-9A-Fa-f]{6})"/.exec(element)?.[1] ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(element)?.[1];
    if (rgb) palette[i] = rgb.toUpperCase();
  });
  return palette;
}

/** The theme part ExcelJS loaded, if any (it keeps unparsed theme XML under `_themes`). */
export function workbookTheme(workbook: unknown): string | undefined {
  const themes = (workbook as { _themes?: Record<string, unknown> } | null)?._themes;
  const first = themes?.theme1 ?? (themes ? Object.values(themes)[0] : undefined);
  return typeof first === "string" ? first : undefined;
}

/**
 * A tint applied to an RGB colour the way Excel does (ECMA-376 Part 1, §18.8.19: the tint moves
 * the HLS luminance towards black for negative values, towards white for positive ones).
 */
export function applyTint(rgb: string, tint: number): string {
  if (!Number.isFinite(tint) || tint === 0) return rgb;
  const [h, l, s] = rgbToHls(rgb);
  const lum = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  return hlsToRgb(h, Math.min(1, Math.max(0, lum)), s);
}

/** An ExcelJS colour → "RRGGBB", or null when it names no colour (automatic, system indexes). */
function colorOf(c: ColorSpec | undefined, palette: readonly string[]): string | null {
  if (!c) return null;
  if (typeof c.argb === "string") {
    const hex = c.argb.length === 8 ? c.argb.slice(2) : c.argb;
    return /^[0-9A-Fa-f]{6}$/.test(hex) ? hex.toUpperCase() : null;
  }
  if (typeof c.theme === "number") {
    const base = palette[c.theme];
    return base ? applyTint(base, c.tint ?? 0) : null;
  }
  // Indexes 64 and 65 are the system foreground and background: no colour of their own.
  if (typeof c.indexed === "number") return INDEXED[c.indexed] ?? null;
  return null;
}

/**
 * The background Excel shows for a cell's fill: a solid or patterned fill's foreground colour
 * (a pattern's background when it has no foreground), a gradient's first stop; null for no fill
 * and for white (see `normalizeFill`).
 */
export function fillColor(fill: unknown, palette: readonly string[]): string | null {
  if (fill === null || typeof fill !== "object") return null;
  const f = fill as FillSpec;
  if (f.type === "gradient") return normalizeFill(colorOf(f.stops?.[0]?.color, palette));
  if (f.type !== "pattern" || f.pattern === undefined || f.pattern === "none") return null;
  return normalizeFill(colorOf(f.fgColor, palette) ?? colorOf(f.bgColor, palette));
}

function rgbToHls(rgb: string): [number, number, number] {
  const r = parseInt(rgb.slice(0, 2), 16) / 255;
  const g = parseInt(rgb.slice(2, 4), 16) / 255;
  const b = parseInt(rgb.slice(4, 6), 16) / 255;
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, l, 0];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === r) h = (g - b) / d + (g < b ? 6 : 0);
  else if (max === g) h = (b - r) / d + 2;
  else h = (r - g) / d + 4;
  return [h / 6, l, s];
}

function hlsToRgb(h: number, l: number, s: number): string {
  const channel = (t: number): number => {
    const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
    const p = 2 * l - q;
    let x = t;
    if (x < 0) x += 1;
    if (x > 1) x -= 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  const rgb = s === 0 ? [l, l, l] : [channel(h + 1 / 3), channel(h), channel(h - 1 / 3)];
  return rgb.map((v) => Math.round(v * 255).toString(16).padStart(2, "0")).join("").toUpperCase();
}
