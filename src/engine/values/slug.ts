const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ALNUM_RUNS = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

/** An identifier-safe form of a label: "Servizio Amministrativo" → "servizio-amministrativo", accents removed. */
export function slugify(text: string): string {
  if (typeof text !== "string") return "";
  return text
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .toLowerCase()
    .replace(NON_ALNUM_RUNS, "-")
    .replace(EDGE_DASHES, "");
}
