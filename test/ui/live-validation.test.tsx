/** @jest-environment jsdom */
import { act } from "react";
import type { Analysis, AnalyseOptions } from "../../src/engine/analyse";
import type { CardWatch, CellRange } from "../../src/engine";
import type { SheetSnapshot } from "../../src/engine/model/snapshot";
import type { ApplyReport, CellFlag } from "../../src/engine/write/types";
import { App } from "../../src/ui/App";
import { createRoleStore } from "../../src/ui/role-store";
import { axeViolations, byRole, chooseAction, click, render, settle, type Rendered } from "./dom";
import { FakeHost, makeAnalysis, report, snapshots } from "./fixtures";

/** A host with live validation, driven by the test as Excel's change events and debounce would. */
class LiveHost extends FakeHost {
  constructor() {
    super("excel", true, { liveValidation: true });
  }

  watch: CardWatch | null = null;
  subscriptions = 0;
  stops = 0;
  refreshed: Array<{ scope: CellRange & { sheet: string }; flags: CellFlag[] }> = [];

  watchCardChanges = async (watch: CardWatch): Promise<() => Promise<void>> => {
    this.subscriptions++;
    this.watch = watch;
    return async () => {
      this.stops++;
      this.watch = null;
    };
  };

  refreshFlags = async (scope: CellRange & { sheet: string }, flags: CellFlag[]): Promise<ApplyReport> => {
    this.refreshed.push({ scope, flags });
    return report([], { flagsWritten: flags.length });
  };

  /** The user typed in `changed`; once the typing pauses the host re-reads the card and reports it. */
  async typeIn(sheet: string, changed: CellRange, after: SheetSnapshot[]): Promise<CellRange | null> {
    const watch = this.watch;
    if (!watch) throw new Error("not watching");
    const block = watch.locateBlock(sheet, changed);
    if (block) await act(async () => watch.onCardChanged({ sheet, block, snapshots: after }));
    await settle();
    return block;
  }
}

/** The card "Albo online" (Segreteria rows 41–71) with its phase weights and weight fixed. */
function fixedAnalysis(options: AnalyseOptions): Analysis {
  const a = makeAnalysis({ asOf: options.asOf });
  const albo = a.plan.structures[0]?.objectives[1];
  if (!albo) throw new Error("fixture changed");
  albo.weight = { value: 50, unit: "percent" };
  albo.phases = albo.phases.map((p, i) => ({ ...p, weight: i === 0 ? 40 : 60 }));
  a.findings = a.findings.filter((f) => f.objectiveId !== albo.id);
  a.writePlan.flags = [];
  return a;
}

const edited: SheetSnapshot[] = [{ ...snapshots[0]!, cells: [...snapshots[0]!.cells, ["60%", "40%"]] }, snapshots[1]!];
const isEdited = (s: readonly SheetSnapshot[]) => s.some((x) => x.cells.some((row) => row.includes("60%")));

/** The record of an earlier write that flagged the weight cell of "Albo online" (N43). */
const stateSheet = (): SheetSnapshot => {
  const json = JSON.stringify({ version: 1, sheets: ["Verifica"], tables: [], flags: [{ sheet: "Segreteria", top: 42, left: 13, bottom: 42, right: 13, originalFills: [null], originalNotes: [null] }], addedCells: [] });
  // Split as the hosts do for long records: the reader joins column A.
  return { name: "SO_Stato", origin: { row: 0, col: 0 }, cells: [[json.slice(0, 40)], [json.slice(40)]] };
};

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  document.body.innerHTML = "";
});

async function renderPane(host: FakeHost, analyse = jest.fn((s: readonly SheetSnapshot[], o: AnalyseOptions) => (isEdited(s) ? fixedAnalysis(o) : makeAnalysis({ asOf: o.asOf })))) {
  const map = new Map([["schede-obiettivo.ruolo", "responsabile"]]);
  const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  rendered = await render(<App mode="excel" host={host} analyse={analyse} roleStore={createRoleStore(storage)} today={() => "2025-03-31"} />);
  await settle();
  return { container: rendered.container, analyse };
}

const status = (root: ParentNode, id: string) => root.querySelector(`[data-check="${id}"]`)?.getAttribute("data-status");
const liveNote = (root: ParentNode) => root.querySelector("[data-live]");

