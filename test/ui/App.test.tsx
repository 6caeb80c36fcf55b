/** @jest-environment jsdom */
import { act } from "react";
import type { AnalyseOptions } from "../../src/engine/analyse";
import type { ObjectiveScore, OwnerScore } from "../../src/engine/compute/types";
import type { SheetSnapshot } from "../../src/engine/model/snapshot";
import { App } from "../../src/ui/App";
import { createRoleStore } from "../../src/ui/role-store";
import type { OpenWorkbookFile } from "../../src/ui/types";
import { axeViolations, byRole, click, render, settle, type, visibleText, type Rendered, chooseAction } from "./dom";
import { FakeHost, makeAnalysis } from "./fixtures";

const TODAY = "2025-03-31";

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

const stubAnalyse = () => jest.fn((_s: readonly SheetSnapshot[], o: AnalyseOptions) => makeAnalysis({ review: o.review ?? "final", asOf: o.asOf, overrides: o.overrides }));

let rendered: Rendered | null = null;
afterEach(() => {
  rendered?.unmount();
  rendered = null;
  document.body.innerHTML = "";
});

async function renderApp(props: Partial<Parameters<typeof App>[0]> & { role?: string } = {}) {
  const storage = memoryStorage(props.role ? { "schede-obiettivo.ruolo": props.role } : {});
  const host = props.host === undefined ? new FakeHost() : props.host;
  const analyse = props.analyse ?? stubAnalyse();
  rendered = await render(
    <App
      mode={props.mode ?? "excel"}
      host={host}
      analyse={analyse}
      roleStore={props.roleStore ?? createRoleStore(storage)}
      openFile={props.openFile}
      today={() => TODAY}
      download={props.download}
      onFirstRender={props.onFirstRender}
    />,
  );
  await settle();
  return { container: rendered.container, host, analyse, storage };
}

const selectedTab = (root: ParentNode) => {
  const tab = root.querySelector('[role=tab][aria-selected="true"]');
  return tab ? visibleText(tab) : null;
};

describe("role switch", () => {
  it("remembers the chosen role in the store and reopens on it", async () => {
    const storage = memoryStorage();
    const first = await renderApp({ roleStore: createRoleStore(storage), host: new FakeHost("excel", false) });
    expect(selectedTab(first.container)).toBe("Responsabile");
    await click(byRole(first.container, "tab", "Nucleo"));
    expect(storage.map.get("schede-obiettivo.ruolo")).toBe("nucleo");
    rendered?.unmount();
    const second = await renderApp({ roleStore: createRoleStore(storage), host: new FakeHost("excel", false) });
    expect(selectedTab(second.container)).toBe("Nucleo");
    expect(second.container.querySelector("[role=tabpanel]")?.getAttribute("data-role")).toBe("nucleo");
  });

  it("labels the tab list and ties the panel to its tab", async () => {
    const { container } = await renderApp({ role: "segretario" });
    expect(container.querySelector("[role=tablist]")?.getAttribute("aria-label")).toBe("Ruolo");
    const panel = container.querySelector("[role=tabpanel]");
    const tab = document.getElementById(panel?.getAttribute("aria-labelledby") ?? "");
    expect(tab && visibleText(tab)).toBe("Segretario");
  });

  it("calls onFirstRender once", async () => {
    const onFirstRender = jest.fn();
    await renderApp({ onFirstRender });
    expect(onFirstRender).toHaveBeenCalledTimes(1);
  });
});

