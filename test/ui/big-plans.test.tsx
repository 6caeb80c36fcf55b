/** @jest-environment jsdom */
/**
 * What keeps the page's thread free on a big plan: the progress bar follows a live progress by
 * itself, and long lists of structures arrive a chunk per commit, all of them in the end.
 */
import { act } from "react";
import type { Finding } from "../../src/engine/model/finding";
import { FindingList } from "../../src/ui/components/FindingList";
import { ProgressPanel } from "../../src/ui/components/ProgressPanel";
import { createLiveProgress, progressNow, subscribeProgress } from "../../src/ui/logic/live-progress";
import { render, settle, type Rendered } from "./dom";

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  document.body.innerHTML = "";
});

const finding = (i: number): Finding => ({
  ruleId: "indicator-target-missing",
  messageId: "missing",
  message: `Manca il valore atteso (${i})`,
  severity: "error",
  at: { sheet: `Foglio ${Math.floor(i / 4)}`, range: `C${i + 2}` },
  structure: `Servizio ${String(i).padStart(3, "0")}`,
  data: {},
});

describe("a live progress", () => {
  it("reads the latest step and tells its listeners, once per change", () => {
    const live = createLiveProgress({ fraction: 0, label: "Apertura del file" });
    const calls: string[] = [];
    const stop = subscribeProgress(live.progress, () => calls.push(live.progress.label));
    live.set({ fraction: 0.3, label: "Controlli" });
    live.set({ fraction: 0.3, label: "Controlli" });
    live.set({ fraction: 0.4, label: "Punteggi" });
    expect(calls).toEqual(["Controlli", "Punteggi"]);
    expect(live.progress).toMatchObject({ fraction: 0.4, label: "Punteggi" });
    // The same value while nothing changes (useSyncExternalStore asks for it repeatedly).
    expect(progressNow(live.progress)).toBe(progressNow(live.progress));
    stop();
    live.set({ fraction: 1, label: "Fatto" });
    expect(calls).toHaveLength(2);
    // A plain Progress never changes.
    const plain = { fraction: 0.5, label: "x" };
    expect(progressNow(plain)).toBe(plain);
    expect(() => subscribeProgress(plain, () => undefined)()).not.toThrow();
  });

  it("moves the progress bar without the parent rendering again", async () => {
    const live = createLiveProgress({ fraction: 0, label: "Lettura del file" });
    rendered = await render(<ProgressPanel progress={live.progress} />);
    const label = () => rendered?.container.querySelector(".fui-Field__validationMessage")?.textContent;
    const value = () => rendered?.container.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow");
    expect(label()).toBe("Lettura del file");
    await act(async () => live.set({ fraction: 0.63, label: "Controlli" }));
    expect(label()).toBe("Controlli");
    expect(value()).toBe("0.63");
  });
});

describe("a long finding list", () => {
  it("draws its structures a chunk per commit, all of them in order in the end", async () => {
    const findings = Array.from({ length: 130 }, (_, i) => finding(i));
    rendered = await render(<FindingList findings={findings} onSelect={() => undefined} />);
    const headers = () => [...(rendered?.container.querySelectorAll(".fui-AccordionHeader") ?? [])].map((h) => h.textContent ?? "");
    expect(headers().length).toBeLessThan(130);
    expect(headers().length).toBeGreaterThan(0);
    await settle(10);
    expect(headers()).toHaveLength(130);
    expect(headers().map((h) => h.slice(0, "Servizio 000".length))).toEqual(findings.map((f) => f.structure));
  });
});
