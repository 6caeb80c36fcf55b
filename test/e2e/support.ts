/**
 * What the browser tests need: the built page (built here with webpack's Node API when missing
 * or stale, so `npx jest` works on a fresh clone), a tiny static server on a free localhost port,
 * and a headless Chromium whose every non-localhost request is blocked and recorded.
 */
import { promises as fs, existsSync, statSync, readdirSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
/** The built page; SCHEDE_WEB_DIST points the tests at another build (which is then not rebuilt). */
export const DIST = process.env.SCHEDE_WEB_DIST ? path.resolve(process.env.SCHEDE_WEB_DIST) : path.join(ROOT, "dist/web");
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

/** Newest modification time under a folder (or of a file). */
function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when dist/web is missing or older than the sources and the webpack config. */
export function buildIsStale(): boolean {
  const built = path.join(DIST, "taskpane.html");
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = Math.max(newestMtime(path.join(ROOT, "src")), newestMtime(path.join(ROOT, "webpack.config.js")));
  return sources > builtAt;
}

type WebpackConfig = Record<string, unknown>;
type ConfigExport = WebpackConfig | WebpackConfig[] | ((env: Record<string, unknown>, argv: Record<string, unknown>) => unknown);

/** Builds the web bundle (production mode) with the project's webpack.config.js. */
export async function buildWeb(): Promise<void> {
  const { default: webpack } = await import("webpack");
  const exported = (await import(path.join(ROOT, "webpack.config.js"))) as ConfigExport | { default: ConfigExport };
  const configExport = "default" in exported && exported.default ? (exported.default as ConfigExport) : (exported as ConfigExport);
  const argv = { mode: "production" };
  const resolved = typeof configExport === "function" ? await configExport({ production: true }, argv) : configExport;
  const configs = (Array.isArray(resolved) ? resolved : [resolved]) as WebpackConfig[];
  const withMode = configs.map((c) => ({ ...c, mode: "production" }));
  await new Promise<void>((resolve, reject) => {
    webpack(withMode as Parameters<typeof webpack>[0], (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** Builds when needed; returns whether it built. */
export async function ensureBuilt(): Promise<boolean> {
  if (process.env.SCHEDE_WEB_DIST || !buildIsStale()) return false;
  // Jest runs the e2e files in parallel workers, and webpack cleans dist/web: one worker builds,
  // the others wait for it and then find the build fresh.
  return withBuildLock(async () => {
    if (!buildIsStale()) return false;
    await buildWeb();
    return true;
  });
}

/** A build older than this holds a lock left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  const lock = path.join(ROOT, ".tmp", "web-build.lock");
  await fs.mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await fs.mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = await fs.stat(lock).catch(() => null);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await fs.rm(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await task();
  } finally {
    await fs.rm(lock, { recursive: true, force: true });
  }
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
      if (!file.startsWith(dir)) {
        res.writeHead(403).end();
        return;
      }
      const body = await fs.readFile(file);
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  context: BrowserContext;
  /** Every request to anything but localhost, blocked. */
  blocked: string[];
  close(): Promise<void>;
}

const isLocal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:") return true;
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
};

/** Headless Chromium with a fresh profile; requests leave only for localhost. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "schede-e2e-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    acceptDownloads: true,
    viewport: { width: 380, height: 900 },
    locale: "it-IT",
    serviceWorkers: "block",
  });
  const blocked: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (isLocal(url)) return route.continue();
    blocked.push(url);
    return route.abort("blockedbyclient");
  });
  return {
    context,
    blocked,
    async close() {
      await context.close();
      await fs.rm(userDataDir, { recursive: true, force: true });
    },
  };
}
