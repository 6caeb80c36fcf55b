import { DEFAULT_METHODOLOGY } from "../../../src/engine/compute/methodology";
import type { ObjectiveSchedule } from "../../../src/engine/compute/types";
import { cardChecklist } from "../../../src/ui/logic/checklist";
import { objective } from "../fixtures";

const status = (items: ReturnType<typeof cardChecklist>) => Object.fromEntries(items.map((i) => [i.id, i.status]));
const fullSchedule = (id: string, phases: number): ObjectiveSchedule => ({
  objectiveId: id,
  source: "grid",
  phases: Array.from({ length: phases }, (_, i) => ({ phaseIndex: i, label: String(i + 1), months: [i + 1], source: "grid" as const })),
});

describe("cardChecklist", () => {
  it("marks a complete card ok everywhere", () => {
    const o = objective({ id: "s/1", title: "T", structure: "S" });
    expect(status(cardChecklist(o, fullSchedule(o.id, 2), DEFAULT_METHODOLOGY))).toEqual({
      title: "ok",
      weight: "ok",
      indicators: "ok",
      phases: "ok",
      phaseWeights: "ok",
      schedule: "ok",
      staff: "ok",
    });
  });

  it("names what is missing with the figures", () => {
    const base = objective({ id: "s/1", title: "T", structure: "S" });
    const o = objective({
      id: "s/1",
      title: "T",
      structure: "S",
      description: null,
      weight: null,
      indicators: [{ ...base.indicators[0]!, target: null }],
      phases: [{ ...base.phases[0]!, weight: 30 }, { ...base.phases[1]!, weight: 30 }],
      staff: [{ ...base.staff[0]!, participation: 33 }, { ...base.staff[0]!, participation: 33 }],
    });
    const schedule: ObjectiveSchedule = {
      objectiveId: o.id,
      source: "grid",
      phases: [
        { phaseIndex: 0, label: "1", months: [3], source: "grid" },
        { phaseIndex: null, label: "9", months: [4], source: "grid" },
      ],
    };
    const items = cardChecklist(o, schedule, DEFAULT_METHODOLOGY);
    expect(status(items)).toEqual({
      title: "warning",
      weight: "error",
      indicators: "error",
      phases: "ok",
      phaseWeights: "error",
      schedule: "error",
      staff: "warning",
    });
    expect(items.find((i) => i.id === "phaseWeights")?.detail).toContain("60%");
    expect(items.find((i) => i.id === "staff")?.detail).toContain("66%");
    expect(items.find((i) => i.id === "schedule")?.detail).toBe("1 fase senza mesi nel cronoprogramma.");
  });

  it("tolerates 33+33+33 participation and flags partial phase weights", () => {
    const base = objective({ id: "s/1", title: "T", structure: "S" });
    const o = objective({
      id: "s/1",
      title: "T",
      structure: "S",
      phases: [{ ...base.phases[0]!, weight: 100 }, { ...base.phases[1]!, weight: null }],
      staff: [33, 33, 33].map((p) => ({ ...base.staff[0]!, participation: p })),
    });
    const items = status(cardChecklist(o, fullSchedule(o.id, 2), DEFAULT_METHODOLOGY));
    expect(items.staff).toBe("ok");
    expect(items.phaseWeights).toBe("error");
  });

  it("asks for the title first", () => {
    const o = objective({ id: "s/1", title: " ", structure: "S" });
    const item = cardChecklist(o, fullSchedule(o.id, 2), DEFAULT_METHODOLOGY).find((i) => i.id === "title");
    expect(item?.status).toBe("error");
    expect(item?.detail).toContain("titolo");
  });

  it("leaves out phase lines when the card has no phases", () => {
    const o = objective({ id: "s/1", title: "T", structure: "S", phases: [], weight: null, weightText: "Intersettoriale" });
    const items = status(cardChecklist(o, undefined, DEFAULT_METHODOLOGY));
    expect(items.phases).toBe("warning");
    expect(items.weight).toBe("warning");
    expect(items).not.toHaveProperty("phaseWeights");
    expect(items).not.toHaveProperty("schedule");
  });
});
