import * as ExcelJS from "exceljs";
import { parseA1, type CellRef } from "../../../src/engine/cells/a1";
import { cellAt, fillAt, formatAt, formulaAt, type SheetSnapshot } from "../../../src/engine/model/snapshot";
import { loadWorkbook, readWorkbookSnapshots, worksheetToSnapshot } from "../../../src/hosts/xlsx/read";
import {
  WorkbookEmptyError,
  WorkbookEncryptedError,
  WorkbookLegacyFormatError,
  WorkbookReadError,
  WorkbookUnreadableError,
} from "../../../src/hosts/xlsx/errors";
import { legacyXlsBytes } from "../../fixtures/builders/broken";
import { fixtureBytes } from "../../fixtures";

function ref(address: string): CellRef {
  const at = parseA1(address);
  if (!at) throw new Error(`bad address ${address}`);
  return at;
}

const value = (s: SheetSnapshot, address: string) => cellAt(s, ref(address).row, ref(address).col);
const format = (s: SheetSnapshot, address: string) => formatAt(s, ref(address).row, ref(address).col);
const formula = (s: SheetSnapshot, address: string) => formulaAt(s, ref(address).row, ref(address).col);
const fill = (s: SheetSnapshot, address: string) => fillAt(s, ref(address).row, ref(address).col);

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Builds a one-sheet workbook, saves it and reads it back. */
async function roundTrip(fill: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<SheetSnapshot> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("Foglio1"), wb);
  const [snapshot] = await readWorkbookSnapshots(await bytesOf(wb));
  if (!snapshot) throw new Error("no snapshot");
  return snapshot;
}

function set(ws: ExcelJS.Worksheet, address: string, v: ExcelJS.CellValue, numFmt?: string): void {
  const cell = ws.getCell(address);
  cell.value = v;
  if (numFmt) cell.numFmt = numFmt;
}

describe("cell values", () => {
  it("keeps strings, numbers and booleans and turns empty text into null", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "B2", "Settore");
      set(ws, "C2", 1100);
      set(ws, "D2", -0.5);
      set(ws, "E2", true);
      set(ws, "F2", false);
      set(ws, "G2", "");
      set(ws, "H2", "fine");
    });
    expect(value(s, "B2")).toBe("Settore");
    expect(value(s, "C2")).toBe(1100);
    expect(value(s, "D2")).toBe(-0.5);
    expect(value(s, "E2")).toBe(true);
    expect(value(s, "F2")).toBe(false);
    expect(value(s, "G2")).toBeNull();
    expect(value(s, "H2")).toBe("fine");
  });

  it("joins rich text runs and keeps the text of hyperlinks", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", { richText: [{ text: "Obiettivo: " }, { text: "Descrizione Sintetica", font: { bold: true } }] });
      set(ws, "A2", { text: "Amministrazione trasparente", hyperlink: "https://example.org/at" });
      set(ws, "A3", {
        text: { richText: [{ text: "Albo " }, { text: "online", font: { italic: true } }] },
        hyperlink: "https://example.org/albo",
      } as unknown as ExcelJS.CellHyperlinkValue);
    });
    expect(value(s, "A1")).toBe("Obiettivo: Descrizione Sintetica");
    expect(value(s, "A2")).toBe("Amministrazione trasparente");
    expect(value(s, "A3")).toBe("Albo online");
  });

  it("gives error values as their text", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", { error: "#DIV/0!" } as ExcelJS.CellErrorValue);
      set(ws, "A2", { error: "#REF!" } as ExcelJS.CellErrorValue);
      set(ws, "A3", { error: "#N/A" } as ExcelJS.CellErrorValue);
    });
    expect(s.cells.map((r) => r[0])).toEqual(["#DIV/0!", "#REF!", "#N/A"]);
  });

  it("turns dates into 1900-system serials and keeps the number format", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", new Date(Date.UTC(2024, 11, 31)), "dd/mm/yyyy");
      set(ws, "A2", new Date(Date.UTC(2024, 4, 15)), "dd.mm.yyyy");
      set(ws, "A3", new Date(Date.UTC(2024, 0, 1, 12, 0, 0)), "dd/mm/yyyy hh:mm");
    });
    expect(value(s, "A1")).toBe(45657);
    expect(format(s, "A1")).toBe("dd/mm/yyyy");
    expect(value(s, "A2")).toBe(45427);
    expect(format(s, "A2")).toBe("dd.mm.yyyy");
    expect(value(s, "A3")).toBeCloseTo(45292.5, 9);
  });

  it("gives 1900-system serials for a workbook saved in the 1904 date system", async () => {
    const s = await roundTrip((ws, wb) => {
      wb.properties.date1904 = true;
      set(ws, "A1", new Date(Date.UTC(2024, 11, 31)), "dd/mm/yyyy");
    });
    expect(value(s, "A1")).toBe(45657);
  });

  it("keeps percent and currency formats and leaves General out", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", 0.3, "0%");
      set(ws, "B1", 1000, '"€" #,##0.00');
      set(ws, "C1", 12, "General");
      set(ws, "D1", 5);
    });
    expect(value(s, "A1")).toBe(0.3);
    expect(format(s, "A1")).toBe("0%");
    expect(format(s, "B1")).toBe('"€" #,##0.00');
    expect(format(s, "C1")).toBeNull();
    expect(format(s, "D1")).toBeNull();
  });

  it("omits formats, formulas and merges when the sheet has none", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "B2", "solo testo");
      set(ws, "C3", 3);
    });
    expect(s.formats).toBeUndefined();
    expect(s.formulas).toBeUndefined();
    expect(s.merges).toBeUndefined();
  });
});

