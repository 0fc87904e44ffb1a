import { inert } from '../../render/inert.js';
import { wrap } from '../../render/style.js';

/**
 * Answering in the user's own editor ($VISUAL, $EDITOR, else vim): the file opens with the
 * question, the STAR hints and how to finish as comment lines (starting with #), which are
 * removed when the file is read back. An editor that cannot start, or exits with an error, is
 * reported as one sentence instead of an exception.
 */

export type EditorOutcome = { ok: true; text: string } | { ok: false; reason: string };

const COMMENT = '# ';

/** Comment lines, wrapped at 72 columns. */
function comment(text: string): string[] {
  return wrap(inert(text), 72 - COMMENT.length, '').split('\n').map((l) => `${COMMENT}${l}`.trimEnd());
}

/** The file the editor opens: the question and hints as comments, then the text to edit. */
export function editorFileText(question: string, hints: Array<[string, string]>, initial: string): string {
  const head = [
    ...comment(`Question: ${question}`),
    '#',
    ...hints.flatMap(([part, hint]) => comment(`${part}: ${hint}`)),
    '#',
    ...comment('Write your answer below these lines. Lines starting with # are left out. Save and close the editor to finish.'),
  ];
  return `${head.join('\n')}\n\n${initial}${initial && !initial.endsWith('\n') ? '\n' : ''}`;
}

/** The answer in an edited file: every line starting with # left out, blank lines at either end too. */
export function stripComments(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .trim();
}

/** The editor that will be used, and where that choice comes from, for messages. */
export function editorName(env: NodeJS.ProcessEnv = process.env): { command: string; from: string } {
  if (env['VISUAL']) return { command: env['VISUAL'], from: '$VISUAL' };
  if (env['EDITOR']) return { command: env['EDITOR'], from: '$EDITOR' };
  return { command: process.platform.startsWith('win') ? 'notepad' : 'vim', from: 'the default, as $EDITOR is not set' };
}

/** Why the editor did not give an answer back, in one sentence. */
export function editorFailure(error: unknown, env: NodeJS.ProcessEnv = process.env): string {
  const { command, from } = editorName(env);
  const cause = error instanceof Error && 'originalError' in error ? (error as { originalError: unknown }).originalError : error;
  const code = cause instanceof Error && 'code' in cause ? (cause as NodeJS.ErrnoException).code : undefined;
  const why = code === 'ENOENT' ? 'no such program' : code === 'EACCES' ? 'it is not allowed to run' : cause instanceof Error ? cause.message : String(cause);
  return `Your editor "${inert(command)}" (${from}) could not start: ${inert(why)}.`;
}

/** Opens the file in the editor and reads the answer back once the editor exits. */
export async function answerInEditor(question: string, hints: Array<[string, string]>, initial: string): Promise<EditorOutcome> {
  const { ExternalEditor } = await import('@inquirer/external-editor');
  const editor = new ExternalEditor(editorFileText(question, hints, initial), { postfix: '.txt' });
  let text: string;
  try {
    text = await editor.runAsync();
  } catch (e) {
    return { ok: false, reason: editorFailure(e) };
  }
  if (editor.lastExitStatus !== 0) {
    const { command } = editorName();
    return { ok: false, reason: `Your editor "${inert(command)}" stopped with an error (exit status ${editor.lastExitStatus}), so the answer was not read.` };
  }
  return { ok: true, text: stripComments(text) };
}
