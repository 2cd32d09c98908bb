/**
 * nianbao command line (the file scripts/build.mjs bundles to server/dist/cli.js; `nianbao` in
 * package.json's bin). The same bundle runs the worker threads of `check`. See ./cli/main.ts.
 */
import { isCheckWorker, workerMain } from './cli/worker';
import { main } from './cli/main';

if (isCheckWorker()) workerMain();
else if (require.main === module) {
  main(process.argv.slice(2), { script: __filename }).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`nianbao: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
