import fc from "fast-check";
import {
  cellText,
  isMark,
  isoToSerial,
  normalizeLabel,
  readBoolean,
  readDate,
  readMeasure,
  readMonthName,
  readMonths,
  readNumber,
  readObjectiveHeading,
  readPercent,
  readPhaseNumber,
  readTrailingDate,
  readWeight,
  serialToIso,
  slugify,
  splitList,
  stripHtml,
} from "../../../src/engine/values";
import { MeasureSchema, WeightSchema } from "../../../src/engine/model/plan";
import type { CellValue } from "../../../src/engine/model/snapshot";

// ---------------------------------------------------------------------------------------------
// Arbitraries: cells as people (and converters) really fill them, plus hostile noise.

const FRAGMENTS = [
  "%", "€", ".", ",", " ", "  ", "-", "–", "+", "/", "(", ")", "<", ">", "=", "≥", "≤", "≠", "'", "’", ":", ";",
  "\n", "\t", "\u00a0", "\u0301", "°", "..", ".. /.. /..", "<p>", "</p>", "<ol style=\"x\">", "<li>", "</li>", "&nbsp;",
  "gennaio", "Febbraio", "MAR", "apr.", "sett", "dic.", "giugno", "novembre", "entro", "Entro il", "il", "dal", "al",
  "a", "da", "sino a", "fino al", "giorni", "gg", "SI", "sì", "no", "X", "x", "✓", "✗", "punti", "MAX", "primo",
  "II", "IV", "trimestre", "semestre", "tutto l'anno", "annuale", "OBIETTIVO", "OBBIETTIVO", "DI", "MIGLIORAMENTO",
  "INTERSETTORIALE", "Fase", "Fasi di attuazione:", "1.", "2.", "3)", "a)", "b)", "•", "31/12/2024", "29/02/2023",
  "1.000,00", "0,5", "1.100", "2024", "45292", "riduzione", "non più di", "almeno", "n.", "N.", "art. 46",
  "1.4.1", "L. 190/2012", "€ 121.992,00", "\u{1F600}", "ß", "İ", "\u0000", "\uD800",
];

const fragment = fc.constantFrom(...FRAGMENTS);
const digits = fc.oneof(fc.integer({ min: 0, max: 99_999 }).map(String), fc.constantFrom("0", "00", "1", "12", "31", "2024"));
const composed = fc
  .tuple(fc.array(fc.oneof(fragment, fragment, digits, fc.string({ maxLength: 3 })), { maxLength: 14 }), fc.constantFrom("", " "))
  .map(([parts, sep]) => parts.join(sep));
