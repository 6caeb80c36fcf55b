import { foldText, type ObjectiveScore, type OwnerScore } from "../../engine";

/** What the Nucleo narrows a big plan to: one structure (or all) and words in a title or a name. */
export interface ScoreFilter {
  structure: string | null;
  query: string;
}

export const NO_FILTER: ScoreFilter = { structure: null, query: "" };

/** The structures of the scores, in the plan's order, each once. */
export function structuresOf(objectives: readonly ObjectiveScore[]): string[] {
  return [...new Set(objectives.map((o) => o.structure))];
}

/**
 * The objectives and owners that match: in the structure chosen, and with every word of the
 * query (accents and case aside) in the objective's title, its owner or its structure; an owner
 * matches by name or structure.
 */
export function filterScores(
  objectives: readonly ObjectiveScore[],
  owners: readonly OwnerScore[],
  titleOf: (objectiveId: string) => string,
  filter: ScoreFilter,
): { objectives: ObjectiveScore[]; owners: OwnerScore[] } {
  const words = foldText(filter.query).split(" ").filter(Boolean);
  const matches = (...texts: (string | null)[]) => {
    const haystack = foldText(texts.filter(Boolean).join(" "));
    return words.every((w) => haystack.includes(w));
  };
  const inStructure = (s: string) => filter.structure === null || s === filter.structure;
  return {
    objectives: objectives.filter((o) => inStructure(o.structure) && matches(titleOf(o.objectiveId), o.owner, o.structure)),
    owners: owners.filter((o) => inStructure(o.structure) && matches(o.owner, o.structure)),
  };
}
