// Builds the task pane and the ribbon's function file into dist/web.
//
// - office.js is not bundled: each page loads it from Microsoft's CDN, as Microsoft requires.
// - The task pane's first paint needs React and Fluent UI only. The engine (zod) and the hosts
//   are dynamic imports of src/taskpane/index.tsx; ExcelJS, used only by the standalone page to
//   open a file, is forced into an async chunk of its own ("exceljs"), so it never counts
//   towards the pane's initial JavaScript inside Excel.
// - The standalone page reads files in a Web Worker: `new Worker(new URL("./worker.ts",
//   import.meta.url))` in src/hosts/xlsx/worker/start.ts makes webpack build that worker as a
//   script of its own (xlsx-worker.[hash].js), which loads ExcelJS and the engine with
//   importScripts from the same chunks, from the same origin.
// - The dev server (npm start, scripts/start.mjs) serves the same build on port 3000.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DEV_BASE_URL, baseUrlFromEnv, productionManifest } = require("./scripts/manifest.js");

const DEV_PORT = 3000;

module.exports = (_env, argv = {}) => {
  const production = argv.mode === "production";
  // The production manifest (dist/manifest.xml) points at ADDIN_BASE_URL; without it the build
  // says so and writes the dev manifest there, which only works with `npm start` running.
  const baseUrl = baseUrlFromEnv();
  if (production && !baseUrl) console.warn(`ADDIN_BASE_URL is not set: dist/manifest.xml names ${DEV_BASE_URL}`);
  return {
    mode: production ? "production" : "development",
    target: "web",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/web"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
    },
    module: {
      rules: [
        {
          // The engine is pure (no module does anything when loaded), so an import of one helper
          // through its public entry (src/engine/index.ts) bundles that helper's module only.
          test: /[\\/]src[\\/]engine[\\/]/,
          sideEffects: false,
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the build only strips types.
              transpileOnly: true,
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // The manifest to deploy, next to dist/web rather than inside it.
          {
            from: "manifest.xml",
            to: "../manifest.xml",
            transform: (content) => (baseUrl ? productionManifest(content.toString("utf8"), baseUrl) : content),
          },
          // The help page that SupportUrl and LearnMoreUrl point to.
          { from: "src/help/aiuto.html", to: "aiuto.html" },
        ],
      }),
    ],
    optimization: {
      splitChunks: {
        cacheGroups: {
          // ExcelJS (about 1 MB) only for the standalone page: always its own async chunk.
          exceljs: {
            test: /[\\/]node_modules[\\/]exceljs[\\/]/,
            name: "exceljs",
            chunks: "async",
            enforce: true,
            priority: 30,
          },
          // Libraries of the pane's first paint, cached apart from the add-in's own code. Only the
          // task pane's: the function file must stay a few bytes.
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            chunks: (chunk) => chunk.name === "taskpane",
            priority: 10,
          },
        },
      },
    },
    performance: {
      // The budget that matters is checked on gzipped size (see the report of the build).
      hints: false,
    },
    devServer: {
      port: DEV_PORT,
      host: "localhost",
      hot: false,
      liveReload: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false, errors: true } },
      static: false,
    },
  };
};
