/**
 * The write contract (issue 9): one set of scenarios run on both hosts — the Office.js host on
 * the fake Excel and the ExcelJS host on a real .xlsx — and the workbooks they leave compared
 * cell by cell (value or formula, fill, note), with their sheets (order, visibility) and
 * tables. What the segretario gets from the CLI and what the responsabile gets in Excel cannot
 * disagree, because the engine decides every write for both.
 */
import type * as ExcelJS from "exceljs";
import { STATE_SHEET } from "../../../src/engine/write/types";
import { sheetCell } from "../../../src/hosts/xlsx/ownership";
import type { FakeExcel } from "../excel/fake-excel";
import { type SheetView, type Step, fixtureBytes, runExcel, runXlsx } from "./two-hosts";

jest.setTimeout(120_000);

const BOOK = "casorate-polizia-locale.xlsx";
const firstCardSheet = (wb: ExcelJS.Workbook): ExcelJS.Worksheet => wb.worksheets[0] as ExcelJS.Worksheet;

/** The views of the user's sheets and the add-in's (SO_Stato: visibility only), by name. */
const byName = (views: SheetView[]) => Object.fromEntries(views.map((v) => [v.name, v]));

async function both(steps: Step[]) {
  const bytes = fixtureBytes(BOOK);
  const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
  return { xlsx, excel };
}

function expectSameWorkbook(xlsx: SheetView[], excel: SheetView[]): void {
  expect(excel.map((s) => [s.name, s.visibility])).toEqual(xlsx.map((s) => [s.name, s.visibility]));
  const x = byName(xlsx);
  for (const sheet of excel) {
    expect([sheet.name, sheet.tables]).toEqual([sheet.name, x[sheet.name]?.tables]);
    expect([sheet.name, sheet.cells]).toEqual([sheet.name, x[sheet.name]?.cells]);
  }
}

const codes = (o: { reports: { messages: { code: string }[] }[] }) => o.reports.map((r) => r.messages.map((m) => m.code).sort());

