/**
 * The standalone page's worker protocol (src/hosts/xlsx/worker) over a fake message channel:
 * every message is structured-cloned and delivered in a later task, as between a page and a Web
 * Worker. The real service (ExcelJS, the engine) answers on the other end.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { serialize } from "node:v8";
import * as ExcelJS from "exceljs";
import { analyse } from "../../../src/engine/analyse";
import type { Progress } from "../../../src/engine/host";
import { FileWorkbookHost, openWorkbookFile as openInThread } from "../../../src/hosts/xlsx/file-host";
import { loadWorkbook, readWorkbookSnapshots } from "../../../src/hosts/xlsx/read";
import { WorkerClient } from "../../../src/hosts/xlsx/worker/client";
import { WorkerFileHost, openInWorker } from "../../../src/hosts/xlsx/worker/host";
import { openWorkbookFile } from "../../../src/hosts/xlsx/worker/open";
import {
  Assembler,
  PART_BUDGET,
  WorkerFailedError,
  splitValue,
  type FromWorker,
  type PageEndpoint,
  type ToWorker,
  type WorkerEndpoint,
} from "../../../src/hosts/xlsx/worker/protocol";
import { analyserFor } from "../../../src/hosts/xlsx/worker/remote-analysis";
import { outlineOf, serveWorkbook } from "../../../src/hosts/xlsx/worker/service";
import { describeError } from "../../../src/ui/errors";
import { giuntaPlan } from "../../../src/ui/logic/plans";
import { describeOpenFailure } from "../../../src/ui/logic/open-failure";
import { buildSyntheticWorkbook } from "../../fixtures/synthetic";

const ROOT = path.resolve(__dirname, "../../..");
const fixture = (name: string) => fs.readFile(path.join(ROOT, "test/fixtures", name));
const fileOf = async (name: string) => new File([await fixture(name)], name);
const AS_OF = "2024-10-01";

interface Channel {
  page: PageEndpoint;
  worker: WorkerEndpoint;
  /** Every message the worker sent, in order (as the page received them). */
  fromWorker: FromWorker[];
  /** Their sizes as structured clone wrote them. */
  sizes: number[];
  /** The worker stops answering, as when it crashes. */
  crash(): void;
}

/** Two ends joined by structured clone, each message delivered in a task of its own. */
function fakeChannel(): Channel {
  let toPage: ((m: FromWorker) => void) | null = null;
  let pageFailure: ((e: Error) => void) | undefined;
  let toWorker: ((m: ToWorker) => void) | null = null;
  let dead = false;
  const fromWorker: FromWorker[] = [];
  const sizes: number[] = [];
  const deliver = <T,>(message: T, transfer: Transferable[] | undefined, to: () => ((m: T) => void) | null) => {
    const copy = structuredClone(message, { transfer: transfer as Transferable[] });
    setTimeout(() => {
      if (!dead) to()?.(copy);
    }, 0);
  };
  return {
    fromWorker,
    sizes,
    page: {
      post: (m, transfer) => deliver(m, transfer, () => toWorker),
      listen: (onMessage, onFailure) => {
        toPage = (m) => {
          fromWorker.push(m);
          sizes.push(serialize(m).length);
          onMessage(m);
        };
        pageFailure = onFailure;
      },
      close: () => {
        dead = true;
      },
    },
    worker: {
      post: (m, transfer) => deliver(m, transfer, () => toPage),
      listen: (onMessage) => {
        toWorker = onMessage;
      },
    },
    crash: () => {
      dead = true;
      pageFailure?.(new WorkerFailedError("il lettore si è fermato"));
    },
  };
}

/** A worker service and a page connected through a fake channel. */
function connected(): Channel {
  const channel = fakeChannel();
  serveWorkbook(channel.worker);
  return channel;
}

describe("parts of a large value", () => {
  it("puts any value back together in order, each part within the budget", () => {
    const value = {
      small: 1,
      rows: Array.from({ length: 3000 }, (_, i) => ({ i, text: `riga ${i} `.repeat(i % 7), cells: [i, null, true, "x"] })),
      nested: { deep: Array.from({ length: 50 }, (_, i) => Array.from({ length: 400 }, (__, j) => `${i}:${j}`)), after: "fine" },
      tail: [1, 2, 3],
    };
    const parts = [...splitValue(value, 16 * 1024)];
    expect(parts.length).toBeGreaterThan(10);
    for (const part of parts) expect(serialize(part).length).toBeLessThan(3 * 16 * 1024);
    const assembler = new Assembler();
    for (const part of structuredClone(parts)) assembler.apply(part);
    // Same value, same key order.
    expect(JSON.stringify(assembler.value)).toBe(JSON.stringify(value));
  });

  it("sends a small value in one part", () => {
    expect([...splitValue({ a: [1, 2], b: "x" })]).toEqual([{ path: [], value: { a: [1, 2], b: "x" } }]);
  });
});

