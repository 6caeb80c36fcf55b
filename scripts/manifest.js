// The add-in's manifest for a given server: manifest.xml names the dev server
// (https://localhost:3000, `npm start`); a production build replaces that origin with
// ADDIN_BASE_URL (the HTTPS address the built dist/web is served from) and writes
// dist/manifest.xml. Used by webpack.config.js and by the tests; plain CommonJS, no dependencies.
"use strict";

const DEV_BASE_URL = "https://localhost:3000";

/**
 * The base URL from the environment, validated: HTTPS (Office refuses add-ins over plain HTTP),
 * no query or fragment, no trailing slash. Returns null when the variable is unset or empty.
 */
function baseUrlFromEnv(env = process.env) {
  const raw = (env.ADDIN_BASE_URL ?? "").trim();
  if (raw === "") return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_BASE_URL non è un indirizzo valido: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL deve usare https: ${raw}`);
  if (url.search !== "" || url.hash !== "") throw new Error(`ADDIN_BASE_URL non deve avere ? o #: ${raw}`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/**
 * The manifest with every dev-server URL pointing at `baseUrl` instead. AppDomain takes the
 * origin alone (an AppDomain is a domain, not a page). Throws when the dev URL is missing (the
 * manifest was already rewritten) or left over.
 */
function productionManifest(xml, baseUrl) {
  if (!xml.includes(DEV_BASE_URL)) throw new Error(`manifest.xml does not name ${DEV_BASE_URL}`);
  const origin = new URL(baseUrl).origin;
  const out = xml
    .split(`<AppDomain>${DEV_BASE_URL}</AppDomain>`)
    .join(`<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE_URL)
    .join(baseUrl);
  if (out.includes("localhost")) throw new Error("localhost left in the production manifest");
  return out;
}

module.exports = { DEV_BASE_URL, baseUrlFromEnv, productionManifest };
