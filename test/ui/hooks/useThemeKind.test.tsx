/** @jest-environment jsdom */
/**
 * The pane follows the Office theme while it is open: Excel gives task panes no theme-change
 * event, so the theme is read again on focus, on becoming visible and every few seconds.
 */
import { act } from "react";
import { useThemeKind, THEME_RECHECK_MS } from "../../../src/ui/hooks/useThemeKind";
import { render } from "../dom";

type OfficeGlobal = { Office?: { context?: { officeTheme?: { bodyBackgroundColor: string } } } };

function setTheme(body: string | null): void {
  (globalThis as OfficeGlobal).Office = body === null ? undefined : { context: { officeTheme: { bodyBackgroundColor: body } } };
}

describe("useThemeKind in Excel", () => {
  afterEach(() => {
    setTheme(null);
    jest.useRealTimers();
  });

  async function mount(): Promise<{ kind: () => string; unmount: () => void }> {
    const seen: { kind: string } = { kind: "" };
    function Probe() {
      seen.kind = useThemeKind("excel");
      return null;
    }
    const rendered = await render(<Probe />);
    return { kind: () => seen.kind, unmount: () => rendered.unmount() };
  }

  it("turns dark when the Office theme changes and the pane gets the focus back", async () => {
    setTheme("#FFFFFF");
    const pane = await mount();
    expect(pane.kind()).toBe("light");
    setTheme("#262626");
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(pane.kind()).toBe("dark");
    pane.unmount();
  });

  it("…and without any event, within a few seconds", async () => {
    jest.useFakeTimers();
    setTheme("#FFFFFF");
    const pane = await mount();
    setTheme("#262626");
    await act(async () => {
      jest.advanceTimersByTime(THEME_RECHECK_MS + 10);
    });
    expect(pane.kind()).toBe("dark");
    pane.unmount();
  });
});
