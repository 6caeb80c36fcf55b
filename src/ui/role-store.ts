import { ROLES, type Role } from "./types";

/** Remembers the role a user chose, so the pane reopens on it. */
export interface RoleStore {
  read(): Role | null;
  write(role: Role): void;
}

const KEY = "schede-obiettivo.ruolo";

const isRole = (v: unknown): v is Role => typeof v === "string" && (ROLES as readonly string[]).includes(v);

/**
 * A store over Web Storage. localStorage is per user and per browser profile, which is what
 * "remembered per user" means in Excel too: Office's roaming settings exist only in Outlook, and
 * the document settings would share one role among everyone who opens the workbook.
 * Storage can be missing or throw (private mode, blocked cookies); the pane then just forgets.
 */
export function createRoleStore(storage: Pick<Storage, "getItem" | "setItem"> | null): RoleStore {
  return {
    read() {
      try {
        const v = storage?.getItem(KEY) ?? null;
        return isRole(v) ? v : null;
      } catch {
        return null;
      }
    },
    write(role) {
      try {
        storage?.setItem(KEY, role);
      } catch {
        // Storage full or denied: the choice still holds for this session.
      }
    },
  };
}

/** The browser's localStorage, or null when it cannot be reached. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
