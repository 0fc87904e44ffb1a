import { answersFromHistory } from '../../report/from-history.js';
import { CliError, EXIT } from '../errors.js';
import { readHistory } from './history.js';
import { checkCandidate } from './candidates.js';
import { writeOutputFile } from '../write-output.js';
import { hasUnsafe, inertJson } from '../../render/inert.js';

export interface ExportOptions {
  labelled?: boolean;
  candidate?: string;
  output?: string;
  data?: string;
}

/**
 * `coach export --labelled`: the answers an adviser judged, in the labelled format of docs/levels.md,
 * with the adviser's level as the expected one, so that `coach eval` measures how well the coach
 * agrees with this adviser. The coach's own view is not exported as a label.
 */
export async function runExport(opts: ExportOptions): Promise<number> {
  if (!opts.labelled) throw new CliError('say what to export: --labelled (answers with the adviser\'s levels, for coach eval)');
  const { store, records } = readHistory(opts.data);
  checkCandidate(records, opts.candidate, store.file);
  const reviewed = answersFromHistory(records, { candidate: opts.candidate }).filter((a) => a.adviser);
  if (reviewed.length === 0) throw new CliError(`no answers with an adviser's level${opts.candidate ? ` for "${opts.candidate}"` : ''} in ${store.file} (record them with coach practice --adviser)`, EXIT.findings);
  const { Document, isScalar, visit } = await import('yaml');
  const list = reviewed.map((a, i) => ({
    id: `adviser-${String(i + 1).padStart(3, '0')}`,
    question: a.question,
    competency: a.competency,
    ...(a.candidate ? { candidate: a.candidate } : {}),
    answer: a.answer,
    expected: { level: a.adviser!.level },
    ...(a.adviser!.comment ? { adviser_comment: a.adviser!.comment } : {}),
  }));
  // yaml escapes C0 controls itself; text with C1 or bidirectional controls is double-quoted, so
  // that inertJson can write them as \u escapes, which YAML reads back the same.
  const doc = new Document(list);
  visit(doc, { Scalar: (_key, node) => { if (isScalar(node) && typeof node.value === 'string' && hasUnsafe(node.value)) node.type = 'QUOTE_DOUBLE'; } });
  const text = `# Answers with an adviser's level, in the labelled format of docs/levels.md: run coach eval on this file.\n${inertJson(doc.toString({ lineWidth: 0 }))}`;
  if (opts.output) writeOutputFile(opts.output, text);
  else process.stdout.write(text);
  return EXIT.ok;
}
