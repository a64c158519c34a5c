// Runs the CLI from source (tests, `tsx src/cli/bin.ts`); bin/recoupe.js runs the build.
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