describe("live validation in the responsabile's view", () => {
  it("refreshes the card's checklist by itself as the user types, without a full read or a progress bar", async () => {
    const host = new LiveHost();
    host.active = { sheet: "Segreteria", address: "C45" };
    const { container, analyse } = await renderPane(host);
    expect(liveNote(container)?.textContent).toBe("Aggiornamento automatico attivo");
    expect(liveNote(container)?.getAttribute("role")).toBe("status");
    expect(status(container, "weight")).toBe("error");
    expect(status(container, "phaseWeights")).toBe("error");
    expect(host.calls.filter((c) => c === "read")).toHaveLength(1);

    // Typing in the phase weights of "Albo online" (C50): the card's block comes from the analysis.
    const block = await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, edited);
    expect(block).toEqual({ top: 40, left: 0, bottom: 70, right: 14 });
    expect(analyse).toHaveBeenLastCalledWith(edited, expect.objectContaining({ asOf: "2025-03-31" }));
    expect(status(container, "weight")).toBe("ok");
    expect(status(container, "phaseWeights")).toBe("ok");
    expect(container.querySelectorAll("button[data-finding]")).toHaveLength(0);
    expect(container.querySelector("[role=progressbar]")).toBeNull();
    expect(host.calls.filter((c) => c === "read")).toHaveLength(1);
    // No flags were ever written on this workbook: typing does not add any.
    expect(host.refreshed).toEqual([]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("ignores edits outside every card", async () => {
    const host = new LiveHost();
    const { analyse } = await renderPane(host);
    const calls = analyse.mock.calls.length;
    expect(await host.typeIn("Segreteria", { top: 200, left: 30, bottom: 200, right: 30 }, edited)).toBeNull();
    expect(analyse.mock.calls.length).toBe(calls);
  });

  it("keeps the add-in's flags on a flagged card in step: the fixed cell loses its flag", async () => {
    const host = new LiveHost();
    host.active = { sheet: "Segreteria", address: "C45" };
    const read = host.readSnapshots.bind(host);
    host.readSnapshots = async (p) => [...(await read(p)), stateSheet()];
    await renderPane(host);
    await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, [...edited, stateSheet()]);
    expect(host.refreshed).toEqual([{ scope: { sheet: "Segreteria", top: 40, left: 0, bottom: 70, right: 14 }, flags: [] }]);

    // A card the record never flagged ("Sicurezza stradale") is left alone.
    await host.typeIn("Polizia Locale", { top: 5, left: 1, bottom: 5, right: 1 }, [...snapshots, stateSheet()]);
    expect(host.refreshed).toHaveLength(1);
  });

  it("knows the flags the pane itself wrote or cleared since the last read", async () => {
    const host = new LiveHost();
    const { container } = await renderPane(host);
    // The segretario writes the plan, whose flag is on "Albo online" (N43)…
    await click(byRole(container, "tab", "Segretario"));
    await chooseAction(container, "Crea tabelle strutturate");
    await click(byRole(container, "tab", "Responsabile"));
    await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, edited);
    expect(host.refreshed.map((r) => r.scope)).toEqual([{ sheet: "Segreteria", top: 40, left: 0, bottom: 70, right: 14 }]);

    // …then clears everything: typing no longer writes flags.
    await click(byRole(container, "tab", "Segretario"));
    await chooseAction(container, "Rimuovi i contenuti del componente");
    await click(byRole(document.querySelector("[role=alertdialog]") as HTMLElement, "button", "Rimuovi"));
    await click(byRole(container, "tab", "Responsabile"));
    await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, edited);
    expect(host.refreshed).toHaveLength(1);
  });

  it("reads everything again when rows or columns move the cards", async () => {
    const host = new LiveHost();
    await renderPane(host);
    await act(async () => host.watch?.onStructureChanged?.("Segreteria"));
    await settle();
    expect(host.calls.filter((c) => c === "read")).toHaveLength(2);
  });

  it("stops watching when the role changes or the pane closes, and starts again on return", async () => {
    const host = new LiveHost();
    const { container } = await renderPane(host);
    expect(host.subscriptions).toBe(1);
    await click(byRole(container, "tab", "Segretario"));
    expect(host.stops).toBe(1);
    expect(host.watch).toBeNull();
    expect(liveNote(container)).toBeNull();
    await click(byRole(container, "tab", "Responsabile"));
    expect(host.subscriptions).toBe(2);
    expect(liveNote(container)).not.toBeNull();
    rendered?.unmount();
    rendered = null;
    await settle();
    expect(host.stops).toBe(2);
  });

  it("says nothing about automatic updates where the host cannot watch (a file)", async () => {
    const { container } = await renderPane(new FakeHost("file", false));
    expect(liveNote(container)).toBeNull();
  });

  it("says in Italian when watching the typing cannot start, and offers no automatic updates", async () => {
    const host = new LiveHost();
    host.watchCardChanges = async () => {
      throw new Error("EventRegistrationFailed");
    };
    const { container } = await renderPane(host);
    expect(liveNote(container)).toBeNull();
    expect(container.querySelector("[role=alert]")?.textContent).toContain(
      "Il controllo durante la digitazione non è attivo: EventRegistrationFailed. Premi «Aggiorna lo stato» dopo aver modificato la scheda.",
    );
  });

  it("says in Italian when a card that changed cannot be checked again", async () => {
    const host = new LiveHost();
    let fail = false;
    const analyse = jest.fn((_s: readonly SheetSnapshot[], o: AnalyseOptions) => {
      if (fail) throw new TypeError("cells is not iterable");
      return makeAnalysis({ asOf: o.asOf });
    });
    const { container } = await renderPane(host, analyse);
    fail = true;
    await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, edited);
    expect(container.querySelector("[role=alert]")?.textContent).toContain(
      "Il controllo durante la digitazione non ha potuto ricontrollare la scheda: cells is not iterable. Premi «Aggiorna lo stato».",
    );
  });

  it("says in Italian when the flags of a flagged card cannot be refreshed", async () => {
    const host = new LiveHost();
    const read = host.readSnapshots.bind(host);
    host.readSnapshots = async (p) => [...(await read(p)), stateSheet()];
    host.refreshFlags = async () => {
      throw new Error("The sheet is protected");
    };
    const { container } = await renderPane(host);
    await host.typeIn("Segreteria", { top: 49, left: 2, bottom: 49, right: 2 }, [...edited, stateSheet()]);
    expect(container.querySelector("[role=alert]")?.textContent).toContain(
      "Il controllo durante la digitazione non ha potuto ricontrollare la scheda: The sheet is protected.",
    );
  });

  it("does not watch where the host does not offer it, even with the methods there", async () => {
    const host = new LiveHost();
    host.capabilities = { ...host.capabilities, liveValidation: false };
    const { container } = await renderPane(host);
    expect(host.subscriptions).toBe(0);
    expect(liveNote(container)).toBeNull();
  });
});
