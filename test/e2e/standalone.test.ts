/**
 * The standalone page in a real headless Chromium: office.js is blocked (as when the CDN cannot be
 * reached), so the page must come up as the file checker, open a workbook, show its findings and
 * scores, and download the annotated copy made by the same WritePlan as the CLI.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import axe from "axe-core";
import type { Page } from "playwright-core";
import { analyse } from "../../src/engine/analyse";
import { readWorkbookSnapshots } from "../../src/hosts/xlsx/read";
import { structureOf } from "../../src/ui/logic/group-findings";
import { ARTIFACTS, DIST, OFFICE_JS, ROOT, ensureBuilt, launchBrowser, serveStatic, type Browser, type StaticServer } from "./support";

jest.setTimeout(120_000);

const EXAMPLE = path.join(ROOT, "examples/piano-2024-comune-esempio.xlsx");
const FIXTURE = path.join(ROOT, "test/fixtures/casorate-servizio-amministrativo.xlsx");
const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
/** Initial JS budget, gzipped (ExcelJS is loaded only when a file is opened). */
const INITIAL_JS_BUDGET = 300 * 1024;

let server: StaticServer;
let browser: Browser;
let page: Page;
/** Every .js the page requested before a file was opened. */
let initialScripts: string[] = [];
/** Every .js the page requested, in order. */
let allScripts: string[] = [];

const localDate = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

async function openPage(): Promise<Page> {
  const p = await browser.context.newPage();
  const scripts: string[] = [];
  p.on("request", (r) => {
    // A worker's importScripts are "other" requests: ExcelJS is loaded by the file's worker.
    if (r.resourceType() === "script" || new URL(r.url()).pathname.endsWith(".js")) scripts.push(r.url());
  });
  p.on("pageerror", (e) => console.error("pageerror:", e.message));
  await p.goto(`${server.origin}/taskpane.html`);
  await p.waitForSelector('main[data-ready="true"]');
  // Give the engine prefetch that follows the first render time to start.
  await p.waitForLoadState("networkidle");
  initialScripts = [...scripts];
  allScripts = scripts;
  return p;
}

async function selectRole(p: Page, name: string) {
  await p.getByRole("tab", { name }).click();
  await p.waitForSelector(`[role=tabpanel][data-role="${name.toLowerCase()}"]`);
}

const analysisSeq = (p: Page) => p.evaluate(() => Number(document.querySelector("main")?.getAttribute("data-analysis-seq") ?? 0));

/** Opens a file and waits for its analysis (a new one, not the previous file's). */
async function openFile(p: Page, file: string) {
  const before = await analysisSeq(p);
  await p.setInputFiles("input[type=file]", file);
  await p.waitForSelector(`[data-file-name="${path.basename(file)}"]`);
  await p.waitForFunction(
    (seq) => {
      const main = document.querySelector("main");
      return Number(main?.getAttribute("data-analysis-seq")) > seq && main?.getAttribute("data-busy") === "false";
    },
    before,
  );
}

/**
 * axe-core in the real page (colour contrast included), on the role view shown. Tabster's focus
 * "dummy" elements (`<i data-tabster-dummy aria-hidden tabindex=0>`, which only hand focus on) are
 * a known false positive of aria-hidden-focus (microsoft/tabster#288), so only those nodes are
 * dropped from that rule.
 */
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

