/**
 * @microsoft/office-js-helpers, kept behind this one module and used for the one thing the pane
 * has no other means for: saying that the task pane could not start at all. Its banner is plain
 * DOM, so it shows even when React or Fluent UI is what failed, and its logger prints Office's
 * debugInfo with the stack. The package is deprecated upstream and bundles rxjs 5 and lodash:
 * this module is reached only through the dynamic import in ./startup-failure, on the failure
 * path, so none of it is in the pane's initial JavaScript.
 */
import { UI, Utilities } from "@microsoft/office-js-helpers/dist/office.helpers.min.js";

/** The Italian texts of the banner. */
export interface StartupFailureTexts {
  title: string;
  /** What happened and what to do. */
  message: string;
  /** Replaces the package's English "Details" link. */
  detailsLabel: string;
  /** Accessible name of the close button. */
  closeLabel: string;
}

/** The banner's own class (the package's markup). */
const BANNER = "office-js-helpers-notification";

/**
 * Logs the failure and shows the banner at the top of the pane: the Italian message, and under
 * "Dettagli" the original error's stack (with Office's debugInfo when Excel raised it).
 */
export function notifyStartupFailure(error: unknown, texts: StartupFailureTexts): void {
  const original = error instanceof Error ? error : new Error(String(error));
  Utilities.log(original);
  // notify() prints the error's message and name; the user reads the Italian one, support the stack.
  const shown = new Error(texts.message);
  shown.name = texts.title;
  // Some errors (webpack's ChunkLoadError) get their message after the stack was taken.
  const head = `${original.name}: ${original.message}`;
  shown.stack = original.stack?.includes(original.message) ? original.stack : `${head}\n${original.stack ?? ""}`;
  if ("debugInfo" in original) Object.assign(shown, { innerError: original });
  UI.notify(shown, texts.title);
  finishBanner(texts);
}

/**
 * The banner is styled by Office UI Fabric, which the pane does not load (it makes no request but
 * office.js): give it a readable look, an alert role, an Italian details link and a named close
 * button.
 */
function finishBanner(texts: StartupFailureTexts): void {
  const banner = document.querySelector<HTMLElement>(`.${BANNER}`);
  if (!banner) return;
  banner.setAttribute("role", "alert");
  banner.setAttribute("lang", "it");
  // Fluent's error palette (colorPaletteRedBackground1 / colorNeutralForeground1): no theme exists here.
  Object.assign(banner.style, { background: "#fdf3f4", color: "#242424", borderBottom: "1px solid #eeacb2", fontFamily: "'Segoe UI', system-ui, sans-serif", fontSize: "14px" });
  for (const title of banner.querySelectorAll<HTMLElement>(".ms-fontWeight-semibold")) title.style.fontWeight = "600";
  const close = banner.querySelector<HTMLButtonElement>(":scope > button");
  if (close) {
    close.setAttribute("aria-label", texts.closeLabel);
    close.textContent = "×";
    Object.assign(close.style, { fontSize: "20px", color: "inherit" });
  }
  const details = [...banner.querySelectorAll<HTMLAnchorElement>("a")].find((a) => a.textContent === "Details");
  if (details) {
    details.textContent = texts.detailsLabel;
    details.setAttribute("role", "button");
  }
}
