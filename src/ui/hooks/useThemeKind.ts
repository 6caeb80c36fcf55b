import { useEffect, useState } from "react";
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

/**
 * The pane's theme: the Office theme inside Excel, the browser's colour scheme in the standalone
 * page (followed live: the media query's change event). Office gives no theme-change event to
 * Excel task panes, so a theme changed in Office applies when the pane is reopened.
 */
export function useThemeKind(mode: PaneMode): ThemeKind {
  const [kind, setKind] = useState<ThemeKind>(() => themeKind(officeTheme(mode), prefersDark()));
  useEffect(() => {
    if (typeof window === "undefined" || typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(DARK_QUERY);
    const update = (): void => setKind(themeKind(officeTheme(mode), query.matches));
    query.addEventListener?.("change", update);
    return () => query.removeEventListener?.("change", update);
  }, [mode]);
  return kind;
}