describe("formulas", () => {
  it("gives the cached result as value and the formula without '='", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", 0.3, "0%");
      set(ws, "B1", 0.7, "0%");
      set(ws, "C1", { formula: "SUM(A1:B1)", result: 1 }, "0%");
      set(ws, "D1", { formula: 'IF(C1=1,"OK","KO")', result: "OK" });
      set(ws, "E1", { formula: "C1=1", result: true } as unknown as ExcelJS.CellFormulaValue);
    });
    expect(value(s, "C1")).toBe(1);
    expect(formula(s, "C1")).toBe("SUM(A1:B1)");
    expect(format(s, "C1")).toBe("0%");
    expect(value(s, "D1")).toBe("OK");
    expect(formula(s, "D1")).toBe('IF(C1=1,"OK","KO")');
    expect(value(s, "E1")).toBe(true);
    expect(formula(s, "A1")).toBeNull();
  });

  it("translates shared formulas to each cell", async () => {
    const s = await roundTrip((ws) => {
      [10, 20, 30].forEach((n, i) => {
        set(ws, `A${i + 1}`, n);
        set(ws, `B${i + 1}`, 2);
      });
      set(ws, "C1", { formula: "A1*B1", result: 20, shareType: "shared", ref: "C1:C3" } as ExcelJS.CellFormulaValue);
      set(ws, "C2", { sharedFormula: "C1", result: 40 } as ExcelJS.CellSharedFormulaValue);
      set(ws, "C3", { sharedFormula: "C1", result: 60 } as ExcelJS.CellSharedFormulaValue);
    });
    expect([formula(s, "C1"), formula(s, "C2"), formula(s, "C3")]).toEqual(["A1*B1", "A2*B2", "A3*B3"]);
    expect([value(s, "C1"), value(s, "C2"), value(s, "C3")]).toEqual([20, 40, 60]);
  });

  it("translates shared formulas exactly as ExcelJS does, whatever the references (filled down and across)", async () => {
    const masters: Record<string, string> = {
      C2: "IF(ISNUMBER(a2),$A2*B$1+Foglio2!A2,\"A2\")",
      D2: "SUMPRODUCT((Foglio2!$A$2:$A$9=A2)*ISNUMBER(Foglio2!B$2:B$9),Foglio2!$C$2:$C$9)/LOG10(B2)",
      E2: "'Foglio 2'!A2&XFE2&AB2&\"x\"",
      F2: "ROUND(E2,2)+$F$1+f1",
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Foglio1");
    wb.addWorksheet("Foglio2");
    for (const [address, f] of Object.entries(masters)) {
      const col = address.slice(0, 1);
      set(ws, address, { formula: f, result: 1, shareType: "shared", ref: `${col}2:${col}6` } as ExcelJS.CellFormulaValue);
      for (let r = 3; r <= 6; r++) set(ws, `${col}${r}`, { sharedFormula: address, result: r } as ExcelJS.CellSharedFormulaValue);
    }
    // Filled across: a clone in another column of its master.
    set(ws, "G3", { sharedFormula: "F2", result: 0 } as ExcelJS.CellSharedFormulaValue);
    const loaded = await loadWorkbook(await bytesOf(wb));
    const sheet = loaded.getWorksheet("Foglio1") as ExcelJS.Worksheet;
    const s = worksheetToSnapshot(sheet);
    let clones = 0;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        if (cell.formulaType === ExcelJS.FormulaType.Shared) clones += 1;
        expect([cell.address, formula(s, cell.address)]).toEqual([cell.address, cell.formula]);
      }),
    );
    expect(clones).toBe(17);
    expect(formula(s, "C4")).toBe("IF(ISNUMBER(A4),$A4*B$1+Foglio2!A4,\"A4\")");
  });

  it("gives an error result as its text and keeps a formula with no cached result", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "B2", 1);
      set(ws, "C2", { formula: "B2/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue);
      set(ws, "D5", { formula: "B2*2" } as ExcelJS.CellFormulaValue);
    });
    expect(value(s, "C2")).toBe("#DIV/0!");
    expect(formula(s, "C2")).toBe("B2/0");
    // No cached value: null, but the cell is used and its formula is there.
    expect(value(s, "D5")).toBeNull();
    expect(formula(s, "D5")).toBe("B2*2");
    expect(s.cells).toHaveLength(4);
    expect(s.cells[0]).toHaveLength(3);
  });
});

