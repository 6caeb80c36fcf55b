/**
 * What an Excel number format says about the number in the cell. Formats repeat on
 * thousands of cells, so each distinct format string is classified once and cached.
 */
export type FormatKind = "general" | "number" | "percent" | "currency" | "date" | "time" | "text";

const cache = new Map<string, FormatKind>();
const CACHE_LIMIT = 2000;

// Literal parts never decide the kind: "quoted text", \x escapes, _x padding, *x fill, [Red] / [$€-410] brackets.
const QUOTED = /"[^"]*"/g;
const ESCAPED = /[\\_*]./g;
const BRACKETS = /\[[^\]]*\]/g;
const AM_PM = /a\/p|am\/pm/g;
const CURRENCY_BRACKET = /\[\$(?:€|eur)/i;
const CURRENCY_LITERAL = /€|\beur\b|"euro"/i;

/** The kind of an Excel number format (English codes as in the file, or Italian local codes). */
export function classifyFormat(format: string | null | undefined): FormatKind {
  if (format === null || format === undefined) return "general";
  const cached = cache.get(format);
  if (cached !== undefined) return cached;
  const kind = classifyUncached(format);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(format, kind);
  return kind;
}

function classifyUncached(format: string): FormatKind {
  const trimmed = format.trim().toLowerCase();
  if (trimmed === "" || trimmed === "general" || trimmed === "generale" || trimmed === "standard") return "general";
  if (trimmed === "@") return "text";
  // Only the first section (positive numbers) matters for the kind.
  const firstSection = splitSections(format)[0] ?? format;
  const hasCurrency = CURRENCY_BRACKET.test(firstSection) || CURRENCY_LITERAL.test(firstSection);
  const code = firstSection.replace(QUOTED, "").replace(ESCAPED, "").replace(BRACKETS, "").toLowerCase();
  if (code.includes("%")) return "percent";
  const letters = code.replace(AM_PM, "");
  // English codes d/y, Italian local codes g (giorno) / a (anno).
  if (/[dyga]/.test(letters)) return "date";
  if (letters.includes("m")) return /[hs]/.test(letters) ? "time" : "date";
  if (/[hs]/.test(letters)) return "time";
  if (hasCurrency) return "currency";
  if (code.includes("@")) return "text";
  return "number";
}

function splitSections(format: string): string[] {
  if (!format.includes(";")) return [format];
  const sections: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && !quoted) {
      current += ch + (format[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === ";" && !quoted) {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** True when the format shows the number as a date (a date serial). */
export const isDateFormat = (format: string | null | undefined): boolean => classifyFormat(format) === "date";

/** True when the format shows the number as a percent (0.5 shown as 50%). */
export const isPercentFormat = (format: string | null | undefined): boolean => classifyFormat(format) === "percent";
