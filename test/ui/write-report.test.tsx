/** @jest-environment jsdom */
import type { AnalyseOptions } from "../../src/engine/analyse";
import type { SheetSnapshot } from "../../src/engine/model/snapshot";
import type { WriteMessage } from "../../src/engine/write/types";
import { App } from "../../src/ui/App";
import { createRoleStore } from "../../src/ui/role-store";
import { axeViolations, byRole, click, render, settle, type Rendered, chooseAction } from "./dom";
import { FakeHost, makeAnalysis } from "./fixtures";

const protectedSheet: WriteMessage = {
  code: "flag-skipped-protected",
  severity: "warning",
  sheet: "Polizia Locale",
  message: "Il foglio «Polizia Locale» è protetto: le celle con problemi non sono state colorate né annotate. L'elenco completo è nel foglio Verifica.",
};
const renamed: WriteMessage = { code: "sheet-renamed", severity: "info", message: "Il foglio «Verifica» esisteva già: il componente usa «Verifica (2)»." };
const stateTaken: WriteMessage = {
  code: "state-sheet-taken",
  severity: "error",
  message: "La cartella ha già un foglio «SO_Stato» che non è del componente: rinominare quel foglio e ripetere; la cartella non è stata modificata.",
};

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  document.body.innerHTML = "";
});

async function renderPane(host: FakeHost, role: string, mode: "excel" | "standalone" = "excel") {
  const map = new Map([["schede-obiettivo.ruolo", role]]);
  const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
  const analyse = jest.fn((_s: readonly SheetSnapshot[], o: AnalyseOptions) => makeAnalysis({ review: o.review ?? "final", asOf: o.asOf }));
  rendered = await render(<App mode={mode} host={host} analyse={analyse} roleStore={createRoleStore(storage)} today={() => "2025-03-31"} />);
  await settle();
  return rendered.container;
}

/** The success/report bar: its colour (intent), its text and its lines. */
function notice(container: HTMLElement) {
  const bar = container.querySelector<HTMLElement>("[data-notice]");
  return {
    intent: bar?.getAttribute("data-notice") ?? null,
    text: bar?.textContent ?? "",
    lines: [...(bar?.querySelectorAll("li") ?? [])].map((li) => [li.getAttribute("data-severity"), li.textContent]),
  };
}

describe("the host's write report reaches the user", () => {
  it("after «Crea tabelle strutturate»: what the host skipped, in a warning bar, each line with its severity in words", async () => {
    const host = new FakeHost();
    host.hostMessages = [protectedSheet];
    const container = await renderPane(host, "segretario");
    await click(byRole(container, "button", "Verifica cartella"));
    await chooseAction(container, "Crea tabelle strutturate");
    const bar = notice(container);
    expect(bar.intent).toBe("warning");
    expect(bar.text).toContain("Fogli del componente aggiornati nella cartella.");
    expect(bar.lines).toEqual([["warning", `Avviso: ${protectedSheet.message}`]]);
    expect(await axeViolations(container)).toEqual([]);
  });

  it("after «Riepilogo per la Giunta»: a report with notes only is a plain success", async () => {
    const host = new FakeHost();
    host.hostMessages = [renamed];
    const container = await renderPane(host, "segretario");
    await click(byRole(container, "button", "Verifica cartella"));
    await chooseAction(container, "Riepilogo per la Giunta");
    const bar = notice(container);
    // Only notes: a plain success, without severity labels.
    expect(bar.intent).toBe("success");
    expect(bar.lines).toEqual([["info", renamed.message]]);
  });

  it("after the Nucleo's write: an error in the report is not shown as a success", async () => {
    const host = new FakeHost();
    host.hostMessages = [stateTaken];
    const container = await renderPane(host, "nucleo");
    await click(byRole(container, "button", "Calcola medie e punteggi"));
    await click(byRole(container, "button", "Scrivi nel foglio (formule)"));
    const bar = notice(container);
    expect(bar.intent).toBe("error");
    expect(bar.text).toMatch(/^Scrittura non completa/);
    expect(bar.lines).toEqual([["error", `Errore: ${stateTaken.message}`]]);
  });

  it("after clearing, asked for first: «Annulla» clears nothing, «Rimuovi» clears and shows the report", async () => {
    const host = new FakeHost();
    host.hostMessages = [{ code: "overrides-removed", severity: "warning", sheet: "Punteggi", message: "Il foglio «Punteggi» conteneva valutazioni del Nucleo: sono state rimosse con il foglio." }];
    const container = await renderPane(host, "segretario");
    // No analysis is needed to clear.
    await chooseAction(container, "Rimuovi i contenuti del componente");
    const dialog = () => document.querySelector<HTMLElement>("[role=alertdialog]");
    expect(dialog()?.textContent).toContain("Rimuovere i contenuti del componente?");
    expect(await axeViolations(dialog() as HTMLElement)).toEqual([]);
    await click(byRole(dialog() as HTMLElement, "button", "Annulla"));
    await settle();
    expect(host.calls).not.toContain("clear");

    await chooseAction(container, "Rimuovi i contenuti del componente");
    await click(byRole(dialog() as HTMLElement, "button", "Rimuovi"));
    await settle();
    expect(host.calls.filter((c) => c === "clear")).toHaveLength(1);
    const bar = notice(container);
    expect(bar.text).toContain("Contenuti del componente rimossi dalla cartella.");
    expect(bar.lines).toEqual([["warning", "Avviso: Il foglio «Punteggi» conteneva valutazioni del Nucleo: sono state rimosse con il foglio."]]);
  });

  it("in the standalone page, says the write went to the copy in memory", async () => {
    const host = new FakeHost("file", false);
    host.hostMessages = [renamed];
    const container = await renderPane(host, "segretario", "standalone");
    await click(byRole(container, "button", "Verifica cartella"));
    await chooseAction(container, "Crea tabelle strutturate");
    expect(notice(container).text).toContain("Fatto nella copia in memoria");
    expect(notice(container).lines).toEqual([["info", renamed.message]]);
  });
});
