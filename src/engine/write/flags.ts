import { parseRangeA1 } from "../cells/a1";
import { cellKey, rangeCellCount, rangeKey, type CellRange } from "../cells/range";
import type { Finding, Severity } from "../model/finding";
import type { Merge, SheetSnapshot } from "../model/snapshot";
import type { CellFlag } from "./types";
import { withoutControlChars } from "./escape";

/** Fills of flagged cells (Excel's own "bad" and "neutral" styles). */
export const FLAG_FILLS: Readonly<Record<"error" | "warning", string>> = { error: "#FFC7CE", warning: "#FFEB9C" };

/**
 * Largest range filled whole. A finding on a bigger block (a whole card) gets its fill and note
 * on its first cell only: painting sixty rows says less than one marked cell with the message.
 */
export const MAX_FLAG_CELLS = 120;

const SEVERITY_LABEL: Record<"error" | "warning", string> = { error: "Errore", warning: "Avviso" };

/**
 * Grows a range until no merged area crosses its edge, so that a merged cell is flagged whole
 * (Excel shows a merge's top-left fill and note for the whole area; half a merge cannot be
 * filled consistently). Merges are never undone.
 */
export function expandToMerges(range: CellRange, merges: readonly Merge[]): CellRange {
  const out = { ...range };
  for (let changed = true; changed; ) {
    changed = false;
    for (const m of merges) {
      const intersects = m.top <= out.bottom && m.bottom >= out.top && m.left <= out.right && m.right >= out.left;
      if (!intersects) continue;
      if (m.top < out.top || m.left < out.left || m.bottom > out.bottom || m.right > out.right) {
        out.top = Math.min(out.top, m.top);
        out.left = Math.min(out.left, m.left);
        out.bottom = Math.max(out.bottom, m.bottom);
        out.right = Math.max(out.right, m.right);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Flags for the error and warning findings on the user's sheets: one per distinct range (the
 * findings on it combined), grown to whole merged areas, with the Italian messages as the note
 * of its top-left cell. Flags that share a top-left cell share one note (on the first of them).
 * Warnings come before errors, so that where ranges overlap the error's fill is written last
 * and shows.
 */
export function buildFlags(findings: readonly Finding[], snapshots: readonly SheetSnapshot[], flaggable: (sheet: string) => boolean): CellFlag[] {
  const sheetOrder = new Map(snapshots.map((s, i) => [s.name, i]));
  const merges = new Map(snapshots.map((s) => [s.name, s.merges ?? []]));
  const groups = new Map<string, { bounds: CellRange; sheet: string; severity: "error" | "warning"; messages: string[]; ruleIds: string[] }>();
  for (const f of findings) {
    if (f.severity !== "error" && f.severity !== "warning") continue;
    if (!sheetOrder.has(f.at.sheet) || !flaggable(f.at.sheet)) continue;
    const parsed = parseRangeA1(f.at.range);
    if (!parsed) continue;
    const sheetMerges = merges.get(f.at.sheet) ?? [];
    let bounds = expandToMerges(parsed, sheetMerges);
    if (rangeCellCount(bounds) > MAX_FLAG_CELLS) {
      bounds = expandToMerges({ top: parsed.top, left: parsed.left, bottom: parsed.top, right: parsed.left }, sheetMerges);
    }
    const key = rangeKey(f.at.sheet, bounds);
    const severity: "error" | "warning" = f.severity;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, { bounds, sheet: f.at.sheet, severity, messages: [f.message], ruleIds: [f.ruleId] });
      continue;
    }
    if (severity === "error") g.severity = "error";
    if (!g.messages.includes(f.message)) g.messages.push(f.message);
    if (!g.ruleIds.includes(f.ruleId)) g.ruleIds.push(f.ruleId);
  }

  const flags: CellFlag[] = [...groups.values()].map((g) => ({
    sheet: g.sheet,
    ...g.bounds,
    severity: g.severity as Severity,
    fill: FLAG_FILLS[g.severity],
    note: noteText(g.severity, g.messages),
    ruleIds: g.ruleIds,
  }));
  flags.sort(
    (a, b) =>
      rank(a.severity) - rank(b.severity) ||
      (sheetOrder.get(a.sheet) ?? 0) - (sheetOrder.get(b.sheet) ?? 0) ||
      a.top - b.top ||
      a.left - b.left ||
      a.bottom - b.bottom ||
      a.right - b.right,
  );

  // One note per top-left cell: the others' messages join the first flag anchored there.
  const byAnchor = new Map<string, CellFlag>();
  const messagesOf = new Map<CellFlag, { severity: Severity; messages: string[] }>();
  for (const flag of flags) {
    const anchor = cellKey(flag.sheet, flag.top, flag.left);
    const first = byAnchor.get(anchor);
    const own = groups.get(rangeKey(flag.sheet, flag));
    if (!own) continue;
    if (!first) {
      byAnchor.set(anchor, flag);
      messagesOf.set(flag, { severity: flag.severity, messages: [...own.messages] });
      continue;
    }
    const acc = messagesOf.get(first);
    if (!acc) continue;
    if (flag.severity === "error") acc.severity = "error";
    for (const m of own.messages) if (!acc.messages.includes(m)) acc.messages.push(m);
    flag.note = "";
  }
  for (const [flag, acc] of messagesOf) flag.note = noteText(acc.severity === "error" ? "error" : "warning", acc.messages);
  return flags;
}

const rank = (s: Severity): number => (s === "warning" ? 0 : 1);

/** "Schede Obiettivo · Errore" then one line per message. */
export function noteText(severity: "error" | "warning", messages: readonly string[]): string {
  const head = `Schede Obiettivo · ${SEVERITY_LABEL[severity]}`;
  // Messages quote card text: a control character there would be dropped when the file is
  // saved, and the note on file would no longer be the one recorded (clear would not know it).
  if (messages.length === 1) return withoutControlChars(`${head}\n${messages[0]}`);
  return withoutControlChars(`${head}\n${messages.map((m) => `• ${m}`).join("\n")}`);
}