beforeAll(async () => {
  const built = await ensureBuilt();
  if (built) console.log("e2e: built dist/web with webpack");
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  page = await openPage();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("standalone page", () => {
  it("comes up without Office, having tried no network but office.js", async () => {
    expect(await page.evaluate(() => window.__schedeMode)).toBe("standalone");
    expect(await page.getByRole("button", { name: "Apri file .xlsx" }).isVisible()).toBe(true);
    expect(browser.blocked).toEqual([OFFICE_JS]);
    const firstRender = await page.evaluate(() => window.__schedeFirstRenderMs ?? null);
    const mark = await page.evaluate(() => performance.getEntriesByName("schede:first-render").length);
    expect(firstRender).not.toBeNull();
    expect(mark).toBe(1);
    console.log(`e2e: first render of the task pane after ${Math.round(firstRender ?? 0)} ms (target < 1000 ms)`);
  });

  it("keeps the initial JS small and ExcelJS out of everything loaded before a file is opened", async () => {
    // Initial = the scripts the page's HTML loads before the first render; the engine chunk is
    // fetched right after it, and ExcelJS only when a file is opened.
    const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
    // The template may be minified (unquoted attributes).
    const entry = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
      .map((m) => (m[1] ?? m[2] ?? m[3]) as string)
      .filter((src) => !/^https?:/.test(src));
    const size = async (file: string) => gzipSync(await fs.readFile(path.join(DIST, file))).length;
    let initial = 0;
    for (const f of entry) initial += await size(f);
    const loaded = initialScripts.filter((u) => u.startsWith(server.origin)).map((u) => new URL(u).pathname.slice(1));
    let beforeFile = 0;
    for (const f of loaded) beforeFile += await size(f);
    console.log(
      `e2e: initial JS (${entry.join(", ")}) = ${(initial / 1024).toFixed(1)} KB gzipped; ` +
        `all JS before a file is opened (${loaded.join(", ")}) = ${(beforeFile / 1024).toFixed(1)} KB gzipped`,
    );
    expect(entry.length).toBeGreaterThan(0);
    expect(initial).toBeLessThan(INITIAL_JS_BUDGET);
    // ExcelJS's own code names the parts of an .xlsx package; ours never does.
    const withExcelJs = await Promise.all(loaded.map(async (f) => (await fs.readFile(path.join(DIST, f), "utf8")).includes("xl/sharedStrings.xml")));
    expect(withExcelJs.some(Boolean)).toBe(false);
  });

  it("is keyboard navigable: arrow keys move between the roles", async () => {
    await page.getByRole("tab", { name: "Segretario" }).click();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Nucleo" }).getAttribute("aria-selected")).toBe("true");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("tab", { name: "Segretario" }).getAttribute("aria-selected")).toBe("true");
    // Tab from the role switch reaches the first control of the view.
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? "");
    expect(focused.length).toBeGreaterThan(0);
  });

  it("opens the example workbook and shows the engine's findings grouped by structure", async () => {
    const bytes = await fs.readFile(EXAMPLE);
    const expected = analyse(await readWorkbookSnapshots(bytes), { asOf: localDate() });
    await selectRole(page, "Segretario");
    await openFile(page, EXAMPLE);
    // ExcelJS arrives only now, in its own chunk (loaded by the worker that reads the file).
    const lateScripts = allScripts.slice(initialScripts.length).map((u) => new URL(u).pathname.slice(1));
    const late = await Promise.all(lateScripts.map(async (f) => (await fs.readFile(path.join(DIST, f), "utf8")).includes("xl/sharedStrings.xml")));
    expect(late.some(Boolean)).toBe(true);
    const summary = await page.locator("[data-summary]").innerText();
    const n = expected.findings.length;
    expect(summary).toContain(n === 1 ? "1 segnalazione" : `${n} segnalazioni`);
    const errors = expected.findings.filter((f) => f.severity === "error").length;
    expect(summary).toContain(errors === 1 ? "1 errore" : `${errors} errori`);
    if (n > 0) {
      const structures = [...new Set(expected.findings.map((f) => structureOf(f) ?? "Senza struttura"))];
      for (const s of structures) expect(await page.locator(".fui-AccordionHeader", { hasText: s }).count()).toBeGreaterThan(0);
    }
  });

  it("follows the browser's colour scheme: light and dark Fluent themes (screenshots of both)", async () => {
    const theme = () => page.evaluate(() => document.querySelector("[data-theme]")?.getAttribute("data-theme"));
    const background = () => page.evaluate(() => getComputedStyle(document.querySelector("[data-theme]") as Element).backgroundColor);
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "light");
    expect(await theme()).toBe("light");
    const light = await background();
    await page.screenshot({ path: path.join(SCREENSHOTS, "tema-chiaro.png"), fullPage: false, animations: "disabled" });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.waitForFunction(() => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "dark");
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.screenshot({ path: path.join(SCREENSHOTS, "tema-scuro.png"), fullPage: false, animations: "disabled" });
    await page.emulateMedia({ colorScheme: "light" });
    await page.waitForFunction(() => document.querySelector("[data-theme]")?.getAttribute("data-theme") === "light");
  });

  it("moves through the findings with the arrow keys", async () => {
    // Each sheet's findings are one list: arrows move inside it, Tab leaves it.
    const list = page.locator("ul:has(> li:nth-child(2) > button[data-finding])").first();
    expect(await list.count()).toBe(1);
    const items = list.locator("button[data-finding]");
    await items.first().focus();
    await page.keyboard.press("ArrowDown");
    const second = await items.nth(1).evaluate((el) => el === document.activeElement);
    expect(second).toBe(true);
    await page.keyboard.press("ArrowUp");
    expect(await items.first().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it("shows where a finding points when it is clicked", async () => {
    const first = page.locator("button[data-finding]").first();
    const text = await first.innerText();
    await first.click();
    const preview = page.locator("[data-preview]");
    await preview.waitFor();
    const at = await preview.getAttribute("data-preview");
    expect(at).toBeTruthy();
    const [sheet, range] = (at as string).split("!");
    expect(text).toContain(`Vai al foglio ${sheet}, ${range}`);
    expect(await first.getAttribute("aria-current")).toBe("true");
    await page.screenshot({ path: path.join(SCREENSHOTS, "segretario.png"), fullPage: true, animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows how the workbook was read, and the cells of a block when it is clicked", async () => {
    const section = page.locator('[data-section="reading"]');
    await section.locator(".fui-AccordionHeader button").first().click();
    const join = section.locator("[data-join]").first();
    await join.waitFor();
    expect(await join.innerText()).toMatch(/^Collegamento: /);
    const place = section.locator('button[data-place="title"]').first();
    const label = (await place.getAttribute("aria-label")) as string;
    await place.click();
    const preview = section.locator("[data-preview]");
    await preview.waitFor();
    const at = (await preview.getAttribute("data-preview")) as string;
    // The label names the sheet and the cells the preview shows.
    expect(label).toContain(at.split("!")[0] as string);
    expect(await place.getAttribute("aria-current")).toBe("true");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows scores and the chart per owner for the Nucleo", async () => {
    await selectRole(page, "Nucleo");
    await page.waitForSelector("[data-scores-for]");
    const bytes = await fs.readFile(EXAMPLE);
    const expected = analyse(await readWorkbookSnapshots(bytes), { asOf: localDate() });
    expect(await page.locator("svg[data-chart] [data-owner]").count()).toBe(expected.scores.owners.length);
    await page.getByLabel("Data della verifica").fill(`${expected.plan.year ?? 2024}-09-30`);
    await page.getByRole("radio", { name: "Verifica intermedia" }).check();
    const before = await analysisSeq(page);
    await page.getByRole("button", { name: "Calcola medie e punteggi" }).click();
    await page.waitForFunction((seq) => Number(document.querySelector("main")?.getAttribute("data-analysis-seq")) > seq, before);
    await page.waitForSelector(`[data-scores-for="interim:${expected.plan.year ?? 2024}-09-30"]`);
    await page.screenshot({ path: path.join(SCREENSHOTS, "nucleo.png"), fullPage: true, animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);
  });

  it("shows the responsabile's card as a checklist, and offers «Nuova scheda» as a new workbook to download", async () => {
    await selectRole(page, "Responsabile");
    await page.waitForSelector("[data-check]");
    expect(await page.locator("[data-check]").count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: path.join(SCREENSHOTS, "responsabile.png"), fullPage: true, animations: "disabled" });
    expect(await axeViolations(page)).toEqual([]);
    // A card added to the copy in memory had no undo and changed the figures: the new card is a
    // workbook of its own, and the file being checked stays as it was (next test: no such sheet).
    const button = page.getByRole("button", { name: "Nuova scheda" });
    expect(await button.getAttribute("data-new-card")).toBe("download");
    expect(await page.getByText("Scarica una nuova cartella .xlsx con una scheda vuota").count()).toBe(1);
    const year = analyse(await readWorkbookSnapshots(await fs.readFile(EXAMPLE)), { asOf: localDate() }).plan.year ?? new Date().getFullYear();
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe(`nuova-scheda-${year}.xlsx`);
    await page.locator('[role=status][data-live-region="notice"]').getByText(`Scheda vuota scaricata: nuova-scheda-${year}.xlsx`).waitFor();
    const saved = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const snapshots = await readWorkbookSnapshots(await fs.readFile(saved));
    expect(snapshots.map((s) => s.name)).toEqual(["Nuova scheda"]);
    const objectives = analyse(snapshots, { asOf: localDate() }).plan.structures.flatMap((s) => s.objectives);
    expect(objectives).toHaveLength(1);
    expect(objectives[0]?.layout).toBe("addin");
    expect(objectives[0]?.year).toBe(year);
  });

  it("downloads the annotated copy, says so in a live region, and the xlsx reader reads it back with the add-in's sheets", async () => {
    await selectRole(page, "Segretario");
    const live = page.locator('[role=status][data-live-region="notice"]');
    expect(await live.count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Scarica copia annotata" }).click()]);
    expect(download.suggestedFilename()).toBe("piano-2024-comune-esempio-annotato.xlsx");
    await live.getByText("Copia annotata scaricata: piano-2024-comune-esempio-annotato.xlsx").waitFor();
    const saved = path.join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(saved);
    const snapshots = await readWorkbookSnapshots(await fs.readFile(saved));
    const names = snapshots.map((s) => s.name);
    expect(names).toContain("Verifica");
    expect(names).not.toContain("Nuova scheda");
    const original = await readWorkbookSnapshots(await fs.readFile(EXAMPLE));
    for (const s of original) expect(names).toContain(s.name);
  });

  it("opens a layout-A fixture too", async () => {
    const bytes = await fs.readFile(FIXTURE);
    const expected = analyse(await readWorkbookSnapshots(bytes), { asOf: localDate() });
    await openFile(page, FIXTURE);
    const n = expected.findings.length;
    expect(await page.locator("[data-summary]").innerText()).toContain(n === 1 ? "1 segnalazione" : `${n} segnalazioni`);
  });

  it.each([
    ["not-a-workbook.xlsx", "non è una cartella di lavoro Excel"],
    ["encrypted.xlsx", "protetta da password"],
    ["empty.xlsx", "vuota"],
  ])("says in Italian why %s cannot be opened", async (name, message) => {
    await page.setInputFiles("input[type=file]", path.join(ROOT, "test/fixtures", name));
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toContain(message);
    await page.getByRole("button", { name: "Chiudi il messaggio" }).click();
  });

  it("is the standalone page too when office.js loads but reports no host", async () => {
    const p = await browser.context.newPage();
    // A stand-in for office.js outside Office: onReady resolves with no host.
    await p.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return Promise.resolve({ host: null, platform: null }); } };",
      }),
    );
    await p.goto(`${server.origin}/taskpane.html`);
    await p.waitForSelector('main[data-ready="true"]');
    expect(await p.evaluate(() => window.__schedeMode)).toBe("standalone");
    expect(await p.getByRole("button", { name: "Apri file .xlsx" }).isVisible()).toBe(true);
    await p.close();
  });

  it("made no request outside localhost except office.js", () => {
    expect([...new Set(browser.blocked)]).toEqual([OFFICE_JS]);
  });
});
