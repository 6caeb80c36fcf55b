/**
 * The page's side of the protocol (./protocol.ts): calls with ids, their progress, large results
 * put back together from their parts, errors turned back into errors with the worker's name and
 * Italian message. If the worker stops answering, every pending call fails with a
 * WorkerFailedError instead of waiting for ever.
 */
import type { Progress } from "../../../engine";
import { Assembler, RemoteError, WorkerFailedError, type FromWorker, type Method, type PageEndpoint, type Params, type Result } from "./protocol";

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (p: Progress) => void;
  parts: Assembler;
}

export interface CallOptions {
  onProgress?: (p: Progress) => void;
  /** Buffers handed over to the worker (they become unusable here). */
  transfer?: Transferable[];
}

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private failure: Error | null = null;
  /** Whether the worker ever answered (a worker that never did may not have started at all). */
  answered = false;

  constructor(private readonly endpoint: PageEndpoint) {
    endpoint.listen(
      (message) => this.receive(message),
      (error) => this.fail(error),
    );
  }

  call<M extends Method>(method: M, params: Params<M>, options: CallOptions = {}): Promise<Result<M>> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<Result<M>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: options.onProgress, parts: new Assembler() });
      try {
        this.endpoint.post({ kind: "request", id, method, params } as never, options.transfer);
      } catch (error) {
        // A value that cannot be cloned: this call fails, the worker is fine.
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Tells the worker it may forget these snapshots and analyses. */
  release(generations: number[], analyses: number[]): void {
    if (this.failure) return;
    try {
      this.endpoint.post({ kind: "release", generations, analyses });
    } catch {
      // Nothing to release in a worker that is gone.
    }
  }

  /** Stops the worker; pending calls fail. */
  close(): void {
    this.fail(new WorkerFailedError("il file è stato chiuso"));
    this.endpoint.close?.();
  }

  private receive(message: FromWorker): void {
    this.answered = true;
    const call = this.pending.get(message.id);
    if (!call) return;
    switch (message.kind) {
      case "progress":
        call.onProgress?.(message.progress);
        return;
      case "part":
        try {
          call.parts.apply(message);
        } catch (error) {
          this.pending.delete(message.id);
          call.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      case "result":
        this.pending.delete(message.id);
        call.resolve(message.streamed ? call.parts.value : message.value);
        return;
      case "error":
        this.pending.delete(message.id);
        call.reject(new RemoteError(message.error));
        return;
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const calls = [...this.pending.values()];
    this.pending.clear();
    for (const call of calls) call.reject(error);
  }
}