describe("the worker protocol", () => {
  it("answers a request with progress, then its result", async () => {
    const channel = connected();
    const client = new WorkerClient(channel.page);
    const bytes = new Uint8Array(await fixture("casorate-segreteria.xlsx")).buffer;
    const progress: Progress[] = [];
    const result = await client.call("open", { bytes }, { onProgress: (p) => progress.push(p), transfer: [bytes] });
    expect(result.sheets).toBeGreaterThan(0);
    // The buffer moved to the worker.
    expect(bytes.byteLength).toBe(0);
    expect(progress[0]).toEqual({ fraction: 0.05, label: "Lettura del file" });
    expect(progress.at(-1)?.label).toMatch(/^Lettura dei fogli \(\d+ di \d+\)$/);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    const kinds = channel.fromWorker.map((m) => m.kind);
    expect(kinds.at(-1)).toBe("result");
    expect(kinds.slice(0, -1).every((k) => k === "progress")).toBe(true);
    expect(new Set(channel.fromWorker.map((m) => m.id))).toEqual(new Set([1]));
  });

  it("sends large results in parts, none bigger than a short task's worth", async () => {
    const channel = connected();
    const buffer = new Uint8Array(await buildSyntheticWorkbook(100).xlsx.writeBuffer());
    const opened = await openInWorker(new File([buffer], "cento.xlsx"), channel.page);
    const snapshots = await opened.host.readSnapshots();
    await analyserFor(snapshots)!({ asOf: AS_OF });
    const parts = channel.fromWorker.flatMap((m, i) => (m.kind === "part" ? [channel.sizes[i] as number] : []));
    expect(parts.length).toBeGreaterThan(10);
    const largest = Math.max(...parts);
    expect(largest).toBeLessThan(4 * PART_BUDGET);
  });

  it.each([["not-a-workbook.xlsx"], ["encrypted.xlsx"], ["empty.xlsx"]])(
    "carries the reader's error for %s to the page with its name and Italian message",
    async (name) => {
      const inThread = await FileWorkbookHost.open(await fixture(name)).catch((e: Error) => e);
      const channel = connected();
      const file = await fileOf(name);
      const remote = await openInWorker(file, channel.page).catch((e: Error) => e);
      expect(remote).toBeInstanceOf(Error);
      expect((remote as Error).name).toBe((inThread as Error).name);
      expect((remote as Error).message).toBe((inThread as Error).message);
      // What the page shows: the same Italian text as when the file was read in the page's thread.
      expect(await describeOpenFailure(file, remote)).toBe(await describeOpenFailure(file, inThread));
      expect(describeError(remote)).toBe((inThread as Error).message);
      expect(channel.fromWorker.at(-1)).toMatchObject({ kind: "error", error: { name: (inThread as Error).name } });
    },
  );

  it("refuses the annotated copy with the same Italian reason (a user's visible SO_Stato)", async () => {
    const source = await loadWorkbook(await fixture("casorate-segreteria.xlsx"));
    source.addWorksheet("SO_Stato").getCell("A1").value = "il mio foglio";
    const bytes = new Uint8Array((await source.xlsx.writeBuffer()) as ArrayBuffer);
    const opened = await openInWorker(new File([bytes], "piano.xlsx"), connected().page);
    const snapshots = await opened.host.readSnapshots();
    const analysis = await analyserFor(snapshots)!({ asOf: AS_OF });
    const error = await opened.annotatedCopy(analysis.writePlan).catch((e: Error) => e);
    expect(error).toMatchObject({ name: "UserFacingError", message: expect.stringContaining("SO_Stato") });
    expect(describeError(error)).toBe((error as Error).message);
  });

  it("fails every pending call, in Italian, when the worker stops answering — never hangs", async () => {
    const channel = fakeChannel();
    // A worker that never answers, then dies.
    channel.worker.listen(() => undefined);
    const client = new WorkerClient(channel.page);
    const pending = client.call("snapshots", {});
    channel.crash();
    const error = await pending.catch((e: Error) => e);
    expect(error).toBeInstanceOf(WorkerFailedError);
    expect(describeError(error)).toMatch(/^La lettura del file nel browser si è interrotta/);
    await expect(client.call("save", {})).rejects.toBeInstanceOf(WorkerFailedError);
  });

  it("answers a request it does not know with an error instead of leaving it waiting", async () => {
    const client = new WorkerClient(connected().page);
    await expect(client.call("frobnicate" as never, {} as never)).rejects.toMatchObject({ message: expect.stringContaining("frobnicate") });
  });

  it("turns an unexpected error in the worker into the page's «errore imprevisto», not a crash", async () => {
    const client = new WorkerClient(connected().page);
    // Nothing opened yet.
    const error = await client.call("save", {}).catch((e: Error) => e);
    expect(describeError(error)).toBe("Si è verificato un errore imprevisto: Nessun file aperto nel lettore .xlsx.");
  });
});