const text = fc.oneof(
  composed,
  composed,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
);
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.double({ min: 0, max: 80_000, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 60, 45292, 2_958_466, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e21, 2 ** 53),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(text, text, number, fc.boolean(), fc.constant(null));
const format = fc.option(
  fc.oneof(
    fc.constantFrom("0%", "0.00%", "dd/mm/yyyy", "gg/mm/aaaa", "d-mmm-yy", "General", "€ #,##0.00", "@", "h:mm", "0", "", "[$-410]mmmm", '"%"0'),
    fc.string({ maxLength: 12 }),
  ),
);

// ---------------------------------------------------------------------------------------------
// Well-formedness checks shared by the combined and the per-reader properties.

/** A cheap assertion: `expect` is too slow for 10,000 runs × a dozen checks. */
function check(condition: boolean, what: string, got?: unknown): void {
  if (!condition) throw new Error(`${what}: ${JSON.stringify(got)}`);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const isValidIso = (s: string): boolean => {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() + 1 === Number(m[2]) && d.getUTCDate() === Number(m[3]);
};
const hasReason = (r: { ok: boolean; reason?: string }): boolean => r.ok || (typeof r.reason === "string" && r.reason.length > 0);
const asText = (v: CellValue): string => (typeof v === "string" ? v : v === null ? "" : String(v));

function checkNumber(v: CellValue, f: string | null): void {
  const r = readNumber(v, f);
  check(hasReason(r), "reason", r);
  if (r.ok) {
    check(Number.isFinite(r.value.value), "finite", r);
    check(!Object.is(r.value.value, -0), "no -0", r);
    check(["number", "percent", "currency", "points"].includes(r.value.unit), "unit", r);
    check([null, "<", "<=", ">", ">=", "="].includes(r.value.comparator), "comparator", r);
    check([null, "increase", "decrease"].includes(r.value.direction), "direction", r);
    // Never a silent zero: text read as a number holds a digit.
    if (typeof v === "string") check(/\d/.test(v), "number without digit", r);
  }
  const p = readPercent(v, f);
  check(hasReason(p), "reason", p);
  if (p.ok) check(Number.isFinite(p.value), "finite percent", p);
  const w = readWeight(v, f);
  check(hasReason(w), "reason", w);
  if (w.ok) check(WeightSchema.safeParse(w.value).success && Number.isFinite(w.value.value), "weight", w);
}

function checkDate(v: CellValue, f: string | null): void {
  const r = readDate(v, f);
  check(hasReason(r), "reason", r);
  if (r.ok) check(isValidIso(r.value), "iso date", r);
}

function checkMonths(v: CellValue): void {
  const name = readMonthName(v);
  check(name === null || (Number.isInteger(name) && name >= 1 && name <= 12), "month name", name);
  const r = readMonths(asText(v));
  check(hasReason(r), "reason", r);
  if (r.ok) {
    check(r.value.length > 0, "months not empty", r);
    r.value.forEach((m, i) => {
      check(Number.isInteger(m) && m >= 1 && m <= 12, "month range", r);
      if (i > 0) check(m > (r.value[i - 1] as number), "months ascending unique", r);
    });
  }
}

function checkMeasure(v: CellValue, f: string | null): void {
  const m = readMeasure(v, f);
  if (cellText(v) === null) check(m === null, "blank → null", m);
  else {
    check(m !== null && MeasureSchema.safeParse(m).success, "measure schema", m);
    // The fast paths inside readMeasure agree with the public readers.
    if (m !== null && typeof v === "string") {
      check(m.text === cellText(v), "text as typed", m);
      const short = (cellText(v) ?? "").length <= 80;
      if (short) check((m.type === "boolean") === readBoolean(v).ok, "boolean agrees", m);
      if (short && m.type !== "boolean") check((m.type === "date") === readDate(v).ok, "date agrees", m);
      if (short && m.type !== "boolean" && m.type !== "date") check((m.type === "number") === readNumber(v).ok, "number agrees", m);
    }
  }
}

function checkTextReaders(v: CellValue): void {
  const s = asText(v);
    check(hasReason(readBoolean(v)), "boolean reason");
  check(typeof isMark(v) === "boolean", "mark");
  const phase = readPhaseNumber(v);
  check(phase === null || /^\d+(\.\d+)*$/.test(phase), "phase number", phase);
  for (const item of splitList(s)) {
    check(item.text.length > 0 && item.text === item.text.trim(), "item text", item);
    check(item.number === null || /^(\d+(\.\d+)*|[a-z])$/.test(item.number), "item number", item);
  }
  const heading = readObjectiveHeading(s);
  if (heading) {
    check(heading.number === null || /^\d+$/.test(heading.number), "heading number", heading);
    check(heading.year === null || (heading.year >= 1900 && heading.year <= 2199), "heading year", heading);
    check(heading.number !== null || heading.year !== null, "heading has number or year", heading);
  }
  const trailing = readTrailingDate(s);
  if (trailing.date === null) check(trailing.text === s, "text unchanged", trailing);
  else {
    check(isValidIso(trailing.date) && s.startsWith(trailing.text), "trailing date", trailing);
  }
  check(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/.test(slugify(s)), "slug", slugify(s));
}

// ---------------------------------------------------------------------------------------------

describe("every reader on random cells", () => {
  it("never throws and returns well-formed results (10,000 cells)", () => {
    fc.assert(
      fc.property(cell, format, (v, f) => {
        checkNumber(v, f);
        checkDate(v, f);
        checkMonths(v);
        checkMeasure(v, f);
        checkTextReaders(v);
      }),
      { numRuns: 10_000 },
    );
  });

  it("numbers, percents and weights", () => {
    fc.assert(fc.property(cell, format, checkNumber), { numRuns: 2000 });
  });

  it("dates", () => {
    fc.assert(fc.property(cell, format, checkDate), { numRuns: 2000 });
  });

  it("months", () => {
    fc.assert(fc.property(cell, checkMonths), { numRuns: 2000 });
  });

  it("measures", () => {
    fc.assert(fc.property(cell, format, checkMeasure), { numRuns: 2000 });
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips: values written the Italian way read back exactly.

const italian = (n: number, decimals: number): string => {
  const [int, frac] = n.toFixed(decimals).split(".");
  const grouped = (int as string).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return frac ? `${grouped},${frac}` : grouped;
};

describe("round trips", () => {
  it("Italian integers with thousands dots", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (n) => {
        expect(readNumber(italian(n, 0))).toEqual({ ok: true, value: { value: n, unit: "number", comparator: null, direction: null } });
      }),
      { numRuns: 1000 },
    );
  });

  it("Italian amounts in euro with two decimals", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (cents) => {
        const r = readNumber(`€ ${italian(cents / 100, 2)}`);
        expect(r.ok && r.value.unit === "currency" && Math.round(r.value.value * 100) === cents).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("percent-formatted numbers scale to 0–100", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (basisPoints) => {
        expect(readPercent(basisPoints / 10_000, "0.00%")).toEqual({ ok: true, value: basisPoints / 100 });
      }),
      { numRuns: 1000 },
    );
  });

  it("Excel serials ↔ ISO dates", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), (serial) => {
        const iso = serialToIso(serial);
        expect(iso !== null && isValidIso(iso)).toBe(true);
        expect(isoToSerial(iso as string)).toBe(serial);
        expect(readDate(serial, "dd/mm/yyyy")).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it("dd/mm/yyyy, dd.mm.yyyy and 'Entro il' dates", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1950-01-01"), max: new Date("2150-12-31"), noInvalidDate: true }), fc.constantFrom("/", ".", "-"), fc.boolean(), (d, sep, entro) => {
        const iso = d.toISOString().slice(0, 10);
        const typed = `${iso.slice(8, 10)}${sep}${iso.slice(5, 7)}${sep}${iso.slice(0, 4)}`;
        expect(readDate(entro ? `Entro il ${typed}` : typed)).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it("'<month> - <month>' is the period between them", () => {
    const names = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), fc.constantFrom(" - ", "-", "/", " – "), (a, b, sep) => {
        fc.pre(a <= b);
        const expected = Array.from({ length: b - a + 1 }, (_, i) => a + i);
        expect(readMonths(`${names[a - 1]}${sep}${names[b - 1]}`)).toEqual({ ok: true, value: expected });
      }),
      { numRuns: 300 },
    );
  });

  it("numbered lists split back into their items", () => {
    const word = fc.stringMatching(/^[A-Za-z][a-z]{2,8}$/);
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(" ")), { minLength: 1, maxLength: 9 }), fc.constantFrom(". ", ") "), (items, marker) => {
        const typed = items.map((t, i) => `${i + 1}${marker}${t}`).join(" ");
        expect(splitList(typed)).toEqual(items.map((t, i) => ({ number: String(i + 1), text: t })));
      }),
      { numRuns: 500 },
    );
  });
});