describe("merges and origin", () => {
  it("lists merges zero-based and keeps the value in the top-left cell only", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "B2", "1. OBIETTIVO DI MIGLIORAMENTO 2024");
      ws.mergeCells("B2:N2");
      set(ws, "B4", "Verifica Intermedia del .. /.. /..");
      ws.mergeCells("B4:C4");
      set(ws, "D4", "Verifica Intermedia del .. /.. /..");
      ws.mergeCells("D4:E4");
      set(ws, "B6", "definizione");
      ws.mergeCells("B6:B9");
    });
    expect(s.merges).toEqual([
      { top: 1, left: 1, bottom: 1, right: 13 },
      { top: 3, left: 1, bottom: 3, right: 2 },
      { top: 3, left: 3, bottom: 3, right: 4 },
      { top: 5, left: 1, bottom: 8, right: 1 },
    ]);
    expect(value(s, "B2")).toBe("1. OBIETTIVO DI MIGLIORAMENTO 2024");
    expect(value(s, "C2")).toBeNull();
    expect(value(s, "C4")).toBeNull();
    expect(value(s, "D4")).toBe("Verifica Intermedia del .. /.. /..");
    expect(value(s, "B7")).toBeNull();
  });

  it("puts the origin at the smallest row and column holding a value and trims to them", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "D5", "Settore");
      set(ws, "F5", "Sistema Premiante");
      set(ws, "B9", 1);
      set(ws, "H12", "X");
      // Formatted but empty cells do not widen the used rectangle.
      ws.getCell("A1").numFmt = "0%";
      ws.getCell("Z40").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };
    });
    expect(s.origin).toEqual({ row: 4, col: 1 });
    expect(s.cells).toHaveLength(8);
    expect(s.cells.every((r) => r.length === 7)).toBe(true);
    expect(value(s, "D5")).toBe("Settore");
    expect(s.cells[0]?.[2]).toBe("Settore");
    expect(value(s, "B9")).toBe(1);
    expect(value(s, "H12")).toBe("X");
    expect(value(s, "A1")).toBeNull();
  });

  it("converts an in-memory worksheet without saving it", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Schede");
    set(ws, "C3", "Cronoprogramma");
    ws.mergeCells("C3:O3");
    set(ws, "C4", 1);
    const s = worksheetToSnapshot(ws);
    expect(s).toEqual({
      name: "Schede",
      origin: { row: 2, col: 2 },
      cells: [["Cronoprogramma"], [1]],
      merges: [{ top: 2, left: 2, bottom: 2, right: 14 }],
    });
  });
});

