/**
 * The pane as a person uses it (issue 13), in a real headless Chromium on the production build:
 * the Responsabile's card picker opens with the mouse and the keyboard and the pane stays drawn,
 * focus lands somewhere useful after each action, and the messages say what is true.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { DIST, ROOT, ensureBuilt, launchBrowser, serveStatic, type Browser, type StaticServer } from "./support";
import { isDrawn, openFile, openStandalonePage, selectRole, strayLayerPoints } from "./pane";

jest.setTimeout(120_000);

const EXAMPLE = path.join(ROOT, "examples/piano-2024-comune-esempio.xlsx");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const built = await ensureBuilt();
  if (built) console.log("e2e: built dist/web with webpack");
  server = await serveStatic(DIST);
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("the Responsabile's card picker", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openStandalonePage(browser, server);
    await selectRole(page, "Responsabile");
    await openFile(page, EXAMPLE);
    await page.waitForSelector("[data-check]");
  });
  afterAll(() => page.close());

  const picker = () => page.getByRole("combobox", { name: "Scheda" });

  it("opens its list with a mouse click, and the pane stays drawn under it", async () => {
    const before = await picker().innerText();
    await picker().click();
    expect(await picker().getAttribute("aria-expanded")).toBe("true");
    const options = page.getByRole("option");
    expect(await options.count()).toBeGreaterThan(1);
    expect(await options.nth(1).isVisible()).toBe(true);
    // The list is drawn, and outside it the pane is: no empty layer covers it.
    expect(await strayLayerPoints(page)).toEqual([]);
    expect(await isDrawn(page, "[data-check]")).toBe(true);
    await options.nth(1).click();
    expect(await picker().getAttribute("aria-expanded")).toBe("false");
    expect(await picker().innerText()).not.toBe(before);
    expect(await isDrawn(page, "[data-check]")).toBe(true);
  });

  it("opens with the keyboard, and focusing it leaves the pane drawn", async () => {
    await picker().focus();
    expect(await strayLayerPoints(page)).toEqual([]);
    expect(await isDrawn(page, "h1")).toBe(true);
    expect(await isDrawn(page, "[data-check]")).toBe(true);
    const before = await picker().innerText();
    await page.keyboard.press("Enter");
    expect(await picker().getAttribute("aria-expanded")).toBe("true");
    expect(await strayLayerPoints(page)).toEqual([]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    expect(await picker().getAttribute("aria-expanded")).toBe("false");
    expect(await picker().innerText()).not.toBe(before);
    expect(await picker().evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await isDrawn(page, "h1")).toBe(true);
  });
});
