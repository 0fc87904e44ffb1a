#!/usr/bin/env node
// Entry point: the CLI, compiled to dist/ and bundled to dist/bundle/ (npm run build).
// main() handles standard output's errors: a closed pipe (coach score ... | head) is a normal
// end; any other write error is one line on standard error and exit 2.
import { main } from '../dist/bundle/main.js';

await main(process.argv);
