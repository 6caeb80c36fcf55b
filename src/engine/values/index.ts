/**
 * Value readers: turn cells as people type them (Italian numbers, percents, dates, months,
 * marks, lists typed in one cell) into values. Every reader is total: it never throws and
 * returns an Italian reason instead of a silent zero.
 */
export * from "./result";
export * from "./text";
export { readNumber, readPercent, readWeight, parseDigits, type NumberReading } from "./number";
export { readBoolean, isMark } from "./boolean";
export { readDate, readTrailingDate, serialToIso, isoToSerial, isoDate } from "./date";
export { readMonthName, readMonths } from "./months";
export { readMeasure } from "./measure";
export { readPhaseNumber, splitList, type ListItem } from "./list";
export { readObjectiveHeading, type ObjectiveHeading } from "./heading";
export { slugify } from "./slug";
export { classifyFormat, isDateFormat, isPercentFormat, type FormatKind } from "./format";
