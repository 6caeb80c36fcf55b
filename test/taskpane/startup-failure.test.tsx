/** @jest-environment jsdom */
import { strings } from "../../src/ui/strings";
import { StartupBoundary, notifyStartupFailure, showStartupFailure, startupMessage } from "../../src/taskpane/startup-failure";
import { render, settle, type Rendered } from "../ui/dom";

// The dynamic import of the failure path, replaced: the real module is tested in office-helpers.test.ts.
jest.mock("../../src/taskpane/office-helpers", () => ({ notifyStartupFailure: jest.fn() }));
const helpers = jest.requireMock<{ notifyStartupFailure: jest.Mock }>("../../src/taskpane/office-helpers");

const texts = (error: unknown) => ({
  title: "Schede Obiettivo non è partito",
  message: startupMessage(error),
  detailsLabel: "Dettagli",
  closeLabel: strings.errors.dismiss,
});

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  document.body.innerHTML = "";
  helpers.notifyStartupFailure.mockReset();
  jest.restoreAllMocks();
});

function Broken(): never {
  throw new Error("Cannot read properties of undefined (reading 'plan')");
}

describe("the task pane's fatal path", () => {
  it("shows the Italian message in place of a pane that fails to render and reports it through office-helpers", async () => {
    // React logs the caught render error; keep the test output clean.
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    rendered = await render(
      <StartupBoundary>
        <Broken />
      </StartupBoundary>,
    );
    await settle();
    const alert = rendered.container.querySelector("[role=alert][data-startup-failure]");
    expect(alert?.textContent).toBe(
      "Impossibile avviare Schede Obiettivo: Cannot read properties of undefined (reading 'plan'). Chiudere e riaprire il riquadro; se il problema si ripete, rivolgersi all'assistenza.",
    );
    expect(helpers.notifyStartupFailure).toHaveBeenCalledTimes(1);
    const [error, given] = helpers.notifyStartupFailure.mock.calls[0] as [Error, unknown];
    expect(error.message).toBe("Cannot read properties of undefined (reading 'plan')");
    expect(given).toEqual(texts(error));
  });

  it("renders the pane untouched when nothing fails, without loading office-helpers", async () => {
    rendered = await render(
      <StartupBoundary>
        <p>pronto</p>
      </StartupBoundary>,
    );
    await settle();
    expect(rendered.container.textContent).toBe("pronto");
    expect(helpers.notifyStartupFailure).not.toHaveBeenCalled();
  });

  it("replaces the pane with the message when the Excel host's chunk cannot load, then shows the banner", async () => {
    const container = document.createElement("div");
    container.textContent = "Caricamento…";
    const chunkError = Object.assign(new Error("Loading chunk excel-host failed."), { name: "ChunkLoadError" });
    await showStartupFailure(container, chunkError);
    expect(container.getAttribute("role")).toBe("alert");
    expect(container.textContent).toBe(startupMessage(chunkError));
    // The chunk's number and URL mean nothing to the user: the network does.
    expect(container.textContent).toBe(
      "Impossibile avviare Schede Obiettivo: una parte del componente non è stata scaricata (connessione assente o interrotta). Chiudere e riaprire il riquadro; se il problema si ripete, rivolgersi all'assistenza.",
    );
    expect(helpers.notifyStartupFailure).toHaveBeenCalledWith(chunkError, texts(chunkError));
  });

  it("keeps the plain message when office-helpers itself cannot be fetched, and never throws", async () => {
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const container = document.createElement("div");
    const offline = new Error("Loading chunk office-helpers failed.");
    await expect(showStartupFailure(container, new Error("host"), () => Promise.reject(offline))).resolves.toBeUndefined();
    expect(container.textContent).toBe(startupMessage(new Error("host")));
    expect(logged).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: "host" }), offline);
    expect(helpers.notifyStartupFailure).not.toHaveBeenCalled();
  });

  it("says something useful for a failure that is not an Error", async () => {
    await notifyStartupFailure("rete assente");
    expect(helpers.notifyStartupFailure).toHaveBeenCalledWith("rete assente", expect.objectContaining({ message: expect.stringContaining(": rete assente.") }));
  });
});