describe("both hosts leave the same workbook", () => {
  it("first write", async () => {
    const { xlsx, excel } = await both([{ kind: "tables" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(xlsx.views.at(-1)).toMatchObject({ name: STATE_SHEET, visibility: "VeryHidden" });
    expect(xlsx.views.some((s) => Object.values(s.cells).some((c) => c.note?.startsWith("Schede Obiettivo ·")))).toBe(true);
    expect(codes(excel)).toEqual(codes(xlsx));
  });

  it("rewrite after the user's edits, then clear: back to the original", async () => {
    const edit: Step = {
      kind: "edit",
      xlsx: (wb) => {
        sheetCell(firstCardSheet(wb), 1, 1).value = "Scheda rivista";
      },
      excel: (fake) => {
        fake.sheets[0]!.touch(0, 0).value = "Scheda rivista";
      },
    };
    const { xlsx, excel } = await both([{ kind: "tables" }, edit, { kind: "tables" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    const cleared = await both([{ kind: "tables" }, { kind: "tables" }, { kind: "clear" }]);
    expectSameWorkbook(cleared.xlsx.views, cleared.excel.views);
    const original = await both([]);
    expectSameWorkbook(cleared.xlsx.views, original.xlsx.views);
  });

  it("a flagged cell the user recoloured keeps the user's colour after clear", async () => {
    let flagged: { row: number; col: number } | null = null;
    const recolour: Step = {
      kind: "edit",
      xlsx: (wb) => {
        const ws = firstCardSheet(wb);
        ws.eachRow({ includeEmpty: false }, (row, r) =>
          row.eachCell((cell, c) => {
            const f = cell.fill as { fgColor?: { argb?: string } } | undefined;
            if (!flagged && f?.fgColor?.argb === "FFFFC7CE") flagged = { row: r, col: c };
          }),
        );
        if (!flagged) throw new Error("no flagged cell");
        const { row, col } = flagged;
        sheetCell(ws, row, col).style = { ...sheetCell(ws, row, col).style, fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } } };
      },
      excel: (fake) => {
        if (!flagged) throw new Error("xlsx first");
        fake.sheets[0]!.touch(flagged.row - 1, flagged.col - 1).fill = "#00B0F0";
      },
    };
    const xlsx = await runXlsx(fixtureBytes(BOOK), [{ kind: "tables" }, recolour, { kind: "clear" }]);
    const excel = await runExcel(fixtureBytes(BOOK), [{ kind: "tables" }, recolour, { kind: "clear" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    const at = flagged as unknown as { row: number; col: number };
    const address = `${String.fromCharCode(64 + at.col)}${at.row}`;
    expect(xlsx.views[0]?.cells[address]?.fill).toBe("#00B0F0");
  });

  it("the user deleted an owned sheet", async () => {
    const drop: Step = {
      kind: "edit",
      xlsx: (wb) => wb.removeWorksheet((wb.getWorksheet("Punteggi") as ExcelJS.Worksheet).id),
      excel: (fake) => fake.deleteSheet(fake.sheet("Punteggi")),
    };
    const { xlsx, excel } = await both([{ kind: "tables" }, drop, { kind: "tables" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    const cleared = await both([{ kind: "tables" }, drop, { kind: "clear" }]);
    expectSameWorkbook(cleared.xlsx.views, cleared.excel.views);
  });

  it("a user's sheet took the name of an owned one after it was deleted", async () => {
    const replace: Step = {
      kind: "edit",
      xlsx: (wb) => {
        wb.removeWorksheet((wb.getWorksheet("Verifica") as ExcelJS.Worksheet).id);
        sheetCell(wb.addWorksheet("Verifica"), 1, 1).value = "Le mie note";
      },
      excel: (fake) => {
        fake.deleteSheet(fake.sheet("Verifica"));
        fake.addSheet("Verifica").put("A1", [["Le mie note"]]);
      },
    };
    const { xlsx, excel } = await both([{ kind: "tables" }, replace, { kind: "tables" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(codes(excel)).toEqual(codes(xlsx));
    // The user's «Verifica» stays; the add-in writes «Verifica (SO)» beside it, in both hosts.
    expect(codes(xlsx)[1]).toEqual(expect.arrayContaining(["sheet-no-longer-owned", "sheet-renamed"]));
    expect(byName(xlsx.views)["Verifica"]?.cells["A1"]?.value).toBe("Le mie note");
  });

  it("a record that is missing (the very hidden sheet deleted by another tool)", async () => {
    const lose: Step = {
      kind: "edit",
      xlsx: (wb) => wb.removeWorksheet((wb.getWorksheet(STATE_SHEET) as ExcelJS.Worksheet).id),
      excel: (fake) => fake.deleteSheet(fake.sheet(STATE_SHEET)),
    };
    const { xlsx, excel } = await both([{ kind: "tables" }, lose, { kind: "tables" }]);
    expectSameWorkbook(xlsx.views, excel.views);
  });

  it("a record that is damaged: nothing is written, clear removes only the record", async () => {
    const damage: Step = {
      kind: "edit",
      xlsx: (wb) => {
        const cell = sheetCell(wb.getWorksheet(STATE_SHEET) as ExcelJS.Worksheet, 1, 1);
        cell.value = String(cell.value).replace('"Verifica"', '"Verifiche"');
      },
      excel: (fake) => {
        const cell = fake.sheet(STATE_SHEET).touch(0, 0);
        cell.value = String(cell.value).replace('"Verifica"', '"Verifiche"');
      },
    };
    const { xlsx, excel } = await both([{ kind: "tables" }, damage, { kind: "tables" }, { kind: "clear" }]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(codes(excel)).toEqual(codes(xlsx));
    expect(codes(xlsx).slice(1)).toEqual([["state-unreadable"], ["state-unreadable"]]);
  });

  it("a user's own visible SO_Stato (its notes in column C): nothing is written, in both", async () => {
    const bytes = fixtureBytes(BOOK);
    const theirs: Step = {
      kind: "edit",
      xlsx: (wb) => {
        sheetCell(wb.addWorksheet(STATE_SHEET), 1, 3).value = "stato pratiche";
      },
      excel: (fake) => {
        fake.addSheet(STATE_SHEET).put("C1", [["stato pratiche"]]);
      },
    };
    const steps: Step[] = [theirs, { kind: "tables" }];
    const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(codes(excel)).toEqual(codes(xlsx));
    expect(codes(xlsx)[0]).toContain("state-sheet-taken");
  });

  it("a protected sheet is not flagged and gets no review column", async () => {
    const bytes = fixtureBytes(BOOK);
    const protectXlsx: Step = {
      kind: "edit",
      xlsx: (wb) => {
        (firstCardSheet(wb) as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection = { sheet: true };
      },
      excel: (fake) => {
        fake.sheets[0]!.protected = true;
      },
    };
    const steps: Step[] = [protectXlsx, { kind: "tables", options: { review: "interim" } }];
    const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(codes(excel)).toEqual(codes(xlsx));
    expect(codes(xlsx)[0]).toContain("flag-skipped-protected");
  });

  it("review columns next to typed data: added only where empty, removed by clear", async () => {
    const { xlsx, excel } = await both([{ kind: "tables", options: { review: "interim" } }]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(codes(excel)).toEqual(codes(xlsx));
    const cleared = await both([{ kind: "tables", options: { review: "interim" } }, { kind: "clear" }]);
    expectSameWorkbook(cleared.xlsx.views, cleared.excel.views);
    expectSameWorkbook(cleared.xlsx.views, (await both([])).xlsx.views);
  });

  it("a table name already taken by a user table", async () => {
    const bytes = fixtureBytes(BOOK);
    const take: Step = {
      kind: "edit",
      xlsx: (wb) => {
        const ws = wb.addWorksheet("Dati miei");
        ws.addTable({ name: "SO_Verifica", ref: "A1", headerRow: true, columns: [{ name: "X" }], rows: [["1"]] });
      },
      excel: (fake) => {
        const sheet = fake.addSheet("Dati miei").put("A1", [["X"], ["1"]]);
        fake.tables.push({ name: "SO_Verifica", sheet, box: { top: 0, left: 0, bottom: 1, right: 0 }, style: "TableStyleMedium2", showBandedRows: true });
      },
    };
    const steps: Step[] = [take, { kind: "tables" }];
    const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
    expectSameWorkbook(xlsx.views, excel.views);
    expect(byName(xlsx.views)["Verifica"]?.tables).toContain("SO_Verifica_2");
    expect(codes(xlsx)[0]).toContain("table-name-taken");
  });

  it("merged cells where a review column would go", async () => {
    const bytes = fixtureBytes(BOOK);
    const plain = await runXlsx(bytes, [{ kind: "tables", options: { review: "interim" } }]);
    const added = plain.reports[0]?.cellsWritten ?? 0;
    expect(added).toBeGreaterThan(0);
    // Merge every added header cell with the cell to its right, in both, and write again.
    const headers: Array<{ sheet: string; address: string; right: string }> = [];
    const merge: Step = {
      kind: "edit",
      xlsx: (wb) => {
        for (const h of headers) (wb.getWorksheet(h.sheet) as ExcelJS.Worksheet).mergeCells(`${h.address}:${h.right}`);
      },
      excel: (fake: FakeExcel) => {
        for (const h of headers) {
          const sheet = fake.sheet(h.sheet);
          const m = /^([A-Z]+)(\d+)$/.exec(h.address) as RegExpExecArray;
          const col = (m[1] as string).charCodeAt(0) - 65;
          const row = Number(m[2]) - 1;
          sheet.merges.push({ top: row, left: col, bottom: row, right: col + 1 });
        }
      },
    };
    // The first added headers of the plan, each merged with the cell to its right (never two at once).
    const { loadWorkbook } = await import("../../../src/hosts/xlsx/read");
    const { analyse } = await import("../../../src/engine/analyse");
    const { workbookSnapshots } = await import("../../../src/hosts/xlsx/apply");
    const addedCells = analyse(workbookSnapshots(await loadWorkbook(bytes)), { asOf: "2024-06-30", review: "interim" }).writePlan.addedCells;
    const used = new Set<string>();
    for (const c of addedCells) {
      const here = `${c.sheet}!${c.row}:${c.col}`;
      const next = `${c.sheet}!${c.row}:${c.col + 1}`;
      if (used.has(here) || used.has(next) || addedCells.some((o) => o.sheet === c.sheet && o.row === c.row && o.col === c.col + 1)) continue;
      used.add(here);
      used.add(next);
      headers.push({ sheet: c.sheet, address: `${String.fromCharCode(65 + c.col)}${c.row + 1}`, right: `${String.fromCharCode(66 + c.col)}${c.row + 1}` });
      if (headers.length === 2) break;
    }
    expect(headers.length).toBeGreaterThan(0);
    const steps: Step[] = [merge, { kind: "tables", options: { review: "interim" } }];
    const [xlsx, excel] = await Promise.all([runXlsx(bytes, steps), runExcel(bytes, steps)]);
    expectSameWorkbook(xlsx.views, excel.views);
    // The plan moves the headers off the merged cells; nothing is written inside a merge.
    expect(excel.reports[0]?.cellsWritten).toBe(xlsx.reports[0]?.cellsWritten);
    const sheetView = byName(xlsx.views);
    for (const h of headers) expect([h.address, sheetView[h.sheet]?.cells[h.address]?.value]).toEqual([h.address, undefined]);
  });
});
