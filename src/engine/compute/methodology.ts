import { z } from "zod";

/**
 * The scoring methodology (SMVP). Defaults are the brief's; a workbook may override them on a
 * sheet named "Metodologia" (key / value rows, keys as below). Every computed figure lists the
 * settings it used.
 */
export const BandSchema = z.object({ band: z.string().min(1), min: z.number() });

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
};
