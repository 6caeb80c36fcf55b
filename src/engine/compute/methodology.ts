import { z } from "zod";

/**
 * The scoring methodology (SMVP). Defaults are the brief's; a workbook may override them on a
 * sheet named "Metodologia" (key / value rows, keys as below). Every computed figure lists the
 * settings it used.
 */
export const BandSchema = z.object({ band: z.string().min(1), min: z.number() });

/**
 * One row of a range table ("fasce di raggiungimento"): an achievement from `from` % (included)
 * to `to` % (excluded; the last row also takes everything above) counts `value` % ("fixed"), or,
 * "proportional", a figure running linearly from `value` at `from` to `valueTo` at `to`
 * (value 50, valueTo 80 on 50–80 % is "the achievement itself").
 */
export const AchievementBandSchema = z.object({
  from: z.number().min(0),
  to: z.number().min(0),
  mode: z.enum(["fixed", "proportional"]),
  value: z.number().min(0).max(200),
  /** Proportional bands only: the figure at `to`; null for a fixed band. */
  valueTo: z.number().min(0).max(200).nullable().default(null),
});
export type AchievementBand = z.infer<typeof AchievementBandSchema>;

/** The days-late table: up to 30 days late 75 %, up to 90 days 50 %, later 0. */
export const DEFAULT_TIMELINESS_BANDS: AchievementBand[] = [
  { from: 0, to: 31, mode: "fixed", value: 75, valueTo: null },
  { from: 31, to: 91, mode: "fixed", value: 50, valueTo: null },
  { from: 91, to: 3660, mode: "fixed", value: 0, valueTo: null },
];

/** How an indicator's achievement (the per-kind figure: actual ÷ target …) becomes the % counted. */
export const ConversionSchema = z.enum(["linear", "thresholds", "bands"]);
export type Conversion = z.infer<typeof ConversionSchema>;

/** The range table of the "Fasce di raggiungimento" preset: below 50 % → 0, 50–80 % as achieved, 80 % and more → 100. */
export const DEFAULT_ACHIEVEMENT_BANDS: AchievementBand[] = [
  { from: 0, to: 50, mode: "fixed", value: 0, valueTo: null },
  { from: 50, to: 80, mode: "proportional", value: 50, valueTo: 80 },
  { from: 80, to: 200, mode: "fixed", value: 100, valueTo: null },
];

export const MethodologySchema = z.object({
  /** Share of media valore raggiunto in the objective score, % (the rest is timeliness). */
  achievementShare: z.number().min(0).max(100).default(50),
  timelinessShare: z.number().min(0).max(100).default(50),
  /** Highest indicator achievement counted, % (some plans reward up to 120). */
  achievementCap: z.number().min(100).max(200).default(100),
  /** Deadline indicators: points lost for every 30 days late. */
  deadlinePenaltyPer30Days: z.number().min(0).max(100).default(10),
  /** Phases: points lost for every month late. */
  timelinessPenaltyPerMonth: z.number().min(0).max(100).default(25),
  /** Missing achieved value at an interim review: leave out ("exclude") or count 0 ("zero"). */
  missingActualInterim: z.enum(["exclude", "zero"]).default("exclude"),
  missingActualFinal: z.enum(["exclude", "zero"]).default("zero"),
  /** Bands, highest first: score ≥ min gets the band. */
  bands: z.array(BandSchema).min(1).default([
    { band: "A", min: 95 },
    { band: "B", min: 90 },
    { band: "C", min: 80 },
    { band: "D", min: 70 },
    { band: "E", min: 0 },
  ]),
  /** Staff participation may differ from 100 by this much before a warning (33+33+33 = 99). */
  participationTolerance: z.number().min(0).max(10).default(1.5),
  /** Weight sums are compared to 100 with this tolerance (rounding of typed decimals). */
  weightTolerance: z.number().min(0).max(1).default(0.01),
  /** Plan year; null = read from the cards. */
  planYear: z.number().int().min(2000).max(2100).nullable().default(null),
  /**
   * Conversion of every indicator's achievement: "linear" (the per-kind figure as it is),
   * "thresholds" (0 below the minimum, linear from thresholdMinScore at the minimum to 100 at the
   * target, then up to thresholdExcellence at the maximum), "bands" (the achievementBands table).
   * The result is clamped to 0…achievementCap.
   */
  conversion: ConversionSchema.default("linear"),
  /** Thresholds, in % of achievement: below the minimum the indicator counts 0. */
  thresholdMin: z.number().min(0).max(200).default(60),
  /** Score (%) at the minimum threshold. */
  thresholdMinScore: z.number().min(0).max(100).default(0),
  /** Achievement (%) that counts 100. */
  thresholdTarget: z.number().min(0).max(200).default(100),
  /** Achievement (%) that earns the excellence score; null: above the target counts 100. */
  thresholdMax: z.number().min(0).max(200).nullable().default(null),
  /** Score (%) at the maximum threshold ("eccellenza"); null: 100. */
  thresholdExcellence: z.number().min(100).max(200).nullable().default(null),
  /** The range table of the "bands" conversion. */
  achievementBands: z.array(AchievementBandSchema).min(1).default(DEFAULT_ACHIEVEMENT_BANDS),
  /** Media valore raggiunto: the (weighted) mean of the indicators, or the worst of them. */
  aggregation: z.enum(["mean", "worst"]).default("mean"),
  /**
   * Timeliness of a phase completed late: "months" (100 minus timelinessPenaltyPerMonth per month
   * late, today's rule) or "days" (the timelinessBands table over the days late).
   */
  timelinessRule: z.enum(["months", "days"]).default("months"),
  /** Range table over the days late (from included, to excluded): the timeliness % of a late phase. */
  timelinessBands: z.array(AchievementBandSchema).min(1).default(DEFAULT_TIMELINESS_BANDS),
});
export type Methodology = z.infer<typeof MethodologySchema>;

