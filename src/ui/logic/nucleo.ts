import type { ObjectiveScore, OwnerScore, ReviewKind, Scores } from "../../engine";

/** The review date the Nucleo view proposes: 30/09 of the plan year for an interim review, 31/12 for the final one. */
export function defaultReviewDate(planYear: number, review: ReviewKind): string {
  return review === "interim" ? `${planYear}-09-30` : `${planYear}-12-31`;
}

export interface OwnerChange {
  owner: string;
  structure: string;
  before: number | null;
  after: number | null;
  bandBefore: string | null;
  bandAfter: string | null;
}

export interface ObjectiveChange {
  objectiveId: string;
  before: number | null;
  after: number | null;
  /** after − before; null when either is not computable. */
  delta: number | null;
}

export interface WhatIf {
  owners: OwnerChange[];
  /** The objectives whose final score moved, most first (at most `limit`). */
  moved: ObjectiveChange[];
}

const ownerKey = (o: OwnerScore): string => `${o.structure}\u0000${o.owner}`;

/**
 * What changing the methodology does, before anything is written: each owner's score and band
 * before → after, and the objectives whose final score moved most (a score that becomes or stops
 * being computable counts as moved, first).
 */
export function compareScores(before: Scores, after: Scores, limit = 5): WhatIf {
  const afterOwners = new Map(after.owners.map((o) => [ownerKey(o), o]));
  const owners = before.owners.map((b) => {
    const a = afterOwners.get(ownerKey(b));
    return { owner: b.owner, structure: b.structure, before: b.score, after: a?.score ?? null, bandBefore: b.band, bandAfter: a?.band ?? null };
  });
  const afterObjectives = new Map<string, ObjectiveScore>(after.objectives.map((o) => [o.objectiveId, o]));
  const moved: ObjectiveChange[] = [];
  for (const b of before.objectives) {
    const a = afterObjectives.get(b.objectiveId);
    const x = b.finalScore;
    const y = a?.finalScore ?? null;
    if (x === y || (x !== null && y !== null && Math.abs(x - y) < 0.005)) continue;
    moved.push({ objectiveId: b.objectiveId, before: x, after: y, delta: x !== null && y !== null ? y - x : null });
  }
  moved.sort((p, q) => (q.delta === null ? Infinity : Math.abs(q.delta)) - (p.delta === null ? Infinity : Math.abs(p.delta)));
  return { owners, moved: moved.slice(0, limit) };
}
