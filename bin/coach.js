#!/usr/bin/env node
// Entry point: the CLI, compiled to dist/ and bundled to dist/bundle/ (npm run build).
import { main } from '../dist/bundle/main.js';

// A closed pipe (coach score ... | head) is a normal end, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

await main(process.argv);
