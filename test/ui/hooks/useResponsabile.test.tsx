/** @jest-environment jsdom */
import { act } from "react";
import { useResponsabile } from "../../../src/ui/hooks/useResponsabile";
import { settle } from "../dom";
import { FakeHost } from "../fixtures";
import { renderRoleHook } from "./harness";

const responsabile = (download = jest.fn(), active = true) => (pane: Parameters<typeof useResponsabile>[0], nav: Parameters<typeof useResponsabile>[1]) =>
  useResponsabile(pane, nav, { active, download });

describe("useResponsabile", () => {
  it("reads on start where the workbook is being edited (Excel) and follows the selection", async () => {
    const host = new FakeHost();
    host.active = { sheet: "Segreteria", address: "C45" };
    const h = await renderRoleHook(host, responsabile());
    expect(host.calls).toEqual(["read"]);
    expect(h.result.followsSelection).toBe(true);
    expect(h.result.objectiveId).toBe("segreteria/2");
    await act(async () => host.selectionListener?.({ sheet: "Polizia Locale", address: "B3" }));
    await settle();
    expect(h.result.objectiveId).toBe("polizia-locale/1");
  });

  it("reads nothing on start while another view is shown, or where the file was read at opening", async () => {
    const excel = new FakeHost();
    await renderRoleHook(excel, responsabile(jest.fn(), false));
    expect(excel.calls).toEqual([]);
    expect(excel.selectionListener).toBeNull();
    const file = new FakeHost("file", false);
    const h = await renderRoleHook(file, responsabile());
    expect(file.calls).toEqual([]);
    expect(h.result.followsSelection).toBe(false);
  });

  it("says in Italian that the card cannot follow the selection, and lets the user pick", async () => {
    const host = new FakeHost();
    host.getActiveCell = async () => {
      throw new Error("RichApi.Error: timeout");
    };
    const h = await renderRoleHook(host, responsabile());
    expect(h.pane.wb.error).toBe("La scheda non segue la cella selezionata: RichApi.Error: timeout. Scegli la scheda dall'elenco.");
    expect(h.result.followsSelection).toBe(false);
    // The first card is shown instead of "the selection is not on a card".
    expect(h.result.objectiveId).toBe("segreteria/1");
  });

  it("goes to a picked card, and says so when its cells cannot be selected", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, responsabile());
    await h.run((r) => r.onPickCard("polizia-locale/1"));
    expect(host.calls).toContain("select Polizia Locale!A1:O31");
    expect(h.result.objectiveId).toBe("polizia-locale/1");
    host.selectError = new Error("ItemNotFound");
    await h.run((r) => r.onPickCard("segreteria/2"));
    expect(h.pane.wb.error).toBe("Impossibile selezionare le celle A41:O71 del foglio «Segreteria»: ItemNotFound");
  });

  it("inserts a new card through the host where it can, then reads again and says where it is", async () => {
    const host = new FakeHost();
    const h = await renderRoleHook(host, responsabile());
    expect(h.result.newCard?.kind).toBe("insert");
    await h.run((r) => r.newCard?.onClick());
    expect(host.calls.filter((c) => c === "insertNewCard")).toHaveLength(1);
    expect(host.templates[0]?.cells[0]?.value).toBe("1. OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(host.calls.filter((c) => c === "read")).toHaveLength(2);
    expect(h.pane.wb.notice).toBe("Scheda inserita nel foglio «Nuova scheda».");
  });

  it("a failed insertion is an Italian message, and nothing is read again", async () => {
    const host = new FakeHost();
    host.insertNewCard = async () => {
      throw new Error("AccessDenied");
    };
    const h = await renderRoleHook(host, responsabile());
    await h.run((r) => r.newCard?.onClick());
    expect(h.pane.wb.error).toBe("Si è verificato un errore imprevisto: AccessDenied");
    expect(host.calls.filter((c) => c === "read")).toHaveLength(1);
  });

  it("where the host makes a card's workbook (a file), downloads it and leaves the open file alone", async () => {
    const host = new FakeHost("file", false);
    const download = jest.fn();
    const h = await renderRoleHook(host, responsabile(download));
    expect(h.result.newCard?.kind).toBe("download");
    await h.run((r) => r.newCard?.onClick());
    expect(host.calls).toEqual(["newCardWorkbook"]);
    expect(host.templates[0]?.sheetName).toBe("Nuova scheda");
    // No analysis yet: this year (the harness's today).
    expect(download).toHaveBeenCalledWith(expect.any(Blob), "nuova-scheda-2025.xlsx");
    const blob = download.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(h.pane.wb.notice).toBe("Scheda vuota scaricata: nuova-scheda-2025.xlsx. Aprila in Excel per compilarla.");
    expect(host.applied).toEqual([]);
  });

  it("a card's workbook that cannot be made is an Italian message, and nothing is downloaded", async () => {
    const host = new FakeHost("file", false);
    host.newCardWorkbook = async () => {
      throw new RangeError("Invalid array length");
    };
    const download = jest.fn();
    const h = await renderRoleHook(host, responsabile(download));
    await h.run((r) => r.newCard?.onClick());
    expect(h.pane.wb.error).toBe("Si è verificato un errore imprevisto: Invalid array length");
    expect(download).not.toHaveBeenCalled();
  });

  it("offers no new card where the host can do neither", async () => {
    const h = await renderRoleHook(new FakeHost("excel", true, { insertCard: false, newCardWorkbook: false }), responsabile());
    expect(h.result.newCard).toBeUndefined();
    const none = await renderRoleHook(null, responsabile());
    expect(none.result.newCard).toBeUndefined();
    expect(none.result.canRefresh).toBe(false);
  });
});
