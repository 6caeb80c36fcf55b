/** @jest-environment jsdom */
/**
 * The task pane over the real Excel host, the real engine and the fake Excel object model: the
 * responsabile's "Nuova scheda" and live validation work end to end inside Excel, with the round
 * trips the host promises.
 */
import { act } from "react";
import { analyse } from "../../src/engine/analyse";
import { detectCapabilities } from "../../src/hosts/excel/capabilities";
import { ExcelWorkbookHost } from "../../src/hosts/excel/host";
import { LIVE_DEBOUNCE_MS } from "../../src/hosts/excel/live-validation";
import { App } from "../../src/ui/App";
import { createRoleStore } from "../../src/ui/role-store";
import type { FakeExcel } from "../hosts/excel/fake-excel";
import { cardWorkbook } from "../hosts/excel/workbooks";
import { byRole, click, render, settle, type Rendered } from "./dom";
import { ManualTimers } from "../helpers/manual-timers";


let fake: FakeExcel;
let uninstall: () => void;
let timers: ManualTimers;
let rendered: Rendered | null = null;

beforeEach(() => {
  fake = cardWorkbook(2, 2);
  uninstall = fake.install();
  timers = new ManualTimers();
  // The selection is on the first card's title.
  fake.activeCell = { sheet: fake.sheet("Schede 1"), row: 5, col: 1 };
});

afterEach(() => {
  rendered?.unmount();
  rendered = null;
  uninstall();
  document.body.innerHTML = "";
});

async function renderPane() {
  const host = new ExcelWorkbookHost({ capabilities: detectCapabilities({ isSetSupported: (_n, v) => fake.supports(v ?? "1.1") }), timers, now: () => timers.now });
  const map = new Map([["schede-obiettivo.ruolo", "responsabile"]]);
  const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  rendered = await render(<App mode="excel" host={host} analyse={analyse} roleStore={createRoleStore(storage)} today={() => "2024-06-30"} />);
  await settle(10);
  return rendered.container;
}

const status = (root: ParentNode, id: string) => root.querySelector(`[data-check="${id}"]`)?.getAttribute("data-status");

describe("the responsabile's pane in Excel", () => {
  it("follows the typing on the card: one re-read of the card after the pause, no full read", async () => {
    const container = await renderPane();
    expect(container.querySelector("[data-live]")?.textContent).toBe("Aggiornamento automatico attivo");
    expect(status(container, "staff")).toBe("ok");

    // 20% + 40% + 40% becomes 50% + 40% + 40%: the participation no longer sums to 100%.
    fake.resetCounters();
    await act(async () => fake.userEdits("Schede 1", "C27", [[0.5]]));
    expect(status(container, "staff")).toBe("ok");
    await act(async () => timers.advance(LIVE_DEBOUNCE_MS));
    await settle(10);
    expect(status(container, "staff")).toBe("warning");
    expect(container.textContent).toContain("La partecipazione del personale somma a 130%");
    // Only the card's block was read: one sync, no write (no flags were ever written here).
    expect(fake.syncs).toBe(1);
    // Reads only: loads, and the fills (getCellProperties) in the same batch.
    expect(fake.batches[0]?.actions.every((a) => a.endsWith(".load") || a.endsWith(".getCellProperties"))).toBe(true);
  });

  it("inserts «Nuova scheda» in Excel in two round trips and shows it", async () => {
    const container = await renderPane();
    const button = byRole(container, "button", "Nuova scheda");
    expect(button.hasAttribute("disabled")).toBe(false);
    fake.resetCounters();
    await click(button);
    await settle(10);
    expect(fake.findSheet("Nuova scheda")).toBeDefined();
    expect(fake.activeSheet?.name).toBe("Nuova scheda");
    // Two for the card (sheet names, then the whole card), two for the full read that follows.
    expect(fake.syncs).toBe(4);
    expect(fake.batches[1]?.actions).toEqual(expect.arrayContaining(["WorksheetCollection.add", "DataValidation.rule=", "Range.merge", "RangeFormat.columnWidth="]));
    expect(container.textContent).toContain("Scheda inserita nel foglio «Nuova scheda».");
    // The new card is shown: empty, so its indicators are missing.
    expect(status(container, "indicators")).toBe("error");
  });
});
