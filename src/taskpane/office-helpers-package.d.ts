/**
 * The two calls src/taskpane/office-helpers.ts makes into @microsoft/office-js-helpers, typed
 * here on purpose. The package's own typings (dist/office.helpers.d.ts: `export =` a global
 * `namespace OfficeHelpers`, written for TypeScript 2.7 and office-js 0.0.x) would put that
 * namespace in every file of the program; importing the bundle's minified file, which has no
 * typings beside it, keeps them out. That file is the same UMD build as the package's `main`: a
 * CommonJS object marked `__esModule` whose helpers are named exports (there is no default).
 */
declare module "@microsoft/office-js-helpers/dist/office.helpers.min.js" {
  export const UI: {
    /** A banner at the top of the page: the title, the error's message, its stack under "Details". */
    notify(error: Error, title: string): void;
  };
  export const Utilities: {
    /** console.group of the error with Office's debugInfo, the stack and the inner error. */
    log(error: Error | string): void;
  };
}
