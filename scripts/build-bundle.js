// Build step: bundle the compiled CLI (dist/) into a few ES modules in dist/bundle/. Loading
// ~40 small modules costs more start-up than the code itself; with the bundle, `coach --help`
// and practice's first prompt come up about 20 ms sooner (npm run bench). Libraries that are
// loaded only when needed (YAML, CSV, zod, natural, chalk, cli-progress, and subtitle, which only
// reading a .vtt or .srt transcript loads) stay external, loaded on demand from node_modules.
// Inquirer's prompts are bundled: practice needs them at once, for its first prompt.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: clear the old ones out.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  // The score command's worker threads start from their own entry, beside main.js.
  entryPoints: { main: 'dist/cli/main.js', 'score-worker': 'dist/cli/score/score-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true, // keeps each command's dynamic import() a separate chunk
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // @pnpm/tabtab reads its completion scripts from files beside its own code: it stays external.
  external: ['natural', 'yaml', 'zod', 'csv-parse', 'csv-stringify', 'chalk', 'cli-progress', '@pnpm/tabtab', 'subtitle'],
  // Bundled CommonJS dependencies (commander, inquirer's helpers) call require().
  banner: { js: "import { createRequire as __coachRequire } from 'node:module'; const require = __coachRequire(import.meta.url);" },
  logLevel: 'warning',
});