describe("sheets", () => {
  it("reads every sheet in order, hidden ones too, and skips only the add-in's very hidden state sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Servizio Amministrativo").getCell("A1").value = "a";
    wb.addWorksheet("Nascosto", { state: "hidden" }).getCell("A1").value = "b";
    wb.addWorksheet("SO_Stato", { state: "veryHidden" }).getCell("A1").value = '{"versione":1}';
    wb.addWorksheet("Altro", { state: "veryHidden" }).getCell("A1").value = "c";
    wb.addWorksheet("Vuoto");
    const snapshots = await readWorkbookSnapshots(await bytesOf(wb));
    expect(snapshots.map((s) => s.name)).toEqual(["Servizio Amministrativo", "Nascosto", "Altro", "Vuoto"]);
    expect(snapshots[3]).toEqual({ name: "Vuoto", origin: { row: 0, col: 0 }, cells: [] });
  });

  it("keeps a visible sheet named SO_Stato (only the very hidden one is the add-in's)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("SO_Stato").getCell("A1").value = "dati dell'utente";
    const snapshots = await readWorkbookSnapshots(await bytesOf(wb));
    expect(snapshots.map((s) => s.name)).toEqual(["SO_Stato"]);
  });

  it("reports progress once per sheet", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of ["Uno", "Due", "Tre"]) wb.addWorksheet(name).getCell("B2").value = name;
    const seen: { fraction: number; label: string }[] = [];
    await readWorkbookSnapshots(await bytesOf(wb), { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.fraction)).toEqual([1 / 3, 2 / 3, 1]);
    expect(seen[2]?.label).toBe("Lettura dei fogli (3 di 3)");
  });

  it("accepts an ArrayBuffer and a Uint8Array that views part of a larger buffer", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1").getCell("C5").value = 42;
    const bytes = await bytesOf(wb);
    const padded = new Uint8Array(bytes.length + 64);
    padded.set(bytes, 32);
    const view = padded.subarray(32, 32 + bytes.length);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    for (const input of [view, buffer]) {
      const [s] = await readWorkbookSnapshots(input);
      expect(s && value(s, "C5")).toBe(42);
    }
  });
});

