import { z } from "zod";
import type { SheetRange } from "../cells/range";
import { OutsideAreaSchema } from "./snapshot";

/**
 * The plan model: structures → objectives → phases, indicators, schedule, reviews, staff,
 * strategy links. Every entity carries `source`, the sheet ranges its fields came from
 * (zero-based, absolute; A1 is made only at the edges by `cells/a1`).
 */

/** A `SheetRange` (cells/range.ts): a rectangle on a named sheet, zero-based and inclusive. */
export const SheetRangeSchema = z.object({
  sheet: z.string(),
  top: z.number().int().min(0),
  left: z.number().int().min(0),
  bottom: z.number().int().min(0),
  right: z.number().int().min(0),
}) satisfies z.ZodType<SheetRange>;

/** Where each field of an entity came from; keys are field names. */
export const SourceSchema = z.record(z.string(), SheetRangeSchema);
export type Source = z.infer<typeof SourceSchema>;

export const LayoutSchema = z.enum(["A", "B", "C", "addin"]);
export type Layout = z.infer<typeof LayoutSchema>;

/** A weight as typed: a percent (30 → 30 %) or points (`MAX 20 PUNTI`). */
export const WeightSchema = z.object({
  value: z.number().min(0),
  unit: z.enum(["percent", "points"]),
});
export type Weight = z.infer<typeof WeightSchema>;

/**
 * An expected or achieved value, read from what the user typed.
 * - number: `1100`, `30%` (unit percent), `€ 1.000,00` (unit currency), `< di 5` (comparator "<").
 * - boolean: `SI` / `NO`.
 * - date: `15/05/2024`, `Entro il 31/12/2024` (ISO yyyy-mm-dd).
 * - text: anything else, kept as typed ("Effettuata entro i termini", "Entro 60 giorni …").
 */
export const MeasureSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("number"),
    value: z.number(),
    unit: z.enum(["number", "percent", "currency", "points"]),
    comparator: z.enum(["<", "<=", ">", ">=", "="]).nullable(),
    direction: z.enum(["increase", "decrease"]).nullable(),
    text: z.string(),
  }),
  z.object({ type: z.literal("boolean"), value: z.boolean(), text: z.string() }),
  z.object({ type: z.literal("date"), value: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), text: z.string() }),
  z.object({ type: z.literal("text"), text: z.string() }),
]);
export type Measure = z.infer<typeof MeasureSchema>;

export const MonthSchema = z.number().int().min(1).max(12);

export const PhaseSchema = z.object({
  /** "1", "2", "1.1" as typed (trailing dots removed); null when the phase has no number. */
  number: z.string().nullable(),
  label: z.string(),
  /** Weight in % of the objective, or null when the card gives none. */
  weight: z.number().nullable(),
  /** Planned end ("Data fine attesa"), ISO date. */
  deadline: z.string().nullable(),
  /** Schedule written as text beside the phase (layout C), as typed. */
  scheduleText: z.string().nullable(),
  /** Months read from `scheduleText` (layout C); empty when none. */
  scheduleMonths: z.array(MonthSchema),
  /** Date the phase was completed ("Completata il"), ISO. */
  completedOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  source: SourceSchema,
  /**
   * Where the reader found the phase, first source first: "list" (the card's "Fasi di
   * attuazione"), "schedule" (a cronoprogramma row), "table" (a layout-B row), "card" (a layout-C
   * row). A phase known only from the cronoprogramma is still a phase (its number is its label).
   */
  origin: z.array(z.enum(["list", "schedule", "table", "card"])).optional(),
});
export type Phase = z.infer<typeof PhaseSchema>;
export type PhaseOrigin = NonNullable<Phase["origin"]>[number];

