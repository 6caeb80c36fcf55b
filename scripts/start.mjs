// `npm start`: builds the add-in and serves it on localhost:3000.
//
// - Windows and macOS: serves over https with the Office development certificates and sideloads
//   manifest.xml into desktop Excel (office-addin-dev-certs, office-addin-debugging; loaded
//   only here, and only if installed — otherwise the npx commands to use are printed).
// - Linux (no desktop Excel): serves over http, or https when the development certificates are
//   already in ~/.office-addin-dev-certs, and prints where to open the standalone page and how to
//   sideload the manifest in Excel on the web (which needs https).
//
// Options: --port <n> (default 3000; the manifest expects 3000).
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const manifest = join(root, "manifest.xml");
const portArg = process.argv.indexOf("--port");
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3000;
const desktop = process.platform === "win32" || process.platform === "darwin";

/** The Office dev-tools packages, or null when they are not installed (they are not dependencies). */
function optional(name) {
  try {
    return require(name);
  } catch {
    return null;
  }
}

/** https options from the certificates office-addin-dev-certs leaves in the home folder, if any. */
function certificatesOnDisk() {
  const dir = join(homedir(), ".office-addin-dev-certs");
  const files = { cert: join(dir, "localhost.crt"), key: join(dir, "localhost.key"), ca: join(dir, "ca.crt") };
  if (!existsSync(files.cert) || !existsSync(files.key)) return null;
  return {
    cert: readFileSync(files.cert),
    key: readFileSync(files.key),
    ...(existsSync(files.ca) ? { ca: readFileSync(files.ca) } : {}),
  };
}

async function serve(https) {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(join(root, "webpack.config.js"))({}, { mode: "development" });
  const compiler = webpack(config);
  const server = new WebpackDevServer(
    { ...config.devServer, port, server: https ? { type: "https", options: https } : { type: "http" } },
    compiler,
  );
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  return `${https ? "https" : "http"}://localhost:${port}`;
}

async function startDesktop() {
  const devCerts = optional("office-addin-dev-certs");
  const debugging = optional("office-addin-debugging");
  if (!devCerts || !debugging) {
    console.log(
      [
        "Per aprire il componente in Excel desktop servono gli strumenti di sviluppo Office (non installati):",
        "  npx office-addin-dev-certs install",
        "  npx office-addin-debugging start manifest.xml desktop --app excel",
        "oppure installarli: npm install --no-save office-addin-dev-certs office-addin-debugging, poi npm start.",
      ].join("\n"),
    );
    process.exitCode = 1;
    return;
  }
  const https = await devCerts.getHttpsServerOptions();
  const origin = await serve(https);
  console.log(`Componente servito su ${origin}. Caricamento in Excel desktop…`);
  await debugging.startDebugging(manifest, { appType: "desktop", app: "excel", enableDebugging: false, devServerPort: port });
  console.log("Il componente è caricato: in Excel, scheda «Schede Obiettivo» › «Apri il pannello».");
}

async function startLinux() {
  const https = certificatesOnDisk();
  const origin = await serve(https);
  const lines = [
    "",
    `Schede Obiettivo è servito su ${origin}`,
    "",
    `  Pagina autonoma (apre un file .xlsx, senza Excel):  ${origin}/taskpane.html`,
    "",
    "  In Excel per il Web:",
  ];
  if (!https) {
    lines.push(
      "    Excel per il Web carica i componenti solo da https. Creare i certificati di sviluppo e riavviare:",
      "      npx office-addin-dev-certs install",
      "      npm start",
      "    (su Linux il certificato ca.crt va poi reso attendibile nel browser).",
    );
  }
  lines.push(
    "    1. aprire una cartella di lavoro su https://www.office.com (OneDrive o SharePoint);",
    "    2. Home › Componenti aggiuntivi › Altri componenti aggiuntivi › I miei componenti aggiuntivi ›",
    `       Carica il componente aggiuntivo personale, e scegliere ${manifest};`,
    "    3. nella scheda «Schede Obiettivo» fare clic su «Apri il pannello».",
    "    Oppure, con una cartella già aperta: npx office-addin-debugging start manifest.xml web --document <URL della cartella>",
    "",
    "  Excel desktop (Windows, macOS): npm start su quel sistema carica il componente da sé.",
    "  Ctrl+C per fermare il server.",
    "",
  );
  console.log(lines.join("\n"));
}

try {
  if (desktop) await startDesktop();
  else await startLinux();
} catch (error) {
  console.error(`Avvio non riuscito: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
