import axe from "axe-core";
import { act, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";

// Tells React that updates are wrapped in act(), so it flushes effects and warns otherwise.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// jsdom lacks these; Fluent's motion and positioning ask for them.
if (typeof window !== "undefined") {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  (globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export interface Rendered {
  container: HTMLElement;
  root: Root;
  unmount(): void;
}

/** Renders into a fresh container in document.body and flushes effects. */
export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  const root = createRoot(container);
  await act(async () => root.render(ui));
  return {
    container,
    root,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises and timers (the progress yields) settle inside act(). */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error("nothing to click");
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

/** Types into an input the way React listens for it. */
export async function type(el: Element | null | undefined, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error("not a text field");
  const proto = el instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, "value")?.set;
  await act(async () => {
    setter?.call(el, value);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

/** Visible text without what is hidden from assistive technology (Fluent's tab keeps a bold copy). */
export function visibleText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"], .fui-Tab__content--reserved-space').forEach((n) => n.remove());
  return copy.textContent?.trim() ?? "";
}

/** The button (or tab, radio…) whose visible text or aria-label is exactly `name`. */
export function byRole(root: ParentNode, role: string, name: string | RegExp): HTMLElement {
  const candidates = [...root.querySelectorAll<HTMLElement>(role === "button" ? "button,[role=button]" : `[role=${role}]`)];
  const matches = candidates.filter((el) => {
    const label = el.getAttribute("aria-label") ?? visibleText(el);
    return typeof name === "string" ? label.trim() === name : name.test(label);
  });
  if (matches.length === 0) throw new Error(`no ${role} named ${String(name)}; have: ${candidates.map((c) => c.getAttribute("aria-label") ?? visibleText(c)).join(" | ")}`);
  return matches[0] as HTMLElement;
}

/** Fails with the list of axe violations (contrast cannot be computed in jsdom). */
export async function axeViolations(node: Element): Promise<string[]> {
  const results = await axe.run(node, { rules: { "color-contrast": { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Opens the Segretario's «Scrivi nella cartella» menu and chooses an item by its label (not its description). */
export async function chooseAction(root: ParentNode, item: string): Promise<void> {
  await click(byRole(root, "button", "Scrivi nella cartella"));
  // The menu renders in a portal, outside the pane's container.
  const items = [...document.querySelectorAll<HTMLElement>("[role=menuitem]")];
  const label = (el: HTMLElement) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".fui-MenuItem__subText").forEach((n) => n.remove());
    return copy.textContent?.trim() ?? "";
  };
  const match = items.find((el) => label(el) === item);
  if (!match) throw new Error(`no menu item ${item}; have: ${items.map((el) => el.textContent).join(" | ")}`);
  await click(match);
}
