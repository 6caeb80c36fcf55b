import { z } from "zod";

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * A located problem. `at.range` is A1 without the sheet ("C5" or "C5:F9"); the message is
 * Italian and says what is wrong, the figures and what to do; `data` holds the figures so that
 * tests and tools never parse the message.
 */
export const FindingSchema = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  message: z.string(),
  severity: SeveritySchema,
  at: z.object({ sheet: z.string(), range: z.string() }),
  objectiveId: z.string().optional(),
  structure: z.string().optional(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))])),
});
export type Finding = z.infer<typeof FindingSchema>;
export type FindingData = Finding["data"];
