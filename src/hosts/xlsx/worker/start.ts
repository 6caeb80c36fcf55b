/**
 * Starts the worker. Webpack 5 sees `new Worker(new URL("./worker.ts", import.meta.url))` and
 * builds ./worker.ts (ExcelJS and the engine) as a script of its own, served beside the page.
 * Kept apart from ./open.ts so that nothing else meets `import.meta` (jest compiles to CommonJS).
 */
import { WorkerFailedError, type PageEndpoint } from "./protocol";

export function startWorker(): PageEndpoint {
  const worker = new Worker(/* webpackChunkName: "xlsx-worker" */ new URL("./worker.ts", import.meta.url), { name: "schede-xlsx" });
  return {
    post: (message, transfer) => worker.postMessage(message, transfer ?? []),
    listen(onMessage, onFailure) {
      worker.addEventListener("message", (e: MessageEvent) => onMessage(e.data));
      worker.addEventListener("messageerror", () => onFailure?.(new WorkerFailedError("un messaggio del lettore .xlsx non è stato letto")));
      worker.addEventListener("error", (e: ErrorEvent) => {
        e.preventDefault();
        onFailure?.(new WorkerFailedError(e.message || "il lettore .xlsx non è partito"));
      });
    },
    close: () => worker.terminate(),
  };
}
