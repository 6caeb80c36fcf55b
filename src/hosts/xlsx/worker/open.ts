/**
 * Opening a file on the standalone page: in a Web Worker when the browser has them (the page
 * never freezes, see ./host.ts), otherwise — or when the worker's script cannot start — in the
 * page's own thread with FileWorkbookHost, as before. Either way the result is a host with the
 * same interface and the same Italian errors.
 */
import type { Progress } from "../../../engine";
import type { OpenedFile } from "../file-host";
import { openInWorker, type WorkerOpenedFile } from "./host";
import { WorkerNotStartedError, type PageEndpoint } from "./protocol";

/** A channel to a new worker, or null when there can be none. */
export type Connect = () => Promise<PageEndpoint | null>;

const connectWorker: Connect = async () => {
  if (typeof Worker === "undefined") return null;
  const { startWorker } = await import(/* webpackMode: "eager" */ "./start");
  return startWorker();
};

/** The worker of the file open now: closed when another file is opened. */
let current: { close(): void } | null = null;
/** A worker that could not start once will not start later on this page. */
let workersFail = false;

export async function openWorkbookFile(file: File, onProgress?: (p: Progress) => void, connect: Connect = connectWorker): Promise<OpenedFile | WorkerOpenedFile> {
  const previous = current;
  current = null;
  try {
    const endpoint = workersFail ? null : await connect().catch(() => null);
    if (endpoint) {
      try {
        const opened = await openInWorker(file, endpoint, onProgress);
        current = opened.host;
        return opened;
      } catch (error) {
        if (!(error instanceof WorkerNotStartedError)) throw error;
        workersFail = true;
      }
    }
    const inThread = await import(/* webpackChunkName: "xlsx" */ "../file-host");
    return await inThread.openWorkbookFile(file, onProgress);
  } finally {
    // The page shows the new file, or none after a failure: the previous one is gone either way.
    previous?.close();
  }
}
