import { runCli } from "./run";

// Entry of the `schede` command (package.json "bin"). All logic is in run.ts so tests run it in-process.
runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(`${t}\n`),
  stderr: (t) => process.stderr.write(`${t}\n`),
  today: () => new Date().toISOString().slice(0, 10),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`Errore imprevisto: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);