export const IndicatorSchema = z.object({
  description: z.string().nullable(),
  /** A heading the indicator sits under ("SALUTE DIGITALE"), if any. */
  group: z.string().nullable(),
  target: MeasureSchema.nullable(),
  actual: MeasureSchema.nullable(),
  /** Optional weight of the indicator within the objective, in %. */
  weight: z.number().nullable(),
  source: SourceSchema,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** One row of a cronoprogramma grid: a row label (phase number or name) and its marked months. */
export const ScheduleRowSchema = z.object({
  label: z.string(),
  months: z.array(MonthSchema),
  /** Weight typed in the add-in card's "Peso %" column, if present. */
  weight: z.number().nullable(),
  source: SourceSchema,
});
export type ScheduleRow = z.infer<typeof ScheduleRowSchema>;

export const ReviewSchema = z.object({
  kind: z.enum(["interim", "final"]),
  /** ISO date of the review, null while the card still reads ".. /.. /..". */
  date: z.string().nullable(),
  meanAchievement: z.number().nullable(),
  meanTimeliness: z.number().nullable(),
  causes: z.string().nullable(),
  effects: z.string().nullable(),
  actionsTaken: z.string().nullable(),
  actionsPlanned: z.string().nullable(),
  source: SourceSchema,
});
export type Review = z.infer<typeof ReviewSchema>;

export const StaffMemberSchema = z.object({
  category: z.string().nullable(),
  name: z.string(),
  participation: z.number().nullable(),
  hourlyCost: z.number().nullable(),
  hours: z.number().nullable(),
  cost: z.number().nullable(),
  source: SourceSchema,
});
export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const StrategyLinkSchema = z.object({
  strategicLine: z.string().nullable(),
  strategicObjective: z.string().nullable(),
  mission: z.string().nullable(),
  operationalObjective: z.string().nullable(),
  source: SourceSchema,
});
export type StrategyLink = z.infer<typeof StrategyLinkSchema>;

/**
 * How an objective's summary (weight-table) row and its card were joined, for a structure that
 * has a weight table. The evidence is each similarity in 0…1 (null: one side does not say); the
 * score weighs them (see read/join/match.ts).
 */
export const JoinSchema = z.object({
  /** joined: row and card are one objective; row-only / card-only: no counterpart; ambiguous: see candidates. */
  status: z.enum(["joined", "row-only", "card-only", "ambiguous"]),
  row: SheetRangeSchema.nullable(),
  card: SheetRangeSchema.nullable(),
  score: z.number().nullable(),
  evidence: z
    .object({ number: z.number().nullable(), title: z.number().nullable(), structure: z.number().nullable(), owner: z.number().nullable() })
    .nullable(),
  /** When ambiguous: the other rows or cards that were equally good. */
  candidates: z.array(SheetRangeSchema),
});
export type Join = z.infer<typeof JoinSchema>;

export const ObjectiveSchema = z.object({
  /** Stable id: `<structure slug>/<number>` (or `/<sheet>!<cell>` when unnumbered). */
  id: z.string(),
  number: z.string().nullable(),
  /** "miglioramento", "innovativo", "gestione", "mantenimento", "sviluppo", … as typed, lower case. */
  kind: z.string().nullable(),
  intersectoral: z.boolean(),
  year: z.number().int().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  structure: z.string(),
  owner: z.string().nullable(),
  weight: WeightSchema.nullable(),
  /** Non-numeric weight text such as "Intersettoriale", kept as typed. */
  weightText: z.string().nullable(),
  /** Planned end of the objective ("Data fine attesa", or the date closing its description), ISO. */
  deadline: z.string().nullable(),
  phases: z.array(PhaseSchema),
  indicators: z.array(IndicatorSchema),
  schedule: z.array(ScheduleRowSchema),
  reviews: z.array(ReviewSchema),
  staff: z.array(StaffMemberSchema),
  strategy: StrategyLinkSchema.nullable(),
  layout: LayoutSchema,
  /** Keys used: card (whole card), title, description, weight, phases, indicators, schedule, staff, reviews. */
  source: SourceSchema,
  /** How the summary row and the card were joined; absent when the structure has no weight table. */
  join: JoinSchema.optional(),
});
export type Objective = z.infer<typeof ObjectiveSchema>;

export const StructureSchema = z.object({
  /** Slug of the name: "servizio-amministrativo". */
  id: z.string(),
  name: z.string(),
  owner: z.string().nullable(),
  strategy: StrategyLinkSchema.nullable(),
  objectives: z.array(ObjectiveSchema),
  /** Keys used: header, weightTable. */
  source: SourceSchema,
  /**
   * The other spellings merged into this structure: a card's "Settore" cell or another header
   * naming the same unit, with why ("name": similarity of the names; "owner": same person).
   */
  mergedFrom: z
    .array(z.object({ name: z.string(), at: SheetRangeSchema.nullable(), by: z.enum(["name", "owner"]), similarity: z.number() }))
    .optional(),
});
export type Structure = z.infer<typeof StructureSchema>;

/** A cell that should hold a number, percent, date or months and could not be read. */
export const UnreadableCellSchema = z.object({
  at: SheetRangeSchema,
  expected: z.enum(["number", "percent", "weight", "date", "months", "boolean"]),
  /** The cell as typed (text form). */
  text: z.string(),
  /** Why it could not be read (Italian). */
  reason: z.string(),
  /** The field it was meant for: "phase.weight", "objective.weight", "staff.participation", … */
  field: z.string(),
  /**
   * "uncalculated": the cell holds a formula but not its result (the file was saved without
   * recalculating); the value exists, it only needs Excel to compute it. Rules that report a
   * missing value leave such cells to `value-unreadable`.
   */
  cause: z.enum(["uncalculated"]).optional(),
  objectiveId: z.string().nullable(),
  structure: z.string().nullable(),
});
export type UnreadableCell = z.infer<typeof UnreadableCellSchema>;

export const PlanSchema = z.object({
  /** Plan year read from the cards ("OBIETTIVO … 2024", deadlines), or null. */
  year: z.number().int().nullable(),
  structures: z.array(StructureSchema),
  /** Sheets read and how many cards each held. */
  sheets: z.array(
    z.object({
      name: z.string(),
      cards: z.number().int().min(0),
      layouts: z.array(LayoutSchema),
      /** Areas with values the host left out of the sheet's snapshot (SheetSnapshot.outside). */
      outside: z.array(OutsideAreaSchema).optional(),
    }),
  ),
  /** Cells the reader could not read; the `value-unreadable` rule reports them. */
  unreadable: z.array(UnreadableCellSchema),
});
export type Plan = z.infer<typeof PlanSchema>;

/** Every objective of the plan, in structure order. */
export function allObjectives(plan: Plan): Objective[] {
  return plan.structures.flatMap((s) => s.objectives);
}
