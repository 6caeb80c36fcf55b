/**
 * The pane's fatal path in a real Chromium on the production build: when the Excel host's chunk
 * cannot be fetched, the pane says so in Italian and @microsoft/office-js-helpers (fetched on
 * this path only, in its own chunks) shows its banner. On the normal path none of it is loaded.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { ARTIFACTS, DIST, OFFICE_JS, ensureBuilt, launchBrowser, serveStatic, type Browser, type StaticServer } from "./support";

jest.setTimeout(120_000);

const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
/** Text only the package's code (its banner markup) contains. */
const PACKAGE_MARK = "office-js-helpers-notification";

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const built = await ensureBuilt();
  if (built) console.log("e2e: built dist/web with webpack");
  server = await serveStatic(DIST);
  browser = await launchBrowser();
  await fs.mkdir(SCREENSHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Script files the page fetched from the local server. */
function recordScripts(p: Page): string[] {
  const scripts: string[] = [];
  p.on("request", (r) => {
    if (r.resourceType() === "script" && r.url().startsWith(server.origin)) scripts.push(new URL(r.url()).pathname.slice(1));
  });
  return scripts;
}

const hasPackage = async (files: readonly string[]) =>
  (await Promise.all(files.map(async (f) => (await fs.readFile(path.join(DIST, f), "utf8")).includes(PACKAGE_MARK)))).some(Boolean);

describe("the pane cannot start", () => {
  it("keeps @microsoft/office-js-helpers out of the normal start", async () => {
    const p = await browser.context.newPage();
    const scripts = recordScripts(p);
    await p.goto(`${server.origin}/taskpane.html`);
    await p.waitForSelector('main[data-ready="true"]');
    await p.waitForLoadState("networkidle");
    expect(scripts.some((f) => f.startsWith("office-helpers."))).toBe(false);
    expect(await hasPackage(scripts)).toBe(false);
    // The build keeps it in an async chunk: no script the HTML loads carries it.
    const html = await fs.readFile(path.join(DIST, "taskpane.html"), "utf8");
    const entry = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)]
      .map((m) => (m[1] ?? m[2] ?? m[3]) as string)
      .filter((src) => !/^https?:/.test(src));
    expect(await hasPackage(entry)).toBe(false);
    await p.close();
  });

  it("says so in Italian, with the package's banner, when the Excel host's chunk does not load", async () => {
    const p = await browser.context.newPage();
    const scripts = recordScripts(p);
    const external: string[] = [];
    p.on("request", (r) => {
      if (!r.url().startsWith(server.origin) && !r.url().startsWith("data:")) external.push(r.url());
    });
    p.on("console", () => undefined);
    // office.js as inside Excel: onReady reports the Excel host.
    await p.route(OFFICE_JS, (route) =>
      route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { HostType: { Excel: 'Excel' }, onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); } };",
      }),
    );
    await p.route(/\/excel-host\.[^/]*\.js$/, (route) => route.abort("failed"));
    await p.goto(`${server.origin}/taskpane.html`);

    const banner = p.locator(".office-js-helpers-notification[role=alert]");
    await banner.waitFor();
    expect(await banner.innerText()).toContain("Schede Obiettivo non è partito");
    expect(await banner.innerText()).toContain("Impossibile avviare Schede Obiettivo: una parte del componente non è stata scaricata");
    expect(await p.locator("#root[role=alert]").innerText()).toContain("Chiudere e riaprire il riquadro");
    expect(await p.evaluate(() => window.__schedeMode)).toBe("excel");
    expect(scripts.some((f) => f.startsWith("office-helpers."))).toBe(true);
    expect(await hasPackage(scripts)).toBe(true);
    await p.screenshot({ path: path.join(SCREENSHOTS, "avvio-non-riuscito.png"), fullPage: true, animations: "disabled" });

    // The details hold the original error for support; the banner closes.
    await p.getByRole("button", { name: "Dettagli" }).click();
    expect(await banner.locator("pre").innerText()).toContain("excel-host");
    await p.getByRole("button", { name: "Chiudi il messaggio" }).click();
    expect(await banner.count()).toBe(0);
    expect(external).toEqual([OFFICE_JS]);
    await p.close();
  });
});