describe("unusable files", () => {
  async function failure(data: Uint8Array): Promise<unknown> {
    try {
      await readWorkbookSnapshots(data);
    } catch (e) {
      return e;
    }
    throw new Error("expected readWorkbookSnapshots to throw");
  }

  it.each([
    ["not-a-workbook", WorkbookUnreadableError, "unreadable"],
    ["truncated", WorkbookUnreadableError, "unreadable"],
    ["encrypted", WorkbookEncryptedError, "encrypted"],
    ["empty", WorkbookEmptyError, "empty"],
  ] as const)("%s.xlsx → %p", async (name, errorClass, code) => {
    const e = await failure(fixtureBytes(name));
    expect(e).toBeInstanceOf(errorClass);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).code).toBe(code);
    expect((e as Error).name).toBe(errorClass.name);
    expect((e as Error).message).toMatch(/cartella di lavoro|file/);
  });

  it("tells an encrypted file from a text file before ExcelJS sees it", async () => {
    await expect(loadWorkbook(fixtureBytes("encrypted"))).rejects.toBeInstanceOf(WorkbookEncryptedError);
    await expect(loadWorkbook(fixtureBytes("not-a-workbook"))).rejects.toBeInstanceOf(WorkbookUnreadableError);
  });

  it("treats an OLE2 file with a Workbook stream and no encryption as an old .xls", async () => {
    const e = await failure(legacyXlsBytes());
    expect(e).toBeInstanceOf(WorkbookLegacyFormatError);
    // Still an unreadable workbook for callers that only know the main classes (the CLI).
    expect(e).toBeInstanceOf(WorkbookUnreadableError);
    expect((e as Error).message).toContain(".xls");
  });

  it.each([
    ["no bytes", new Uint8Array(0)],
    ["three bytes", new Uint8Array([0x50, 0x4b, 0x03])],
    ["a zip header and garbage", new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...Array.from({ length: 200 }, (_, i) => (i * 37) & 0xff)])],
    ["a PDF", new TextEncoder().encode("%PDF-1.7\n%âãÏÓ\n1 0 obj\n")],
  ])("%s → WorkbookUnreadableError", async (_label, data) => {
    const e = await failure(data);
    expect(e).toBeInstanceOf(WorkbookUnreadableError);
  });

  it("keeps the ExcelJS failure as the cause of a damaged file", async () => {
    const e = await failure(fixtureBytes("truncated"));
    expect((e as Error).cause).toBeDefined();
  });

  it("calls a workbook whose only data is the add-in's state sheet empty", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Foglio1");
    wb.addWorksheet("SO_Stato", { state: "veryHidden" }).getCell("A1").value = "{}";
    expect(await failure(await bytesOf(wb))).toBeInstanceOf(WorkbookEmptyError);
  });

  it("reads a workbook without cards: that is the engine's business, not the reader's", async () => {
    const [s, ...rest] = await readWorkbookSnapshots(fixtureBytes("no-cards"));
    expect(rest).toHaveLength(0);
    expect(s?.name).toBe("Bilancio 2024");
    expect(s && value(s, "A1")).toBe("Riepilogo entrate per titolo");
    expect(s && value(s, "B8")).toBe(4_480_000);
    expect(s && formula(s, "B8")).toBe("SUM(B4:B7)");
  });
});

