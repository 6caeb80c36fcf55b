/** @jest-environment jsdom */
/**
 * The real @microsoft/office-js-helpers behind src/taskpane/office-helpers.ts: the two calls
 * typed locally exist in the package with the shape this module expects.
 */
import { notifyStartupFailure } from "../../src/taskpane/office-helpers";

const texts = {
  title: "Schede Obiettivo non è partito",
  message: "Impossibile avviare Schede Obiettivo: rete assente.",
  detailsLabel: "Dettagli",
  closeLabel: "Chiudi il messaggio",
};

afterEach(() => {
  document.body.innerHTML = "";
  jest.restoreAllMocks();
});

describe("office-helpers", () => {
  it("shows the package's banner with the Italian title and message, details and a named close button", () => {
    jest.spyOn(console, "group").mockImplementation(() => undefined);
    jest.spyOn(console, "groupCollapsed").mockImplementation(() => undefined);
    jest.spyOn(console, "groupEnd").mockImplementation(() => undefined);
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new Error("Loading chunk excel-host failed.");
    notifyStartupFailure(error, texts);

    const banner = document.querySelector<HTMLElement>(".office-js-helpers-notification");
    expect(banner).not.toBeNull();
    expect(banner?.getAttribute("role")).toBe("alert");
    expect(banner?.textContent).toContain(texts.title);
    expect(banner?.textContent).toContain(texts.message);
    // The original error stays readable for support, under the Italian "Dettagli".
    expect(banner?.querySelector("pre")?.textContent).toContain("Loading chunk excel-host failed.");
    expect([...(banner?.querySelectorAll("a") ?? [])].map((a) => a.textContent)).toEqual(["Dettagli"]);
    const close = banner?.querySelector("button");
    expect(close?.getAttribute("aria-label")).toBe("Chiudi il messaggio");
    // Utilities.log printed the original error's stack.
    expect(logged).toHaveBeenCalledWith(error.stack);

    close?.click();
    expect(document.querySelector(".office-js-helpers-notification")).toBeNull();
  });
});
