import { openHubServices, runHubCommand } from './hub-commands.ts';

/** `npm run hub -- <command>`: the operator's command line. The logic is in hub-commands.ts. */
try {
  process.exitCode = await runHubCommand(
    process.argv.slice(2),
    { out: (line) => console.log(line), err: (line) => console.error(line) },
    { openServices: () => openHubServices(process.env) },
  );
} catch (error) {
  // Anything not said plainly by the command is a bug: keep the stack for the report.
  console.error(error);
  process.exitCode = 1;
}
