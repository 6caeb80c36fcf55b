/**
 * The write report in a real Chromium, on the standalone page: after "Crea tabelle strutturate"
 * and after clearing (confirmed first), the xlsx host's report is shown in a MessageBar.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { ARTIFACTS, DIST, ROOT, ensureBuilt, launchBrowser, serveStatic, type Browser, type StaticServer } from "./support";

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
const EXAMPLE = path.join(ROOT, "examples/piano-2024-comune-esempio.xlsx");

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const built = await ensureBuilt();
  if (built) console.log("e2e: built dist/web with webpack");
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/taskpane.html`);
  await page.waitForSelector('main[data-ready="true"]');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** axe-core on the page, without Tabster's focus guards (microsoft/tabster#288). */
async function axeViolations(p: Page): Promise<string[]> {
  if (!(await p.evaluate(() => "axe" in window))) await p.addScriptTag({ content: axe.source });
  return p.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return result.violations
      .map((v) => ({ ...v, nodes: v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("the write report on the standalone page", () => {
  it("shows what the write did after «Crea tabelle strutturate»", async () => {
    await page.getByRole("tab", { name: "Segretario" }).click();
    await page.setInputFiles("input[type=file]", EXAMPLE);
    await page.waitForSelector("[data-summary]");
    await page.getByRole("button", { name: "Scrivi nella cartella" }).click();
    await page.getByRole("menuitem", { name: /^Crea tabelle strutturate/ }).click();
    const bar = page.locator("[data-notice]");
    await bar.waitFor();
    expect(await bar.innerText()).toContain("Fatto nella copia in memoria");
    await page.screenshot({ path: path.join(SCREENSHOTS, "segretario-report.png"), fullPage: false, animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("asks before clearing, then reports what was removed", async () => {
    await page.getByRole("button", { name: "Scrivi nella cartella" }).click();
    await page.getByRole("menuitem", { name: /^Rimuovi i contenuti del componente/ }).click();
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain("I valori scritti nelle schede non cambiano.");
    await page.screenshot({ path: path.join(SCREENSHOTS, "segretario-rimuovi.png"), fullPage: false, animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Rimuovi" }).click();
    await dialog.waitFor({ state: "detached" });
    const bar = page.locator("[data-notice]");
    await bar.waitFor();
    expect(await bar.getAttribute("data-notice")).toMatch(/success|warning/);
    expect(await bar.innerText()).toContain("Fatto nella copia in memoria");
  });
});
