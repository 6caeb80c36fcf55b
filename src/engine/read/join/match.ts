/**
 * The one matcher that joins a structure's summary (weight-table) rows to its cards. Each
 * candidate pair gets a score from four pieces of evidence — number, title, structure, owner —
 * and pairs are taken best first, one-to-one. Two candidates equally good for one row (or one
 * card) are not guessed between: the pair is reported as ambiguous and neither is joined.
 *
 * Evidence is a similarity in 0…1, or null when one side does not say (a card without a number,
 * a summary row without an owner); unknown evidence counts as UNKNOWN, halfway, so it neither
 * helps nor hurts.
 */
import type { SheetRange } from "../../cells/a1";
import { keySimilarity, personSimilarity, structureSimilarity, titleKey } from "./names";

/** What one side of a pair says about the objective. */
export interface JoinSide {
  number: string | null;
  title: string | null;
  structure: string | null;
  owner: string | null;
  at: SheetRange;
}

export interface Evidence {
  number: number | null;
  title: number | null;
  structure: number | null;
  owner: number | null;
}

export interface JoinPair<R, C> {
  row: R;
  card: C;
  score: number;
  evidence: Evidence;
}

export interface Ambiguity<R, C> {
  row: R;
  /** The cards that are equally good for the row (or the rows equally good for the card, with it). */
  cards: C[];
  rows: R[];
  score: number;
}

export interface JoinResult<R, C> {
  pairs: JoinPair<R, C>[];
  ambiguous: Ambiguity<R, C>[];
  unmatchedRows: R[];
  unmatchedCards: C[];
}

/**
 * How much each piece of evidence weighs. Number and title are what a summary row and its card
 * both carry, and either alone identifies an objective within a structure; structure and owner
 * are usually the same for every row of a table and only separate candidates that differ there.
 */
export const EVIDENCE_WEIGHTS = { number: 0.35, title: 0.35, structure: 0.15, owner: 0.15 } as const;

/** What unknown evidence counts for. */
export const UNKNOWN = 0.5;

/**
 * Score from which a pair is the same objective. With structure and owner unknown it accepts:
 * the same number whatever the titles (the card's title may be reworded); a title at least half
 * shared when one side has no number; an identical title under a different number (a plan
 * numbered across structures on its summary, per structure on its cards). It rejects different
 * numbers with titles less than fully alike, and a missing number with titles less than half alike.
 */
export const MATCH_THRESHOLD = 0.5;

/** Scores closer than this are equally good: the matcher does not choose between them. */
export const TIE = 0.01;

function evidence(a: JoinSide, b: JoinSide, ka: ReadonlySet<string>, kb: ReadonlySet<string>): Evidence {
  const title = a.title && b.title && (ka.size > 0 || kb.size > 0) ? keySimilarity(ka, kb) : null;
  return {
    number: a.number !== null && b.number !== null ? (a.number === b.number ? 1 : 0) : null,
    title,
    structure: a.structure && b.structure ? structureSimilarity(a.structure, b.structure) : null,
    owner: a.owner && b.owner ? personSimilarity(a.owner, b.owner) : null,
  };
}

/** The score of a pair from its evidence (see EVIDENCE_WEIGHTS, UNKNOWN). */
export function scoreOf(e: Evidence): number {
  let s = 0;
  for (const k of Object.keys(EVIDENCE_WEIGHTS) as (keyof Evidence)[]) s += EVIDENCE_WEIGHTS[k] * (e[k] ?? UNKNOWN);
  return Math.round(s * 1000) / 1000;
}

/**
 * Joins rows to cards one-to-one. Candidates are only pairs that share a number or a title
 * word (others cannot reach MATCH_THRESHOLD), so a structure of a thousand rows stays fast.
 */
export function joinRowsToCards<R, C>(rows: readonly R[], cards: readonly C[], rowSide: (r: R) => JoinSide, cardSide: (c: C) => JoinSide): JoinResult<R, C> {
  const rs = rows.map(rowSide);
  const cs = cards.map(cardSide);
  const rowKeys = rs.map((r) => titleKey(r.title ?? ""));
  const cardKeys = cs.map((c) => titleKey(c.title ?? ""));
  // Blocking: cards by number and by title word.
  const byNumber = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, i: number): void => {
    const list = m.get(k);
    if (list) list.push(i);
    else m.set(k, [i]);
  };
  cs.forEach((c, i) => {
    if (c.number !== null) push(byNumber, c.number, i);
    for (const w of cardKeys[i] as Set<string>) push(byWord, w, i);
  });

  const candidates: { r: number; c: number; score: number; evidence: Evidence }[] = [];
  rs.forEach((r, ri) => {
    const seen = new Set<number>();
    const consider = (ci: number): void => {
      if (seen.has(ci)) return;
      seen.add(ci);
      const e = evidence(r, cs[ci] as JoinSide, rowKeys[ri] as Set<string>, cardKeys[ci] as Set<string>);
      const score = scoreOf(e);
      if (score >= MATCH_THRESHOLD) candidates.push({ r: ri, c: ci, score, evidence: e });
    };
    // A row and a card that share neither a number nor a title word cannot reach MATCH_THRESHOLD.
    if (r.number !== null) for (const ci of byNumber.get(r.number) ?? []) consider(ci);
    for (const w of rowKeys[ri] as Set<string>) for (const ci of byWord.get(w) ?? []) consider(ci);
  });
  candidates.sort((a, b) => b.score - a.score || a.r - b.r || a.c - b.c);

  const rowTaken = new Set<number>();
  const cardTaken = new Set<number>();
  const pairs: JoinPair<R, C>[] = [];
  const ambiguous: Ambiguity<R, C>[] = [];
  for (const cand of candidates) {
    if (rowTaken.has(cand.r) || cardTaken.has(cand.c)) continue;
    const close = (x: { score: number }): boolean => x.score >= cand.score - TIE;
    const rivalCards = candidates.filter((x) => x.r === cand.r && x.c !== cand.c && !cardTaken.has(x.c) && close(x)).map((x) => x.c);
    const rivalRows = candidates.filter((x) => x.c === cand.c && x.r !== cand.r && !rowTaken.has(x.r) && close(x)).map((x) => x.r);
    if (rivalCards.length > 0 || rivalRows.length > 0) {
      const cardsInvolved = [cand.c, ...rivalCards];
      const rowsInvolved = [cand.r, ...rivalRows];
      ambiguous.push({ row: rows[cand.r] as R, cards: cardsInvolved.map((i) => cards[i] as C), rows: rowsInvolved.map((i) => rows[i] as R), score: cand.score });
      for (const i of rowsInvolved) rowTaken.add(i);
      for (const i of cardsInvolved) cardTaken.add(i);
      continue;
    }
    rowTaken.add(cand.r);
    cardTaken.add(cand.c);
    pairs.push({ row: rows[cand.r] as R, card: cards[cand.c] as C, score: cand.score, evidence: cand.evidence });
  }
  const matchedRows = new Set(pairs.map((p) => p.row));
  const matchedCards = new Set(pairs.map((p) => p.card));
  return {
    pairs,
    ambiguous,
    unmatchedRows: rows.filter((r) => !matchedRows.has(r)),
    unmatchedCards: cards.filter((c) => !matchedCards.has(c)),
  };
}
