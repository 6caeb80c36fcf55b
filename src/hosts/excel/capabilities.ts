/**
 * What the running Excel can do beyond the manifest's minimum (ExcelApi 1.9), checked once with
 * isSetSupported so that every caller picks the same fallback.
 */

/** How a flag's message is attached to its cell. */
export type AnnotationMode = "note" | "comment" | "fill";

export interface ExcelCapabilities {
  /** Notes (ExcelApi 1.18), else threaded comments (1.10), else the fill alone. */
  annotation: AnnotationMode;
  /** Range.getMergedAreasOrNullObject (1.13): merged areas go into the snapshots. */
  mergedAreas: boolean;
  /** WorksheetChangedEventArgs.triggerSource (1.14) tells the add-in's own edits apart. */
  triggerSource: boolean;
}

/** The subset of Office.context.requirements used here. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Capabilities from a requirement checker (Office.context.requirements in the add-in). */
export function detectCapabilities(requirements: RequirementChecker): ExcelCapabilities {
  const excel = (version: string): boolean => requirements.isSetSupported("ExcelApi", version);
  let annotation: AnnotationMode = "fill";
  if (excel("1.18")) annotation = "note";
  else if (excel("1.10")) annotation = "comment";
  return { annotation, mergedAreas: excel("1.13"), triggerSource: excel("1.14") };
}

/** Capabilities of the Excel the add-in is running in. */
export function currentCapabilities(): ExcelCapabilities {
  return detectCapabilities(Office.context.requirements);
}
