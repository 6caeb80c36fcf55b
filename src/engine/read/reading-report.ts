/**
 * The reading report: for each objective, where each block was read (sheet and cells), how its
 * summary row and card were joined (score and evidence), and which source each phase came from;
 * for each structure, which other spellings were merged into it and why. Built from the plan
 * alone (everything it says is recorded by the reader in `source`, `join`, `origin` and
 * `mergedFrom`), so the CLI (`schede check --explain`, `--json`) and the task pane show the same.
 */
import { qualifiedA1, type SheetRange } from "../cells/a1";
import type { Join, Phase, PhaseOrigin, Plan } from "../model/plan";

export interface ReadingPlace {
  /** Key of the block in `source` ("title", "schedule", …). */
  block: string;
  /** What the block is, in Italian ("cronoprogramma"). */
  label: string;
  range: SheetRange;
  /** "Foglio!B4:M9". */
  address: string;
}

export interface ReadingJoin {
  status: Join["status"];
  /** Italian one-line account of the join. */
  text: string;
  row: string | null;
  card: string | null;
  score: number | null;
  evidence: Join["evidence"];
  candidates: string[];
}

export interface ReadingObjective {
  id: string;
  number: string | null;
  title: string;
  layout: string;
  places: ReadingPlace[];
  join: ReadingJoin | null;
  phases: { number: string | null; label: string; origin: PhaseOrigin[]; address: string | null }[];
}

export interface ReadingStructure {
  id: string;
  name: string;
  header: string | null;
  weightTable: string | null;
  mergedFrom: { name: string; address: string | null; by: "name" | "owner"; similarity: number; text: string }[];
  objectives: ReadingObjective[];
}

export interface ReadingReport {
  structures: ReadingStructure[];
}

/** Italian names of the blocks, in the order the report lists them. */
const BLOCKS: readonly (readonly [string, string])[] = [
  ["weightTableRow", "riga della tabella dei pesi"],
  ["card", "scheda"],
  ["heading", "intestazione"],
  ["title", "titolo"],
  ["structure", "struttura scritta nella scheda"],
  ["owner", "responsabile"],
  ["weight", "peso"],
  ["description", "descrizione"],
  ["phases", "fasi"],
  ["indicators", "indicatori"],
  ["schedule", "cronoprogramma"],
  ["staff", "personale"],
  ["reviews", "verifiche"],
];

const ORIGIN_IT: Record<PhaseOrigin, string> = {
  list: "elenco «Fasi di attuazione»",
  schedule: "riga del cronoprogramma",
  table: "riga della tabella",
  card: "riga della scheda",
};

const pct = (n: number | null): string => (n === null ? "non indicato" : `${Math.round(n * 100)}%`);

function joinText(j: Join): string {
  const row = j.row ? qualifiedA1(j.row) : null;
  const card = j.card ? qualifiedA1(j.card) : null;
  switch (j.status) {
    case "joined": {
      const e = j.evidence;
      const parts = e
        ? [`numero ${e.number === null ? "non indicato" : e.number === 1 ? "uguale" : "diverso"}`, `titolo simile al ${pct(e.title)}`, `struttura ${pct(e.structure)}`, `responsabile ${pct(e.owner)}`]
        : [];
      return `riga ${row} collegata alla scheda ${card} (punteggio ${j.score?.toFixed(2) ?? "—"}: ${parts.join(", ")})`;
    }
    case "row-only":
      return `solo la riga ${row} della tabella dei pesi: nessuna scheda corrisponde`;
    case "card-only":
      return `solo la scheda ${card}: nessuna riga della tabella dei pesi corrisponde`;
    case "ambiguous":
      return `${row ? `riga ${row}` : `scheda ${card}`} non collegata: corrisponde ugualmente a ${j.candidates.map(qualifiedA1).join(", ")}`;
  }
}

function phaseAddress(p: Phase): string | null {
  const r = p.source.label ?? p.source.row ?? p.source.number;
  return r ? qualifiedA1(r) : null;
}

/** The reading report of a plan (see the file comment). */
export function readingReport(plan: Plan): ReadingReport {
  return {
    structures: plan.structures.map((s) => ({
      id: s.id,
      name: s.name,
      header: s.source.header ? qualifiedA1(s.source.header) : null,
      weightTable: s.source.weightTable ? qualifiedA1(s.source.weightTable) : null,
      mergedFrom: (s.mergedFrom ?? []).map((m) => ({
        name: m.name,
        address: m.at ? qualifiedA1(m.at) : null,
        by: m.by,
        similarity: m.similarity,
        text:
          m.by === "name"
            ? `«${m.name}»${m.at ? ` (${qualifiedA1(m.at)})` : ""} è la stessa struttura: nome simile al ${pct(m.similarity)}`
            : `«${m.name}»${m.at ? ` (${qualifiedA1(m.at)})` : ""} è la stessa struttura: stesso responsabile`,
      })),
      objectives: s.objectives.map((o) => ({
        id: o.id,
        number: o.number,
        title: o.title,
        layout: o.layout,
        places: BLOCKS.flatMap(([block, label]) => {
          const range = o.source[block];
          return range ? [{ block, label, range, address: qualifiedA1(range) }] : [];
        }),
        join: o.join
          ? {
              status: o.join.status,
              text: joinText(o.join),
              row: o.join.row ? qualifiedA1(o.join.row) : null,
              card: o.join.card ? qualifiedA1(o.join.card) : null,
              score: o.join.score,
              evidence: o.join.evidence,
              candidates: o.join.candidates.map(qualifiedA1),
            }
          : null,
        phases: o.phases.map((p) => ({ number: p.number, label: p.label, origin: p.origin ?? [], address: phaseAddress(p) })),
      })),
    })),
  };
}

/** The report as Italian text, one structure after another (`schede check --explain`). */
export function readingText(report: ReadingReport): string {
  const lines: string[] = ["Come è stata letta la cartella", ""];
  for (const s of report.structures) {
    lines.push(`Struttura «${s.name}»${s.header ? ` — intestazione ${s.header}` : ""}${s.weightTable ? `, tabella dei pesi ${s.weightTable}` : ""}`);
    for (const m of s.mergedFrom) lines.push(`  · ${m.text}`);
    for (const o of s.objectives) {
      lines.push(`  Obiettivo ${o.number ?? "senza numero"} «${o.title}» (${o.id}, schema ${o.layout})`);
      if (o.join) lines.push(`    collegamento: ${o.join.text}`);
      for (const p of o.places) lines.push(`    ${p.label}: ${p.address}`);
      o.phases.forEach((p, i) => {
        const from = p.origin.length > 0 ? p.origin.map((x) => ORIGIN_IT[x]).join(" + ") : "non registrata";
        lines.push(`    fase ${p.number ?? i + 1} «${p.label}»: da ${from}${p.address ? ` (${p.address})` : ""}`);
      });
    }
    lines.push("");
  }
  return lines.join("\n");
}