/** The brief's default methodology. */
export const DEFAULT_METHODOLOGY: Methodology = MethodologySchema.parse({});

/** Italian labels of the settings, for the Metodologia sheet and the UI. */
export const METHODOLOGY_LABELS: Record<keyof Methodology, string> = {
  achievementShare: "Quota media valore raggiunto (%)",
  timelinessShare: "Quota media rispetto dei tempi (%)",
  achievementCap: "Tetto raggiungimento indicatore (%)",
  deadlinePenaltyPer30Days: "Penalità per 30 giorni di ritardo (punti)",
  timelinessPenaltyPerMonth: "Penalità per mese di ritardo di una fase (punti)",
  missingActualInterim: "Valore mancante alla verifica intermedia (exclude/zero)",
  missingActualFinal: "Valore mancante alla verifica finale (exclude/zero)",
  bands: "Fasce di valutazione",
  participationTolerance: "Tolleranza somma partecipazione (punti)",
  weightTolerance: "Tolleranza somma pesi (punti)",
  planYear: "Anno del piano",
  conversion: "Conversione del raggiungimento (lineare/soglie/fasce)",
  thresholdMin: "Soglia minima (%)",
  thresholdMinScore: "Punteggio alla soglia minima (%)",
  thresholdTarget: "Soglia target (%)",
  thresholdMax: "Soglia massima (%)",
  thresholdExcellence: "Punteggio di eccellenza alla soglia massima (%)",
  achievementBands: "Fasce di raggiungimento",
  aggregation: "Aggregazione degli indicatori (media/peggiore)",
  timelinessRule: "Ritardo delle fasi (mesi/giorni)",
  timelinessBands: "Fasce di ritardo delle fasi (giorni)",
};

/** A preset: a named methodology the Nucleo can pick, written to Metodologia as any other. */
export interface MethodologyPreset {
  id: "linear" | "thresholds" | "bands";
  /** Italian name shown in the Nucleo view. */
  name: string;
  description: string;
  /** The settings the preset sets; the others keep their values. */
  settings: Partial<Methodology>;
}

/**
 * The three presets. "Lineare" is the brief's default; "Soglie minima/target/massima" counts 0
 * below 60 %, runs linearly to 100 at the target and up to 110 at 120 % (cap 110);
 * "Fasce di raggiungimento" counts 0 below 50 %, the achievement itself from 50 to 80 %, 100
 * from 80 %.
 */
export const METHODOLOGY_PRESETS: readonly MethodologyPreset[] = [
  {
    id: "linear",
    name: "Lineare",
    description: "Raggiungimento proporzionale (valore raggiunto ÷ atteso), limitato al 100%.",
    settings: { conversion: "linear", achievementCap: 100 },
  },
  {
    id: "thresholds",
    name: "Soglie minima/target/massima",
    description: "Sotto il 60% vale 0; dal 60% al target (100%) da 0 a 100; oltre, fino a 110 al 120%.",
    settings: {
      conversion: "thresholds",
      thresholdMin: 60,
      thresholdMinScore: 0,
      thresholdTarget: 100,
      thresholdMax: 120,
      thresholdExcellence: 110,
      achievementCap: 110,
    },
  },
  {
    id: "bands",
    name: "Fasce di raggiungimento",
    description: "Sotto il 50% vale 0; dal 50% all'80% vale il raggiungimento; dall'80% vale 100.",
    settings: { conversion: "bands", achievementBands: DEFAULT_ACHIEVEMENT_BANDS.map((b) => ({ ...b })), achievementCap: 100 },
  },
];

/** The methodology with a preset's settings applied. */
export function applyPreset(methodology: Methodology, id: MethodologyPreset["id"]): Methodology {
  const preset = METHODOLOGY_PRESETS.find((p) => p.id === id);
  if (!preset) return methodology;
  return MethodologySchema.parse({ ...methodology, ...(JSON.parse(JSON.stringify(preset.settings)) as Partial<Methodology>) });
}

/** The preset a methodology matches on the settings presets set, or null (a custom methodology). */
export function presetOf(methodology: Methodology): MethodologyPreset["id"] | null {
  for (const p of METHODOLOGY_PRESETS) {
    if (p.settings.conversion !== methodology.conversion) continue;
    const same = Object.entries(p.settings).every(([k, v]) => JSON.stringify(methodology[k as keyof Methodology]) === JSON.stringify(v));
    if (same) return p.id;
  }
  return null;
}
