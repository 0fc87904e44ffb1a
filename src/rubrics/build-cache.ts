// Build step (npm run build): validate the bundled rubric and write dist/bundled-rubric.json.
// A rubric with problems fails the build with file:line:column messages.
import { formatProblem, RubricError } from './errors.js';
import { writeBundledCache } from './bundled-cache.js';
import { loadRubric } from './load.js';
import { compileRubric } from '../core/compile.js';
import { knownStems } from '../core/text/stem.js';

try {
  const { data } = loadRubric([]);
  compileRubric(data); // stems every cue word into the memo
  writeBundledCache(data, knownStems());
} catch (e) {
  if (e instanceof RubricError) {
    process.stderr.write(`${e.problems.map(formatProblem).join('\n')}\n`);
    process.exit(1);
  }
  throw e;
}
