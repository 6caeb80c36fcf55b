import type { ObjectiveScore, OwnerScore } from "../../../src/engine/compute/types";
import { filterScores, structuresOf } from "../../../src/ui/logic/score-filter";

const objective = (objectiveId: string, structure: string, owner: string | null): ObjectiveScore => ({
  objectiveId,
  structure,
  owner,
  weight: null,
  notComputable: [],
  indicators: [],
  phases: [],
  meanAchievement: null,
  meanTimeliness: null,
  score: null,
  override: null,
  finalScore: null,
  settingsUsed: [],
});
const owner = (name: string, structure: string): OwnerScore => ({ owner: name, structure, score: null, band: null, objectiveIds: [] });

const objectives = [objective("a/1", "Polizia Locale", "Michele Rallo"), objective("a/2", "Polizia Locale", "Michele Rallo"), objective("b/1", "Servizi Sociali", "Anna Bianchi")];
const owners = [owner("Michele Rallo", "Polizia Locale"), owner("Anna Bianchi", "Servizi Sociali")];
const titles: Record<string, string> = { "a/1": "1. Sicurezza stradale davanti alle scuole", "a/2": "2. Segnaletica orizzontale", "b/1": "1. Assistenza domiciliare agli anziani" };
const titleOf = (id: string) => titles[id] ?? id;

describe("filterScores", () => {
  it.each([
    [{ structure: null, query: "" }, ["a/1", "a/2", "b/1"], ["Michele Rallo", "Anna Bianchi"]],
    [{ structure: "Servizi Sociali", query: "" }, ["b/1"], ["Anna Bianchi"]],
    [{ structure: null, query: "SCUOLE sicurézza" }, ["a/1"], []],
    [{ structure: null, query: "rallo" }, ["a/1", "a/2"], ["Michele Rallo"]],
    [{ structure: "Servizi Sociali", query: "rallo" }, [], []],
  ])("%j", (filter, ids, names) => {
    const result = filterScores(objectives, owners, titleOf, filter);
    expect(result.objectives.map((o) => o.objectiveId)).toEqual(ids);
    expect(result.owners.map((o) => o.owner)).toEqual(names);
  });

  it("lists each structure once, in order", () => {
    expect(structuresOf(objectives)).toEqual(["Polizia Locale", "Servizi Sociali"]);
  });
});
