import { readdirSync } from "node:fs";
import { join } from "node:path";
import { LayoutSchema } from "../../../src/engine/model/plan";
import type { LayoutReader } from "../../../src/engine/read/layout";
import { allLayouts, layoutFor } from "../../../src/engine/read/layouts";

const READ_DIR = join(__dirname, "../../../src/engine/read");
const layoutFiles = readdirSync(READ_DIR).filter((f) => /^layout-[a-z0-9]+\.ts$/.test(f));

const isLayout = (v: unknown): v is LayoutReader => typeof v === "object" && v !== null && "ids" in v && "read" in v && "review" in v;

describe("the layout registry", () => {
  it("finds the layout files", () => {
    expect(layoutFiles.length).toBeGreaterThanOrEqual(3);
  });

  it.each(layoutFiles)("%s exports exactly one layout reader, listed in allLayouts, and has its tests", async (file) => {
    const mod = (await import(join(READ_DIR, file))) as Record<string, unknown>;
    const readers = Object.values(mod).filter(isLayout);
    expect(readers).toHaveLength(1);
    expect(allLayouts as readonly LayoutReader[]).toContain(readers[0]);
    expect(readdirSync(__dirname)).toContain(file.replace(/\.ts$/, ".test.ts"));
  });

  it("gives every layout id of the model exactly one reader", () => {
    const ids = allLayouts.flatMap((l) => [...l.ids]);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...LayoutSchema.options].sort());
    for (const id of LayoutSchema.options) expect(layoutFor(id).ids).toContain(id);
  });

  it("lists every reader once", () => {
    expect(new Set(allLayouts).size).toBe(allLayouts.length);
    expect(allLayouts.length).toBe(layoutFiles.length);
  });
});
