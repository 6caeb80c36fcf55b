/**
 * Remembers the ranges the add-in itself is writing, so that the change events they cause are
 * not taken for the user's edits. Events are switched off while a plan is applied
 * (runtime.enableEvents), but Excel may still deliver events queued around the write, and
 * coauthoring hosts replay them; this is the second line of defence. Pure apart from the clock.
 */
import { rangeContains, sheetKey, type CellRange, type SheetRange } from "../../engine";

interface Entry {
  sheet: string;
  bounds: CellRange;
  /** Until when events on the range are ours; Infinity while the write runs. */
  until: number;
}

/** How long after a write its events are still recognised as the add-in's. */
export const OWN_WRITE_GRACE_MS = 2000;

export class OwnWrites {
  private entries: Entry[] = [];

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly graceMs: number = OWN_WRITE_GRACE_MS,
  ) {}

  /** Marks ranges as being written; call the returned function when the write is over. */
  begin(ranges: readonly SheetRange[]): () => void {
    const added: Entry[] = ranges.map((r) => ({ sheet: sheetKey(r.sheet), bounds: r, until: Number.POSITIVE_INFINITY }));
    this.entries.push(...added);
    return () => {
      const until = this.now() + this.graceMs;
      for (const e of added) e.until = until;
    };
  }

  /** Whether a change on `bounds` of `sheet` lies wholly inside what the add-in wrote. */
  isOwn(sheet: string, bounds: CellRange): boolean {
    const t = this.now();
    this.entries = this.entries.filter((e) => e.until >= t);
    const key = sheetKey(sheet);
    return this.entries.some((e) => e.sheet === key && rangeContains(e.bounds, bounds));
  }
}