describe("WorkerFileHost gives what FileWorkbookHost gives", () => {
  const name = "casorate-segreteria.xlsx";

  it("the same snapshots, the same analysis, the same annotated copy", async () => {
    const local = await openInThread(await fileOf(name));
    const remote = await openInWorker(await fileOf(name), connected().page);
    expect(remote.host).toBeInstanceOf(WorkerFileHost);
    const snapshots = await remote.host.readSnapshots();
    const localSnapshots = await local.host.readSnapshots();
    expect(snapshots).toEqual(localSnapshots);
    // The same array until the workbook changes.
    expect(await remote.host.readSnapshots()).toBe(snapshots);

    const progress: Progress[] = [];
    const analysis = await analyserFor(snapshots)!({ asOf: AS_OF, review: "interim" }, (p) => progress.push(p));
    const expected = analyse(localSnapshots, { asOf: AS_OF, review: "interim" });
    const { writePlan: outline, ...data } = analysis;
    const { plan, methodology, findings, schedules, scores } = expected;
    expect(data).toEqual({ plan, methodology, findings, schedules, scores });
    expect(outline).toEqual(outlineOf(expected.writePlan));
    expect(progress.map((p) => p.label)).toEqual(["Lettura delle schede", "Controlli", "Punteggi", "Preparazione dei fogli da scrivere", "Invio dei risultati"]);

    const copy = await remote.annotatedCopy(analysis.writePlan);
    const localCopy = await local.annotatedCopy(expected.writePlan);
    const [got, want] = await Promise.all([copy, localCopy].map(async (b) => readWorkbookSnapshots(new Uint8Array(await b.arrayBuffer()))));
    expect(got!.map((s) => s.name)).toContain("Verifica");
    expect(got).toEqual(want);
  });

  it("applies a plan made from the outline (the Giunta's) as the full plan's", async () => {
    const local = await FileWorkbookHost.open(await fixture(name));
    const remote = (await openInWorker(await fileOf(name), connected().page)).host;
    const expected = analyse(await local.readSnapshots(), { asOf: AS_OF });
    const analysis = await analyserFor(await remote.readSnapshots())!({ asOf: AS_OF });
    const [localReport, remoteReport] = await Promise.all([local.applyWritePlan(giuntaPlan(expected.writePlan)), remote.applyWritePlan(giuntaPlan(analysis.writePlan))]);
    expect(remoteReport).toEqual(localReport);
    expect(await remote.readSnapshots()).toEqual(await local.readSnapshots());
    const [a, b] = await Promise.all([remote.toXlsx(), local.toXlsx()]);
    expect(await readWorkbookSnapshots(a)).toEqual(await readWorkbookSnapshots(b));
    // Clearing, and a card inserted, as the in-thread host.
    expect(await remote.clearAddinContent()).toEqual(await local.clearAddinContent());
    const { buildNewCard } = await import("../../../src/ui/logic/new-card");
    expect(await remote.insertNewCard(buildNewCard({ year: 2024 }))).toBe(await local.insertNewCard(buildNewCard({ year: 2024 })));
    expect(await remote.readSnapshots()).toEqual(await local.readSnapshots());
  });

  it("re-analyses an older read after a write, as the page's thread would", async () => {
    const remote = (await openInWorker(await fileOf(name), connected().page)).host;
    const before = await remote.readSnapshots();
    const first = await analyserFor(before)!({ asOf: AS_OF });
    await remote.applyWritePlan(first.writePlan);
    expect(await remote.readSnapshots()).not.toBe(before);
    const again = await analyserFor(before)!({ asOf: AS_OF, review: "final" });
    expect(again.scores).toEqual(analyse(before, { asOf: AS_OF, review: "final" }).scores);
  });
});

describe("opening a file on the standalone page", () => {
  it("reads it in the page's thread when there is no Worker (jsdom, old browsers)", async () => {
    const opened = await openWorkbookFile(await fileOf("casorate-segreteria.xlsx"), undefined, async () => null);
    expect(opened.host).toBeInstanceOf(FileWorkbookHost);
    expect(analyserFor(await opened.host.readSnapshots())).toBeUndefined();
  });

  it("uses a worker when there is one, and closes it when another file is opened", async () => {
    const first = fakeChannel();
    serveWorkbook(first.worker);
    const close = jest.spyOn(first.page, "close");
    const opened = await openWorkbookFile(await fileOf("casorate-segreteria.xlsx"), undefined, async () => first.page);
    expect(opened.host).toBeInstanceOf(WorkerFileHost);
    await openWorkbookFile(await fileOf("casorate-segreteria.xlsx"), undefined, async () => connected().page);
    expect(close).toHaveBeenCalled();
  });

  it("falls back to the page's thread when the worker's script cannot start (and does not try again on this page)", async () => {
    const channel = fakeChannel();
    channel.worker.listen(() => undefined);
    setTimeout(() => channel.crash(), 10);
    const opened = await openWorkbookFile(await fileOf("casorate-segreteria.xlsx"), undefined, async () => channel.page);
    expect(opened.host).toBeInstanceOf(FileWorkbookHost);
  });

  it("keeps the ExcelJS workbook out of the page: the worker host holds no workbook", async () => {
    const opened = await openInWorker(await fileOf("casorate-segreteria.xlsx"), connected().page);
    expect(Object.values(opened.host).some((v) => v instanceof ExcelJS.Workbook)).toBe(false);
  });
});
