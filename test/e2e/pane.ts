/**
 * Page helpers shared by the browser tests of the standalone page: open it, pick a role, open a
 * file and wait for its analysis, read what has focus and what is drawn at a point.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import type { Browser, StaticServer } from "./support";

/** A new tab on the standalone page, once the pane has rendered. */
export async function openStandalonePage(browser: Browser, server: StaticServer, viewport = { width: 380, height: 900 }): Promise<Page> {
  const p = await browser.context.newPage();
  await p.setViewportSize(viewport);
  p.on("pageerror", (e) => console.error("pageerror:", e.message));
  await p.goto(`${server.origin}/taskpane.html`);
  await p.waitForSelector('main[data-ready="true"]');
  return p;
}

export async function selectRole(p: Page, name: string): Promise<void> {
  await p.getByRole("tab", { name }).click();
  await p.waitForSelector(`[role=tabpanel][data-role="${name.toLowerCase()}"]`);
}

export const analysisSeq = (p: Page): Promise<number> =>
  p.evaluate(() => Number(document.querySelector("main")?.getAttribute("data-analysis-seq") ?? 0));

/** Opens a file and waits for its analysis (a new one, not the previous file's). */
export async function openFile(p: Page, file: string): Promise<void> {
  const before = await analysisSeq(p);
  await p.setInputFiles("input[type=file]", file);
  await p.waitForSelector(`[data-file-name="${path.basename(file)}"]`);
  await waitForAnalysis(p, before);
}

/** Waits for an analysis after `before` and for the pane to be idle again. */
export async function waitForAnalysis(p: Page, before: number): Promise<void> {
  await p.waitForFunction(
    (seq) => {
      const main = document.querySelector("main");
      return Number(main?.getAttribute("data-analysis-seq")) > seq && main?.getAttribute("data-busy") === "false";
    },
    before,
  );
}

/** Waits until the pane is not busy. */
export async function waitIdle(p: Page): Promise<void> {
  await p.waitForFunction(() => document.querySelector("main")?.getAttribute("data-busy") === "false");
}

/** A short description of the focused element: tag, role, accessible-ish text. */
export const focused = (p: Page): Promise<{ tag: string; role: string | null; text: string; isBody: boolean }> =>
  p.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      role: el?.getAttribute("role") ?? null,
      text: (el?.getAttribute("aria-label") ?? el?.textContent ?? "").trim().slice(0, 120),
      isBody: el === document.body || el === null,
    };
  });

/** Whether the element at the centre of the selector's first match is that element (or inside it): i.e. it is drawn. */
export const isDrawn = (p: Page, selector: string): Promise<boolean> =>
  p.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  }, selector);

/**
 * Points of a grid over the viewport where a popup layer (a Fluent portal) is drawn but not one of
 * its real surfaces (a list, a dialog, a tooltip): a layer that covers the pane with nothing in it.
 */
export const strayLayerPoints = (p: Page): Promise<string[]> =>
  p.evaluate(() => {
    const stray: string[] = [];
    const surfaces = "[role=listbox], [role=dialog], [role=alertdialog], [role=tooltip], [role=menu], .fui-DialogSurface__backdrop";
    for (let y = 5; y < innerHeight; y += 40)
      for (let x = 5; x < innerWidth; x += 40) {
        const hit = document.elementFromPoint(x, y);
        if (hit?.closest("[data-portal-node]") && !hit.closest(surfaces)) stray.push(`${x},${y}`);
      }
    return stray;
  });
