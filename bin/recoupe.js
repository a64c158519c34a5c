#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// Less inlining in V8's optimising compiler (default 920 bytes of inlined bytecode per function): a run's
// first few hundred documents per thread are mostly spent compiling the pipeline, and smaller optimised
// functions cost less to compile, with no measurable loss once warm (docs/speed.md). Process-wide, so the
// worker threads get it too; set before the CLI's code is loaded. RECOUPE_V8_FLAGS replaces it ('' for none).
setFlagsFromString(process.env.RECOUPE_V8_FLAGS ?? '--max-inlined-bytecode-size-cumulative=300');
const { main } = await import('../dist/bundle/main.js');

process.exitCode = await main(process.argv.slice(2));
