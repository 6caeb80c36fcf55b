/** What a value reader returns: the value, or the reason (Italian) it could not be read. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export const ok = <T>(value: T): ReadResult<T> => ({ ok: true, value });
export const fail = <T = never>(reason: string): ReadResult<T> => ({ ok: false, reason });
