/**
 * Recorded fills. The record stores each flagged cell's original fill as the host that wrote
 * the flag saw it: "#RRGGBB" (Office.js), or the ExcelJS fill model as JSON ("{…}"); null is no
 * fill. Either host restores either form, so a file annotated by the CLI is cleaned in Excel.
 */
import type { Fill } from "./types";

/** The solid colour of a recorded fill; null for no fill, a non-solid pattern or a damaged entry. */
export function tokenColor(entry: string | null | undefined): Fill {
  if (entry === null || entry === undefined) return null;
  if (/^#[0-9A-Fa-f]{6}$/.test(entry)) return entry.toUpperCase();
  if (!entry.startsWith("{")) return null;
  try {
    const model = JSON.parse(entry) as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
    const argb = model.fgColor?.argb;
    if (model.type === "pattern" && model.pattern === "solid" && typeof argb === "string" && /^[0-9A-Fa-f]{8}$/.test(argb)) {
      return `#${argb.slice(2).toUpperCase()}`;
    }
  } catch {
    // A damaged entry restores to "no fill", never to a made-up colour.
  }
  return null;
}

/** Same colour (both none, or the same "#RRGGBB" in any case). */
export const sameColor = (a: Fill | undefined, b: Fill | undefined): boolean => (a ?? null)?.toUpperCase() === (b ?? null)?.toUpperCase();
