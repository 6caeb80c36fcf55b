/**
 * The production manifest (scripts/manifest.js, used by webpack for dist/manifest.xml) and the
 * help page it links to.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS script of the build
const { baseUrlFromEnv, productionManifest, DEV_BASE_URL } = require("../../scripts/manifest.js") as {
  baseUrlFromEnv: (env: Record<string, string | undefined>) => string | null;
  productionManifest: (xml: string, baseUrl: string) => string;
  DEV_BASE_URL: string;
};

const root = join(__dirname, "..", "..");
const dev = readFileSync(join(root, "manifest.xml"), "utf8");
const validator = join(root, "..", "shared", "tools", "validate-manifest");
const canValidate = existsSync(validator) && (() => {
  try {
    execFileSync("xmllint", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("production manifest", () => {
  it("takes ADDIN_BASE_URL: https only, no trailing slash, unset gives null", () => {
    expect(baseUrlFromEnv({ ADDIN_BASE_URL: "https://schede.comune.example.it/addin/" })).toBe("https://schede.comune.example.it/addin");
    expect(baseUrlFromEnv({})).toBeNull();
    expect(() => baseUrlFromEnv({ ADDIN_BASE_URL: "http://schede.example.it" })).toThrow(/https/);
    expect(() => baseUrlFromEnv({ ADDIN_BASE_URL: "non un indirizzo" })).toThrow();
  });

  it("points every URL at the production server, the AppDomain at its origin", () => {
    const out = productionManifest(dev, "https://schede.comune.example.it/addin");
    expect(out).not.toContain("localhost");
    expect(out).toContain("<AppDomain>https://schede.comune.example.it</AppDomain>");
    expect(out).toContain('<SourceLocation DefaultValue="https://schede.comune.example.it/addin/taskpane.html" />');
    expect(out).toContain('<SupportUrl DefaultValue="https://schede.comune.example.it/addin/aiuto.html" />');
  });

  (canValidate ? it : it.skip)("validates, as the dev manifest does (../shared/tools/validate-manifest)", () => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    const file = join(dir, "manifest.xml");
    writeFileSync(file, productionManifest(dev, "https://schede.comune.example.it"));
    expect(() => execFileSync(validator, [file], { stdio: "pipe" })).not.toThrow();
    expect(() => execFileSync(validator, [join(root, "manifest.xml")], { stdio: "pipe" })).not.toThrow();
  });
});

describe("help page", () => {
  const help = readFileSync(join(root, "src", "help", "aiuto.html"), "utf8");

  it("is what SupportUrl and LearnMoreUrl point to, not the pane", () => {
    expect(dev).toContain(`<SupportUrl DefaultValue="${DEV_BASE_URL}/aiuto.html" />`);
    expect(dev).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${DEV_BASE_URL}/aiuto.html" />`);
    expect(readFileSync(join(root, "webpack.config.js"), "utf8")).toContain('from: "src/help/aiuto.html"');
  });

  it("says in Italian what each role does, how flags work, how to remove everything, that no data leaves", () => {
    for (const text of ["Responsabile", "Segretario", "Nucleo", "Rimuovi i contenuti del componente", "SO_Stato", "non viene inviato a nessun server"]) {
      expect(help).toContain(text);
    }
    expect(help).toContain('lang="it"');
  });
});
