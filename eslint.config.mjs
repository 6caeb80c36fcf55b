// ESLint flat config: typescript-eslint + the Office add-in rules (enabled one by one), and
// import restrictions that keep the architecture honest (see docs/ARCHITECTURE.md).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

const hostModules = ["exceljs", "react", "react-dom", "@fluentui/*", "@microsoft/office-js-helpers"];

const enginePatterns = [
  { group: ["node:*", "fs", "path", "os", "child_process"], message: "The engine is pure: no Node modules." },
  { group: hostModules, message: "The engine imports no host or UI library." },
  { group: ["**/hosts/**", "**/ui/**", "**/cli/**", "**/taskpane/**"], message: "The engine imports nothing outside src/engine." },
];

/** The specifiers that name src/engine/index.ts from an engine file `depth` folders below src/engine. */
function engineIndexPaths(depth) {
  const up = depth === 0 ? "." : Array(depth).fill("..").join("/");
  return [up, `${up}/`, `${up}/index`, `${up}/index.ts`, `${up}/index.js`];
}

/** Outside the engine: `…/engine` (its index) only, never a file inside it. */
const engineEntryOnly = {
  group: ["**/engine/*"],
  message: "Import the engine from its one public entry, src/engine (index.ts); export what is missing there.",
};

const uiPatterns = [
  { group: ["exceljs", "node:*"], message: "The UI talks to a WorkbookHost, never to ExcelJS or Node." },
  { group: ["**/hosts/**"], message: "The UI gets its host through the WorkbookHost interface (src/engine)." },
];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "reports/", "coverage/", "test-artifacts/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
    },
  },
  {
    // The rules of hooks, and effects that say what they depend on (issue 9).
    files: ["src/ui/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "Excel", "Office", "document", "window", "process"] },
  },
  // What the engine may import, by folder depth: the engine's own public entry (src/engine/index.ts)
  // is for the outside only, so no engine file imports it and no cycle runs through it.
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/engine/${"*/".repeat(depth)}*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: engineIndexPaths(depth).map((name) => ({
            name,
            message: "Inside the engine, import the module itself: src/engine/index.ts is the entry for the outside (no cycles).",
          })),
          patterns: enginePatterns,
        },
      ],
    },
  })),
  {
    // Everything outside the engine reaches it through its one entry, src/engine (index.ts).
    files: ["src/hosts/**/*.{ts,tsx}", "src/cli/**/*.ts", "src/taskpane/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [engineEntryOnly] }] },
  },
  {
    // The CLI is a WorkbookHost client like the pane: the xlsx host through its public entry only.
    files: ["src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            engineEntryOnly,
            { group: ["**/hosts/xlsx/*"], message: "The CLI opens files through the xlsx host's public entry, src/hosts/xlsx (openXlsxHost)." },
            { group: ["**/hosts/excel", "**/hosts/excel/**"], message: "The CLI runs in Node: no Office.js host." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...uiPatterns, engineEntryOnly] }],
      "no-restricted-globals": ["error", "Excel"],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/hosts/excel/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Excel'][property.name='run']", message: "Excel.run lives only in src/hosts/excel." },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