describe("segretario", () => {
  it("checks the workbook with a progress bar, then groups findings by structure and sheet with counts", async () => {
    const host = new FakeHost();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const read = host.readSnapshots.bind(host);
    host.readSnapshots = async (onProgress) => {
      const s = await read(onProgress);
      await gate;
      return s;
    };
    const { container, analyse } = await renderApp({ role: "segretario", host });
    await click(byRole(container, "button", "Verifica cartella"));
    const bar = container.querySelector("[role=progressbar]");
    expect(bar).not.toBeNull();
    expect(container.textContent).toContain("Lettura dei fogli (1 di 2)");
    await act(async () => release());
    await settle();
    expect(container.querySelector("[role=progressbar]")).toBeNull();
    expect(analyse).toHaveBeenCalledWith(expect.any(Array), expect.objectContaining({ review: null, asOf: TODAY }), expect.anything());

    const headers = [...container.querySelectorAll("h4")].map((h) => h.firstChild?.textContent);
    expect(headers).toEqual(["Foglio Segreteria", "Foglio Polizia Locale", "Foglio Note"]);
    const summary = container.querySelector('[data-summary="findings"]');
    expect(summary?.textContent).toContain("5 segnalazioni");
    expect(summary?.textContent).toContain("2 errori");
    expect(summary?.textContent).toContain("2 avvisi");
    expect(summary?.textContent).toContain("1 nota");
    const structures = [...container.querySelectorAll("[role=region], .fui-AccordionHeader")].map((h) => h.textContent);
    expect(structures.join("|")).toMatch(/Segreteria.*2 errori.*1 avviso.*Polizia Locale.*1 avviso.*Senza struttura.*1 nota/);

    expect(await axeViolations(container)).toEqual([]);
  });

  it("goes to a finding's cells when it is clicked", async () => {
    const { container, host } = await renderApp({ role: "segretario" });
    await click(byRole(container, "button", "Verifica cartella"));
    const item = [...container.querySelectorAll("button[data-finding]")].find((b) => b.textContent?.includes("sommano a 60%"));
    await click(item);
    expect((host as FakeHost).calls).toContain("select Segreteria!C50:C51");
    expect(item?.getAttribute("aria-current")).toBe("true");
  });

  it("shows how the workbook was read, per structure, and goes to a block's cells", async () => {
    const { container, host } = await renderApp({ role: "segretario" });
    await click(byRole(container, "button", "Verifica cartella"));
    const section = container.querySelector('[data-section="reading"]') as HTMLElement;
    expect(section.querySelector("h3")?.textContent).toBe("Come è stata letta la cartella");
    const headers = [...section.querySelectorAll(".fui-AccordionHeader")].map((h) => h.textContent);
    expect(headers).toEqual(["Segreteria (2 obiettivi)", "Polizia Locale (1 obiettivo)"]);
    await click(section.querySelector(".fui-AccordionHeader button"));
    const place = section.querySelector('[data-objective="segreteria/2"] button[data-place="card"]');
    expect(place?.getAttribute("aria-label")).toBe("Vai a scheda: Segreteria!A41:O71");
    await click(place);
    expect((host as FakeHost).calls).toContain("select Segreteria!A41:O71");
    expect(place?.getAttribute("aria-current")).toBe("true");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("writes the full plan for the tables and a clean plan for the Giunta", async () => {
    const { container, host } = await renderApp({ role: "segretario" });
    await click(byRole(container, "button", "Verifica cartella"));
    await chooseAction(container, "Crea tabelle strutturate");
    const fake = host as FakeHost;
    expect(fake.applied).toHaveLength(1);
    expect(fake.applied[0]?.flags).toHaveLength(1);
    expect(fake.calls).toContain("select Obiettivi!A1");
    expect(container.textContent).toContain("Fogli del componente aggiornati");
    await chooseAction(container, "Riepilogo per la Giunta");
    expect(fake.applied[1]?.flags).toEqual([]);
    expect(fake.applied[1]?.sheets.map((s) => s.name)).toEqual(["Obiettivi", "Punteggi"]);
  });

  it("lists the write's messages under the success notice", async () => {
    const analyse = jest.fn(() => {
      const a = makeAnalysis();
      a.writePlan.messages = [{ code: "sheet-renamed", severity: "info", message: "Il foglio «Verifica» esisteva già: il componente usa «Verifica (2)»." }];
      return a;
    });
    const { container } = await renderApp({ role: "segretario", analyse });
    await click(byRole(container, "button", "Verifica cartella"));
    await chooseAction(container, "Crea tabelle strutturate");
    const notice = [...container.querySelectorAll(".fui-MessageBar")].map((m) => m.textContent).join("|");
    expect(notice).toContain("Fogli del componente aggiornati nella cartella.");
    expect(notice).toContain("usa «Verifica (2)»");
  });

  it("shows an Italian message when reading fails", async () => {
    const host = new FakeHost();
    host.readError = new TypeError("x is undefined");
    const { container } = await renderApp({ role: "segretario", host });
    await click(byRole(container, "button", "Verifica cartella"));
    const alert = container.querySelector("[role=alert]");
    expect(alert?.textContent).toContain("Si è verificato un errore imprevisto: x is undefined");
  });
});

describe("responsabile", () => {
  it("reads on open and shows the card at the selection as a checklist, following the selection", async () => {
    const host = new FakeHost();
    host.active = { sheet: "Segreteria", address: "C45" };
    const { container } = await renderApp({ role: "responsabile", host });
    expect(host.calls[0]).toBe("read");
    const status = (id: string) => container.querySelector(`[data-check="${id}"]`)?.getAttribute("data-status");
    expect(status("weight")).toBe("error");
    expect(status("phaseWeights")).toBe("error");
    expect(container.textContent).toContain("I pesi delle fasi sommano a 60%");
    expect(container.querySelectorAll("button[data-finding]")).toHaveLength(2);

    await act(async () => host.selectionListener?.({ sheet: "Polizia Locale", address: "B3" }));
    await settle();
    expect(status("weight")).toBe("ok");
    expect(status("schedule")).toBe("error");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("says so when the selection is not on a card", async () => {
    const host = new FakeHost();
    host.active = { sheet: "Note", address: "A1" };
    const { container } = await renderApp({ role: "responsabile", host });
    expect(container.textContent).toContain("La cella selezionata non è in una scheda");
    expect(container.querySelector("[data-check]")).toBeNull();
  });

  it("inserts a new card through the host and reads again", async () => {
    const host = new FakeHost();
    const { container } = await renderApp({ role: "responsabile", host });
    await click(byRole(container, "button", "Nuova scheda"));
    expect(host.calls.filter((c) => c === "insertNewCard")).toHaveLength(1);
    expect(host.templates[0]?.sheetName).toBe("Nuova scheda");
    // The heading carries the plan year the analysis found.
    expect(host.templates[0]?.cells[0]?.value).toBe("1. OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(host.calls.filter((c) => c === "read")).toHaveLength(2);
    expect(container.textContent).toContain("Scheda inserita nel foglio «Nuova scheda».");
  });

  it("disables the new card where the host cannot insert one", async () => {
    const { container } = await renderApp({ role: "responsabile", host: new FakeHost("excel", false) });
    expect(byRole(container, "button", "Nuova scheda").hasAttribute("disabled")).toBe(true);
  });
});

describe("nucleo", () => {
  it("computes with the chosen date and kind, draws a bar per owner and writes formulas", async () => {
    const { container, analyse, host } = await renderApp({ role: "nucleo" });
    const date = container.querySelector<HTMLInputElement>("input[type=date]");
    await type(date, "2024-09-30");
    await click(container.querySelector('input[type=radio][value="interim"]'));
    await click(byRole(container, "button", "Calcola medie e punteggi"));
    expect(analyse).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ asOf: "2024-09-30", review: "interim" }), expect.anything());
    expect(container.textContent).toContain("Verifica intermedia — 30/09/2024");
    const bars = container.querySelectorAll("svg[data-chart] [data-owner]");
    expect([...bars].map((b) => b.getAttribute("data-owner"))).toEqual(["Mario Rossi", "Luca Verdi"]);
    expect(container.querySelector("svg[data-chart] desc")?.textContent).toContain("Mario Rossi: 88,4, fascia C");

    await click(byRole(container, "button", "Scrivi nel foglio (formule)"));
    expect((host as FakeHost).applied).toHaveLength(1);
    expect((host as FakeHost).calls).toContain("select Punteggi!A1");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("applies an override with its note and keeps the computed value beside it", async () => {
    const { container, analyse } = await renderApp({ role: "nucleo" });
    await click(byRole(container, "button", "Calcola medie e punteggi"));
    await click(byRole(container, "button", "Correggi il punteggio di 2. Albo online"));
    const dialog = document.querySelector("[role=dialog]");
    expect(dialog).not.toBeNull();
    expect(await axeViolations(dialog as Element)).toEqual([]);
    const [value] = [...(dialog as Element).querySelectorAll("input")];
    await type(value, "95");
    await click(byRole(dialog as Element, "button", "Applica correzione"));
    // No note yet: the dialog stays open and says why.
    expect(document.querySelector("[role=dialog]")?.textContent).toContain("Scrivere la motivazione");
    await type(document.querySelector("[role=dialog] textarea"), "Obiettivo raggiunto in anticipo");
    await click(byRole(document.querySelector("[role=dialog]") as Element, "button", "Applica correzione"));
    await settle(10);
    expect(analyse).toHaveBeenLastCalledWith(
      expect.any(Array),
      expect.objectContaining({ overrides: [{ objectiveId: "segreteria/2", value: 95, note: "Obiettivo raggiunto in anticipo" }] }),
      expect.anything(),
    );
    const row = container.querySelector('[data-objective="segreteria/2"]');
    expect(row?.textContent).toContain("Corretto a 95% — Obiettivo raggiunto in anticipo");
    expect(row?.textContent).toContain("calcolato 70");
  });
});

describe("nucleo: defaults, presets and what-if, non calcolabile", () => {
  /** The stub, with the "Fasce" preset lowering Rossi and leaving Verdi's objective with nothing recorded. */
  const presetAnalyse = () =>
    jest.fn((_s: readonly SheetSnapshot[], o: AnalyseOptions) => {
      const a = makeAnalysis({ review: o.review ?? "final", asOf: o.asOf, overrides: o.overrides });
      if (o.methodology?.conversion === "bands") {
        const [rossi, verdi] = a.scores.owners as [OwnerScore, OwnerScore];
        Object.assign(rossi, { score: 70, band: "D" });
        Object.assign(verdi, { score: null, band: null });
        const o3 = a.scores.objectives[2] as ObjectiveScore;
        Object.assign(o3, { meanAchievement: null, meanTimeliness: null, score: null, finalScore: null, notComputable: ["achievement", "timeliness"] });
        Object.assign(a.scores.objectives[0] as ObjectiveScore, { score: 60, finalScore: 60 });
      }
      return a;
    });

  it("proposes 31/12 of the plan year for the final review and 30/09 for the interim one, not today", async () => {
    const { container } = await renderApp({ role: "nucleo" });
    const date = () => container.querySelector<HTMLInputElement>("input[type=date]")?.value;
    expect(date()).toBe("2024-12-31");
    await click(container.querySelector('input[type=radio][value="interim"]'));
    expect(date()).toBe("2024-09-30");
    await click(container.querySelector('input[type=radio][value="final"]'));
    expect(date()).toBe("2024-12-31");
  });

  it("previews a preset (owners before → after, objectives that move most), computes with it, shows non calcolabile", async () => {
    const analyse = presetAnalyse();
    const { container } = await renderApp({ role: "nucleo", analyse });
    const select = container.querySelector<HTMLSelectElement>("select[data-methodology]");
    expect([...(select?.options ?? [])].map((x) => x.textContent)).toEqual(["Come nel foglio Metodologia", "Lineare", "Soglie minima/target/massima", "Fasce di raggiungimento"]);
    await act(async () => {
      if (select) select.value = "bands";
      select?.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle(10);
    const panel = container.querySelector("[data-what-if]");
    expect(panel?.querySelector('[data-owner="Mario Rossi"]')?.textContent).toBe("Mario Rossi: 88,4 (C) → 70 (D)");
    expect(panel?.querySelector('[data-owner="Luca Verdi"]')?.textContent).toBe("Luca Verdi: 85,5 (C) → non calcolabile (—)");
    expect([...(panel?.querySelectorAll("[data-moved]") ?? [])].map((x) => x.getAttribute("data-moved"))).toEqual(["polizia-locale/1", "segreteria/1"]);
    // Nothing is computed or written by the preview itself: the table still shows the sheet's methodology.
    expect(container.querySelector('[data-objective="polizia-locale/1"]')?.textContent).not.toContain("non calcolabile");

    await click(byRole(container, "button", "Calcola medie e punteggi"));
    expect(analyse).toHaveBeenLastCalledWith(expect.any(Array), expect.objectContaining({ asOf: "2024-12-31", review: "final", methodology: expect.objectContaining({ conversion: "bands" }) }));
    const row = container.querySelector('[data-objective="polizia-locale/1"]');
    expect(row?.textContent).toContain("Media valore raggiunto: non calcolabile");
    expect(row?.textContent).toContain("Media rispetto dei tempi: non calcolabile");
    expect(container.querySelector('[aria-label="Punteggi dei responsabili"]')?.textContent).toContain("non calcolabile");
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe("standalone page", () => {
  function fileInput(container: HTMLElement, file: File) {
    const input = container.querySelector<HTMLInputElement>("input[type=file]");
    if (!input) throw new Error("no file input");
    Object.defineProperty(input, "files", { value: [file], configurable: true });
    return act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }

  it("opens a file, shows findings and a preview of a finding's cells, and downloads the annotated copy", async () => {
    const fileHost = new FakeHost("file", false);
    const annotated = new Blob(["xlsx"]);
    const annotatedCopy = jest.fn(async () => annotated);
    const openFile: OpenWorkbookFile = jest.fn(async (file: File) => ({ host: fileHost, fileName: file.name, annotatedCopy }));
    const download = jest.fn();
    const { container } = await renderApp({ mode: "standalone", host: null, openFile, download, role: "segretario" });
    expect(byRole(container, "button", "Scarica copia annotata").hasAttribute("disabled")).toBe(true);
    expect(await axeViolations(container)).toEqual([]);

    await fileInput(container, new File(["x"], "piano.xlsx"));
    await settle(10);
    expect(container.textContent).toContain("File aperto: piano.xlsx");
    expect(container.querySelectorAll("button[data-finding]")).toHaveLength(5);

    const item = [...container.querySelectorAll("button[data-finding]")].find((b) => b.textContent?.includes("Segreteria, N43"));
    await click(item);
    const preview = container.querySelector("[data-preview]");
    expect(preview?.getAttribute("data-preview")).toBe("Segreteria!N43");
    expect(fileHost.calls.some((c) => c.startsWith("select"))).toBe(false);

    await click(byRole(container, "button", "Scarica copia annotata"));
    expect(annotatedCopy).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }), expect.any(Function));
    expect(download).toHaveBeenCalledWith(annotated, "piano-annotato.xlsx");
    expect(await axeViolations(container)).toEqual([]);
  });

  it("shows the reader's Italian message for a broken file", async () => {
    class WorkbookUnreadableError extends Error {
      override name = "WorkbookUnreadableError";
    }
    const openFile: OpenWorkbookFile = async () => {
      throw new WorkbookUnreadableError("Il file non è una cartella di lavoro Excel (.xlsx) leggibile.");
    };
    const { container } = await renderApp({ mode: "standalone", host: null, openFile });
    await fileInput(container, new File(["x"], "rotto.xlsx"));
    await settle();
    const alert = container.querySelector("[role=alert]");
    expect(alert?.textContent).toContain("Il file non è una cartella di lavoro Excel (.xlsx) leggibile.");
    expect(alert?.textContent).not.toContain("imprevisto");
  });
});

describe("what the pane offers comes from the host's capabilities, not from where it runs", () => {
  /** A host with every method, live validation included; only its capabilities differ. */
  function hostWith(kind: "excel" | "file", capabilities: Partial<FakeHost["capabilities"]>) {
    const host = new FakeHost(kind, true, capabilities);
    const watch = { subscriptions: 0 };
    Object.assign(host, {
      watchCardChanges: async () => {
        watch.subscriptions++;
        return async () => undefined;
      },
      refreshFlags: async () => ({ sheetsRemoved: [], sheetsWritten: [], flagsRemoved: 0, flagsWritten: 0, cellsRemoved: 0, cellsWritten: 0, messages: [] }),
    });
    host.active = { sheet: "Segreteria", address: "C45" };
    return { host, watch };
  }
  const finding = (container: HTMLElement) => [...container.querySelectorAll("button[data-finding]")].find((b) => b.textContent?.includes("sommano a 60%"));

  it("in Excel with no selection, no active cell and no live validation: previews the cells, lets the user pick, says nothing of automatic updates", async () => {
    const { host, watch } = hostWith("excel", { select: false, activeCell: false, liveValidation: false });
    const { container } = await renderApp({ role: "responsabile", host, mode: "excel" });
    expect(watch.subscriptions).toBe(0);
    expect(container.querySelector("[data-live]")).toBeNull();
    expect(container.textContent).not.toContain("La scheda segue la cella selezionata");
    expect(host.selectionListener).toBeNull();
    // The first card, not the one at the selection (C45 is on «Albo online»).
    expect(container.querySelector('[role=combobox]')?.textContent ?? "").toContain("Protocollo digitale");

    await click(byRole(container, "tab", "Segretario"));
    await click(byRole(container, "button", "Verifica cartella"));
    await click(finding(container));
    expect(host.calls.some((c) => c.startsWith("select"))).toBe(false);
    expect(container.querySelector("[data-preview]")?.getAttribute("data-preview")).toBe("Segreteria!C50:C51");
  });

  it("with a file host that says it can select and watch: goes to the cells and follows the typing", async () => {
    const { host, watch } = hostWith("file", { select: true, activeCell: true, liveValidation: true, changesUnderPane: true });
    const { container } = await renderApp({ role: "responsabile", host, mode: "standalone" });
    expect(watch.subscriptions).toBe(1);
    expect(container.querySelector("[data-live]")?.textContent).toBe("Aggiornamento automatico attivo");
    expect(container.textContent).toContain("La scheda segue la cella selezionata in Excel.");

    await click(byRole(container, "tab", "Segretario"));
    await click(byRole(container, "button", "Verifica cartella"));
    await click(finding(container));
    expect(host.calls).toContain("select Segreteria!C50:C51");
    expect(container.querySelector("[data-preview]")).toBeNull();
  });

  it("says in Italian when a finding's cells cannot be selected", async () => {
    const host = new FakeHost();
    host.selectError = new Error("ItemNotFound");
    const { container } = await renderApp({ role: "segretario", host });
    await click(byRole(container, "button", "Verifica cartella"));
    await click(finding(container));
    expect(container.querySelector("[role=alert]")?.textContent).toContain("Impossibile selezionare le celle C50:C51 del foglio «Segreteria»: ItemNotFound");
  });

  it("offers «Nuova scheda» as a download where the host makes a card's workbook (a file in the browser)", async () => {
    const fileHost = new FakeHost("file", false);
    const openFile: OpenWorkbookFile = async (file: File) => ({ host: fileHost, fileName: file.name, annotatedCopy: async () => new Blob(["x"]) });
    const download = jest.fn();
    const { container } = await renderApp({ mode: "standalone", host: null, openFile, download, role: "responsabile" });
    // No file yet: nothing can make a card.
    expect(byRole(container, "button", "Nuova scheda").hasAttribute("disabled")).toBe(true);
    const input = container.querySelector<HTMLInputElement>("input[type=file]") as HTMLInputElement;
    Object.defineProperty(input, "files", { value: [new File(["x"], "piano.xlsx")], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await settle(10);
    const button = byRole(container, "button", "Nuova scheda");
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(button.getAttribute("data-new-card")).toBe("download");
    expect(container.textContent).toContain("Scarica una nuova cartella .xlsx con una scheda vuota");
    await click(button);
    expect(fileHost.calls).toContain("newCardWorkbook");
    expect(fileHost.calls).not.toContain("insertNewCard");
    expect(fileHost.applied).toEqual([]);
    // The plan read is of 2024: the card is for that year.
    expect(fileHost.templates[0]?.cells[0]?.value).toBe("1. OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(download).toHaveBeenCalledWith(expect.any(Blob), "nuova-scheda-2024.xlsx");
    expect(container.querySelector('[data-live-region="notice"]')?.textContent).toContain("Scheda vuota scaricata: nuova-scheda-2024.xlsx");
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe("theme", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
    delete (window as { matchMedia?: unknown }).matchMedia;
  });

  it("follows the Office theme in Excel (Black → dark)", async () => {
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    const { container } = await renderApp();
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
  });

  it("follows prefers-color-scheme in the standalone page, live", async () => {
    const listeners: Array<(e: { matches: boolean }) => void> = [];
    const query = { matches: true, addEventListener: (_: string, f: (e: { matches: boolean }) => void) => listeners.push(f), removeEventListener: () => undefined };
    const other = { matches: false, addEventListener: () => undefined, removeEventListener: () => undefined };
    (window as { matchMedia?: unknown }).matchMedia = (q: string) => (q === "(prefers-color-scheme: dark)" ? query : other);
    const { container } = await renderApp({ mode: "standalone", host: null });
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("dark");
    query.matches = false;
    await act(async () => listeners.forEach((f) => f({ matches: false })));
    expect(container.querySelector("[data-theme]")?.getAttribute("data-theme")).toBe("light");
  });
});
