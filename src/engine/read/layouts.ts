/**
 * Every layout reader, in the order they read a sheet: tabular plans (B) and three-column cards
 * (C) claim their rows first, the vertical card (A) reads the rest (its anchors — headings,
 * titles, structure headers — also occur inside B and C tables).
 */
import type { Layout } from "../model/plan";
import type { LayoutReader } from "./layout";
import { layoutA } from "./layout-a";
import { layoutB } from "./layout-b";
import { layoutC } from "./layout-c";

export const allLayouts = [layoutB, layoutC, layoutA] as const satisfies readonly LayoutReader[];

/** The reader of a layout id. */
export function layoutFor(id: Layout): LayoutReader {
  const reader = allLayouts.find((l) => (l.ids as readonly Layout[]).includes(id));
  if (!reader) throw new Error(`No layout reader for ${id}`);
  return reader;
}
