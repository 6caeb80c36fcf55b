import { quoteSheetName, rangeToA1, type SheetRange } from "../cells/a1";
import type { Methodology } from "../compute/methodology";
import type { ObjectiveSchedule, ObjectiveScore, ReviewKind, Scores } from "../compute/types";
import type { Objective, Plan, Structure } from "../model/plan";
import type { MethodologyRefs } from "./methodology";
import type { OwnedSheetKey, SheetNaming } from "./types";
import { sheetNameOf } from "./sheets";

/** One objective as the tables see it. */
export interface ObjectiveEntry {
  objective: Objective;
  structure: Structure;
  /** The objective's id, made unique in the workbook ("…#2" for a repeated id) so formulas can match on it. */
  key: string;
  score: ObjectiveScore | null;
  schedule: ObjectiveSchedule | null;
  /** Year the cronoprogramma months belong to, as the engine chose it. */
  year: number;
  /** The owner the scores group it under. */
  owner: string;
}

/** What every sheet builder needs. */
export interface WriteContext {
  plan: Plan;
  scores: Scores;
  methodology: Methodology;
  refs: MethodologyRefs;
  names: readonly SheetNaming[];
  review: ReviewKind;
  asOf: string;
  /** Absolute reference to the review date cell (on Punteggi). */
  asOfRef: string;
  objectives: ObjectiveEntry[];
}

/** Where the review date and kind sit on the Punteggi sheet (row 2). */
export const AS_OF_CELL = { row: 1, col: 1 } as const;
export const REVIEW_CELL = { row: 1, col: 3 } as const;

export function sheetOf(context: WriteContext, key: OwnedSheetKey): string {
  return sheetNameOf(context.names, key);
}

/** Entries for every objective, in plan order, matched to their scores and schedules. */
export function objectiveEntries(plan: Plan, scores: Scores, schedules: readonly ObjectiveSchedule[], methodology: Methodology, asOf: string): ObjectiveEntry[] {
  const seen = new Map<string, number>();
  const scoreById = new Map<string, ObjectiveScore[]>();
  for (const s of scores.objectives) scoreById.set(s.objectiveId, [...(scoreById.get(s.objectiveId) ?? []), s]);
  const scheduleById = new Map<string, ObjectiveSchedule[]>();
  for (const s of schedules) scheduleById.set(s.objectiveId, [...(scheduleById.get(s.objectiveId) ?? []), s]);
  const entries: ObjectiveEntry[] = [];
  for (const structure of plan.structures) {
    for (const objective of structure.objectives) {
      const n = seen.get(objective.id) ?? 0;
      seen.set(objective.id, n + 1);
      const key = n === 0 ? objective.id : `${objective.id}#${n + 1}`;
      // Repeated ids are scored in plan order, so the n-th objective takes the n-th score.
      const score = scoreById.get(objective.id)?.[n] ?? null;
      const schedule = scheduleById.get(objective.id)?.[n] ?? null;
      const year = methodology.planYear ?? plan.year ?? objective.year ?? Number(asOf.slice(0, 4));
      const owner = objective.owner ?? structure.owner ?? structure.name;
      entries.push({ objective, structure, key, score, schedule, year, owner });
    }
  }
  return entries;
}

/** "'Polizia Locale'!C5:F9", the target of a hyperlink to a range. */
export function linkTarget(range: SheetRange): string {
  return `${quoteSheetName(range.sheet)}!${rangeToA1(range)}`;
}

/** Days from Excel's day 0 (1899-12-30) to an ISO date: the serial Excel stores. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A figure in % (0–100) as the fraction the sheets hold (0–1), or "" for none. */
export function fraction(percent: number | null | undefined): number | "" {
  return percent === null || percent === undefined ? "" : percent / 100;
}