describe("fast paths give what the plain definitions give", () => {
  // normalizeLabel as first written: every step on every text. The function now skips the
  // steps that cannot change plain ASCII text; the result must not move.
  const TYPOS: ReadonlyArray<[RegExp, string]> = [
    [/\bobbiettiv/g, "obiettiv"],
    [/partecipazion e\b/g, "partecipazione"],
    [/partecipazioni\b/g, "partecipazione"],
  ];
  const reference = (t: string): string => {
    let out = stripHtml(t)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[’`´]/g, "'")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/[\s:;.,\-–—_]+$/g, "")
      .replace(/^[\s:;.,\-–—_]+/g, "");
    for (const [typo, fixed] of TYPOS) out = out.replace(typo, fixed);
    return out;
  };
  const labelish = fc
    .array(fc.oneof(fragment, fc.constantFrom("`", "_", "—", "obbiettivo", "partecipazion e", "partecipazioni", "Fasi e tempi:", "İ", "À")), { maxLength: 10 })
    .map((parts) => parts.join(""));

  it("normalizeLabel", () => {
    fc.assert(
      fc.property(fc.oneof(text, labelish), (t) => {
        expect(normalizeLabel(t)).toBe(reference(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it("splitList drops the lines up to a phases label, whatever their spelling", () => {
    const labels = fc.constantFrom("Fasi di attuazione:", "FASI", " - Attività previste", "ATTIVITA", "Azioni", "step", "Modalità di attuazione", "Articolazione delle fasi", "fasi e tempi");
    fc.assert(
      fc.property(labels, fc.array(fc.stringMatching(/^[A-Za-z][a-z]{2,8}$/), { minLength: 1, maxLength: 4 }), (label, items) => {
        const typed = `Premessa.\n${label}\n${items.map((t, i) => `${i + 1}. ${t}`).join("\n")}`;
        expect(splitList(typed)).toEqual(items.map((t, i) => ({ number: String(i + 1), text: t })));
      }),
      { numRuns: 300 },
    );
  });
});
