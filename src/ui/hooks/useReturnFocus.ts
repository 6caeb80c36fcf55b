import { useCallback, useEffect, useRef } from "react";

/**
 * Gives focus back to what opened a dialog once it closes (Esc, Annulla or its action). Fluent's
 * Dialog does this only for a DialogTrigger; our dialogs are opened from a row's button or after a
 * confirmation, so without this focus fell to the page body.
 *
 * `remember()` is called when the dialog opens (the opener still has focus), or `remember(el)`
 * when the opener is about to leave the page (a menu item: give its menu's button); when `open`
 * turns false, focus returns to it if it is still in the page.
 */
export function useReturnFocus(open: boolean): (opener?: HTMLElement | null) => void {
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(open);
  const remember = useCallback((given?: HTMLElement | null) => {
    const active = given ?? document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, []);
  useEffect(() => {
    if (wasOpen.current && !open) {
      const target = opener.current;
      opener.current = null;
      // After the dialog's own focus handling of this commit.
      if (target) setTimeout(() => target.isConnected && target.focus(), 0);
    }
    wasOpen.current = open;
  }, [open]);
  return remember;
}
