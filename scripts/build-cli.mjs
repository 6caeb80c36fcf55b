// Bundles the CLI into dist/cli/schede.js (one file; exceljs stays an external dependency).
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/schede.ts"],
  outfile: "dist/cli/schede.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  banner: { js: "#!/usr/bin/env node" },
  sourcemap: true,
  logLevel: "warning",
});
console.log("CLI: dist/cli/schede.js");
