/**
 * The add-in's sheets: the previous ones go (a kept Metodologia stays), the plan's are written
 * where no user sheet has the name, and the tabs end in one order: the user's sheets as they
 * were, then the add-in's in the plan's order.
 */
import { OWNED_SHEET_MARKER, isGeneratedSheet, isStateSheetName } from "../ownership";
import { STATE_SHEET } from "../types";
import { type Draft, WHOLE_SHEET, exists, infoOf, touch } from "./draft";
import { cellKey } from "./keys";
import { hostMessage } from "./messages";
import { tableName } from "./tables";

/** Whether a sheet not in the record is still a generated one (its record was lost: a copied workbook). */
function generated(d: Draft, name: string): boolean {
  const found = infoOf(d, name);
  if (!found || isStateSheetName(found.name)) return false;
  const a1 = d.state.cells.get(cellKey(found.name, 0, 0))?.value;
  // The marker alone is text anybody may type: a generated sheet also holds an SO_ table.
  return found.tables === undefined ? typeof a1 === "string" && a1.startsWith(OWNED_SHEET_MARKER) : isGeneratedSheet(a1, found.tables);
}

/** `clear` removes every sheet of the record; `apply` those it does not keep. */
export function removeOwnedSheets(d: Draft): void {
  if (d.mode.kind === "flags") {
    d.next.sheets.push(...d.prev.sheets);
    d.next.tables.push(...d.prev.tables);
    Object.assign(d.next.sheetKeys, d.prev.sheetKeys ?? {});
    d.next.keptSheets.push(...(d.prev.keptSheets ?? []));
    return;
  }
  const keep = d.mode.kind === "apply" ? new Set(d.mode.plan.sheets.filter((s) => s.keepIfExists).map((s) => s.name.toLowerCase())) : new Set<string>();
  for (const s of d.prev.sheets) {
    const found = infoOf(d, s);
    if (!found || keep.has(s.toLowerCase())) continue;
    d.ops.deleteSheets.push({ kind: "deleteSheet", sheet: found.name, ...(found.visibility === "VeryHidden" ? { veryHidden: true } : {}) });
    d.report.sheetsRemoved.push(found.name);
  }
  if (d.mode.kind === "apply") d.next.keptSheets.push(...(d.prev.keptSheets ?? []).filter((s) => exists(d, s)));
}

/** The plan's sheets: kept where they exist (keepIfExists), else added, unless a user sheet has the name. */
export function writeOwnedSheets(d: Draft): void {
  if (d.mode.kind !== "apply") return;
  const owned = new Set(d.prev.sheets.map((s) => s.toLowerCase()));
  const freed = new Set(d.prev.tables.map((t) => t.toLowerCase()));
  const taken = new Set([...d.state.tables].filter((t) => !freed.has(t)));
  for (const sheet of d.mode.plan.sheets) {
    const found = infoOf(d, sheet.name);
    if (found && sheet.keepIfExists) {
      // The add-in's own (by the record, or by its marker when the record was lost), or the user's.
      if (owned.has(found.name.toLowerCase()) || generated(d, found.name)) {
        d.next.sheets.push(found.name);
        d.next.tables.push(...(found.tables ?? sheet.tables.map((t) => t.name).filter((t) => d.state.tables.has(t.toLowerCase()))));
      } else if (!d.next.keptSheets.some((k) => k.toLowerCase() === found.name.toLowerCase())) d.next.keptSheets.push(found.name);
      if (sheet.key) d.next.sheetKeys[sheet.key] = found.name;
      continue;
    }
    if (found && !owned.has(found.name.toLowerCase())) {
      if (!generated(d, found.name)) {
        d.messages.push(hostMessage("sheet-name-taken", { sheet: sheet.name }));
        continue;
      }
      // A generated sheet whose record was lost (a copied workbook): still the add-in's.
      d.ops.deleteSheets.push({ kind: "deleteSheet", sheet: found.name });
      d.report.sheetsRemoved.push(found.name);
    }
    const names = sheet.tables.map((t) => {
      const name = tableName(t.name, taken);
      if (name !== t.name) d.messages.push(hostMessage("table-name-taken", { sheet: sheet.name, wanted: t.name, used: name }));
      return name;
    });
    d.ops.sheets.push({ kind: "addSheet", sheet: sheet.name, ...(sheet.tabColor ? { tabColor: sheet.tabColor } : {}) });
    d.ops.sheets.push({ kind: "sheetContent", sheet: sheet.name, content: sheet, tableNames: names });
    touch(d, sheet.name, WHOLE_SHEET);
    d.next.sheets.push(sheet.name);
    d.next.tables.push(...names);
    if (sheet.key) d.next.sheetKeys[sheet.key] = sheet.name;
    d.report.sheetsWritten.push(sheet.name);
  }
}

/**
 * Tab order: the user's sheets as they were, then the add-in's in the plan's order, then the
 * very hidden state sheet (a very hidden sheet before the visible ones makes Excel refuse new
 * sheets: exceljs/exceljs#2230). Sheets are added at the end; a kept sheet of the add-in, or
 * the state sheet written before the others, is moved to the end in turn.
 */
export function orderSheets(d: Draft): void {
  if (d.mode.kind !== "apply") return;
  const deleted = new Set(d.ops.deleteSheets.flatMap((op) => (op.kind === "deleteSheet" ? [op.sheet.toLowerCase()] : [])));
  const current = [...d.state.sheets.values()].map((s) => s.name).filter((n) => !deleted.has(n.toLowerCase()));
  for (const op of [...d.ops.record, ...d.ops.sheets]) if (op.kind === "addSheet") current.push(op.sheet);
  const isState = (n: string): boolean => n.toLowerCase() === STATE_SHEET.toLowerCase();
  const ownedSet = new Set(d.next.sheets.map((n) => n.toLowerCase()));
  const present = (n: string): string | undefined => current.find((c) => c.toLowerCase() === n.toLowerCase());
  const users = current.filter((n) => !ownedSet.has(n.toLowerCase()) && !isState(n));
  const owned = dedupe(d.next.sheets).flatMap((n) => present(n) ?? []);
  const wanted = [...users, ...owned, ...current.filter(isState)];
  // The fewest moves: the longest head of `wanted` already in that order stays, the rest goes to the end in turn.
  let keep = wanted.length;
  while (keep > users.length) {
    const head = new Set(wanted.slice(0, keep));
    if (current.filter((n) => head.has(n)).every((n, i) => n === wanted[i])) break;
    keep--;
  }
  for (const name of wanted.slice(keep)) d.ops.order.push({ kind: "moveSheetToEnd", sheet: name, position: current.length - 1 });
}

export function dedupe(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
