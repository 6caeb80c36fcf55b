/** Runs a role hook over a real useWorkbook and a FakeHost, as App does, and keeps what it returns. */
import { act } from "react";
import type { AnalyseOptions } from "../../../src/engine/analyse";
import type { SheetSnapshot } from "../../../src/engine/model/snapshot";
import { usePane, type Pane } from "../../../src/ui/hooks/pane";
import { useNavigation, type Navigation } from "../../../src/ui/hooks/useNavigation";
import { useWorkbook } from "../../../src/ui/hooks/useWorkbook";
import type { AnalyseFn } from "../../../src/ui/types";
import { render, settle, type Rendered } from "../dom";
import { makeAnalysis, type FakeHost } from "../fixtures";

export const TODAY = "2025-03-31";
const today = () => TODAY;

export const stubAnalyse = () =>
  jest.fn((_s: readonly SheetSnapshot[], o: AnalyseOptions) => makeAnalysis({ review: o.review ?? "final", asOf: o.asOf, overrides: o.overrides }));

export interface Harness<T> {
  /** What the hook returned at the last render. */
  readonly result: T;
  readonly pane: Pane;
  /** Calls a handler inside act() and lets the host's promises settle. */
  run(f: (result: T) => unknown): Promise<void>;
  unmount(): void;
}

const mounted = new Set<Rendered>();
afterEach(() => {
  for (const m of mounted) m.unmount();
  mounted.clear();
  document.body.innerHTML = "";
});

export async function renderRoleHook<T>(host: FakeHost | null, use: (pane: Pane, nav: Navigation) => T, analyse: AnalyseFn = stubAnalyse()): Promise<Harness<T>> {
  const latest: { result: T | null; pane: Pane | null } = { result: null, pane: null };
  function Probe() {
    const [wb, actions] = useWorkbook(host, analyse);
    const pane = usePane(host, wb, actions, today);
    const nav = useNavigation(pane);
    latest.result = use(pane, nav);
    latest.pane = pane;
    return null;
  }
  const rendered = await render(<Probe />);
  mounted.add(rendered);
  await settle();
  return {
    get result() {
      return latest.result as T;
    },
    get pane() {
      return latest.pane as Pane;
    },
    async run(f) {
      await act(async () => {
        await f(latest.result as T);
      });
      await settle();
    },
    unmount() {
      if (mounted.delete(rendered)) rendered.unmount();
    },
  };
}
