import * as fc from "fast-check";
import { normalizeLabel, stripHtml } from "../src/engine/values/text";
const KNOWN_TYPOS: ReadonlyArray<[RegExp, string]> = [
  [/\bobbiettiv/g, "obiettiv"],
  [/partecipazion e\b/g, "partecipazione"],
  [/partecipazioni\b/g, "partecipazione"],
];
function old(text: string): string {
  let t = stripHtml(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’`´]/g, "'").replace(/\s+/g, " ").trim().replace(/[\s:;.,\-–—_]+$/g, "").replace(/^[\s:;.,\-–—_]+/g, "");
  for (const [typo, fixed] of KNOWN_TYPOS) t = t.replace(typo, fixed);
  return t;
}
const chars = fc.constantFrom(..." \t\n\u00a0:;.,-–—_`’´aAbBéÈİxyzObbiettivo partecipazion e<p>&amp;".split(""), "obbiettivo", "partecipazion e", "partecipazioni", "<br>", "&nbsp;", "Ü", "ﬁ", "\u212A");
fc.assert(fc.property(fc.array(chars, { maxLength: 30 }).map((a) => a.join("")), (s) => old(s) === normalizeLabel(s)), { numRuns: 200000 });
fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => old(s) === normalizeLabel(s)), { numRuns: 200000 });
fc.assert(fc.property(fc.string(), (s) => old(s) === normalizeLabel(s)), { numRuns: 200000 });
console.log("ok");