describe("fills", () => {
  const solid = (color: Partial<ExcelJS.Color> & { tint?: number; indexed?: number }): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: color as ExcelJS.Color });

  it("resolves RGB, theme + tint (from the file's theme) and indexed colours; white and no fill are null", async () => {
    const s = await roundTrip((ws) => {
      ["Fasi e tempi", "Gennaio", "Febbraio", "Marzo", "Aprile", "Maggio", "Giugno"].forEach((v, i) => (ws.getRow(1).getCell(i + 1).value = v));
      set(ws, "A2", 1);
      ws.getCell("B2").fill = solid({ argb: "FFFFC000" });
      // ExcelJS writes its own theme part (accent1 4F81BD, the Office 2007 theme): "Accent 1,
      // lighter 40%" is 95B3D7 there (it would be 8EA9DB with the 2013 theme the reader falls
      // back on), so this also proves the palette comes from the file.
      ws.getCell("C2").fill = solid({ theme: 4, tint: 0.3999755851924192 });
      ws.getCell("D2").fill = solid({ indexed: 13 });
      ws.getCell("E2").fill = solid({ argb: "FFFFFFFF" });
      ws.getCell("F2").fill = { type: "pattern", pattern: "none" };
      ws.getCell("G2").fill = solid({ theme: 5 });
    });
    expect(["A2", "B2", "C2", "D2", "E2", "F2", "G2"].map((a) => fill(s, a))).toEqual([null, "#FFC000", "#95B3D7", "#FFFF00", null, null, "#C0504D"]);
    // The grid has the shape of the cells; the header row has no fill.
    expect(s.fills).toHaveLength(s.cells.length);
    expect(s.fills?.[0]).toEqual([null, null, null, null, null, null, null]);
  });

  it("uses the theme part the file carries", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Foglio1");
    set(ws, "A1", "Fase");
    ws.getCell("A1").fill = solid({ theme: 4 });
    await wb.xlsx.writeBuffer();
    const loaded = await loadWorkbook(await bytesOf(wb));
    const themes = (loaded as unknown as { _themes: Record<string, string> })._themes;
    themes.theme1 = (themes.theme1 as string).replace(/<a:accent1>[\s\S]*?<\/a:accent1>/, '<a:accent1><a:srgbClr val="123456"/></a:accent1>');
    const [s] = await readWorkbookSnapshots(await bytesOf(loaded));
    expect(s && fill(s, "A1")).toBe("#123456");
  });

  it("gives coloured empty cells (a Gantt bar) their fill inside the value rectangle, never widens it", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "B2", "Fasi e tempi");
      set(ws, "F2", "Aprile");
      set(ws, "B3", 1);
      set(ws, "B4", 2);
      // A bar from C3 to E3 on cells that hold no value (ExcelJS: Null cells with a style).
      for (const a of ["C3", "D3", "E3"]) ws.getCell(a).fill = solid({ argb: "FF00B050" });
      ws.getCell("F4").fill = solid({ argb: "FF00B050" });
      // Outside every value: below, to the right, above-left.
      ws.getCell("C9").fill = solid({ argb: "FFFF0000" });
      ws.getCell("K3").fill = solid({ argb: "FFFF0000" });
      ws.getCell("A1").fill = solid({ argb: "FFFF0000" });
    });
    expect(s.origin).toEqual({ row: 1, col: 1 });
    expect(s.cells).toHaveLength(3);
    expect(s.cells.map((r) => r.length)).toEqual([5, 5, 5]);
    expect(s.fills).toEqual([
      [null, null, null, null, null],
      [null, "#00B050", "#00B050", "#00B050", null],
      [null, null, null, null, "#00B050"],
    ]);
  });

  it("omits the grid when the sheet has no fill (white counts as none) and shares one null row", async () => {
    const none = await roundTrip((ws) => {
      set(ws, "A1", "Settore");
      ws.getCell("B1").fill = solid({ argb: "FFFFFFFF" });
      set(ws, "A2", "Polizia");
      ws.getCell("H9").fill = solid({ argb: "FFFF0000" });
    });
    expect(none.fills).toBeUndefined();
    expect(Object.keys(none)).not.toContain("fills");

    const some = await roundTrip((ws) => {
      for (let r = 1; r <= 50; r++) set(ws, `A${r}`, r);
      set(ws, "D1", "x");
      ws.getCell("C25").fill = solid({ argb: "FF92D050" });
    });
    const rows = some.fills ?? [];
    expect(rows).toHaveLength(50);
    expect(rows[24]).toEqual([null, null, "#92D050", null]);
    const blankRows = rows.filter((_, r) => r !== 24);
    expect(new Set(blankRows).size).toBe(1);
  });

  it("reads the fill of merged cells and of formula cells", async () => {
    const s = await roundTrip((ws) => {
      set(ws, "A1", "Cronoprogramma");
      ws.getCell("A1").fill = solid({ argb: "FFD9D9D9" });
      ws.mergeCells("A1:C1");
      set(ws, "A2", { formula: "1+1", result: 2 } as ExcelJS.CellFormulaValue);
      ws.getCell("A2").fill = solid({ argb: "FFFFFF00" });
      set(ws, "C2", 3);
    });
    expect(["A1", "B1", "C1", "A2", "B2"].map((a) => fill(s, a))).toEqual(["#D9D9D9", "#D9D9D9", "#D9D9D9", "#FFFF00", null]);
  });
});
