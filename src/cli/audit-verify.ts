import { openHubServices, runHubCommand } from './hub-commands.ts';

/**
 * `npm run audit:verify`: recomputes every audit chain. Exit code 0 when all are intact, 3 when
 * one is broken, 2 when the embedded database is open in the running server; for schedulers.
 */
try {
  process.exitCode = await runHubCommand(
    ['verify-audit', ...process.argv.slice(2)],
    { out: (line) => console.log(line), err: (line) => console.error(line) },
    { openServices: () => openHubServices(process.env) },
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
