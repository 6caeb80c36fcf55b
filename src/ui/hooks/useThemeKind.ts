import { useEffect, useRef, useState } from "react";
import { type OfficeThemeLike, type ThemeKind, themeKind } from "../logic/theme";
import type { PaneMode } from "../types";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function officeTheme(mode: PaneMode): OfficeThemeLike | null {
  if (mode !== "excel") return null;
  const office = (globalThis as { Office?: { context?: { officeTheme?: OfficeThemeLike } } }).Office;
  return office?.context?.officeTheme ?? null;
}

function prefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(DARK_QUERY).matches;
}

/** How often the Office theme is looked at again while the pane is open (a property read, no API call). */
export const THEME_RECHECK_MS = 5_000;

/**
 * The pane's theme: the Office theme inside Excel, the browser's colour scheme in the standalone
 * page (followed live: the media query's change event). Office gives Excel task panes no
 * theme-change event (OfficeThemeChanged is an Outlook event, Mailbox 1.14:
 * https://learn.microsoft.com/javascript/api/outlook/office.officethemechangedeventargs), so in
 * Excel `Office.context.officeTheme` is read again when the pane gets the focus back (the user
 * changed the theme in File › Account and returns to the pane), when it becomes visible, and
 * every few seconds; the theme changes only when it really did.
 */
export function useThemeKind(mode: PaneMode): ThemeKind {
  const [kind, setKind] = useState<ThemeKind>(() => themeKind(officeTheme(mode), prefersDark()));
  const current = useRef(kind);
  useEffect(() => {
    if (typeof window === "undefined") return;
    const query = typeof window.matchMedia === "function" ? window.matchMedia(DARK_QUERY) : null;
    const update = (): void => {
      const next = themeKind(officeTheme(mode), query?.matches ?? false);
      if (next === current.current) return;
      current.current = next;
      setKind(next);
    };
    query?.addEventListener?.("change", update);
    if (mode !== "excel") return () => query?.removeEventListener?.("change", update);
    window.addEventListener("focus", update);
    document.addEventListener("visibilitychange", update);
    const timer = window.setInterval(update, THEME_RECHECK_MS);
    return () => {
      query?.removeEventListener?.("change", update);
      window.removeEventListener("focus", update);
      document.removeEventListener("visibilitychange", update);
      window.clearInterval(timer);
    };
  }, [mode]);
  return kind;
}
