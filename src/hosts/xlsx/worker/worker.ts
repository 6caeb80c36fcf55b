/**
 * The Web Worker of the standalone page: serves the opened workbook (./service.ts) on the
 * worker's global scope. Built by webpack as a script of its own (see ./start.ts).
 */
import type { ToWorker } from "./protocol";
import { serveWorkbook } from "./service";

/** The part of DedicatedWorkerGlobalScope used here (the project compiles against the DOM library). */
interface WorkerScope {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: "message", listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;

serveWorkbook({
  post: (message, transfer) => scope.postMessage(message, transfer ?? []),
  listen: (onMessage) => scope.addEventListener("message", (event) => onMessage(event.data)),
});
