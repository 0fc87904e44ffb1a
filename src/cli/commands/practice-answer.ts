import { STAR_PARTS, type Assessment, type QuestionData, type RubricData, type StarPartName } from '../../core/types.js';
import { inert } from '../../render/inert.js';
import type { Style } from '../../render/style.js';
import type { AnswerConfig, AnswerResult, WithDraft } from '../prompts/answer-prompt.js';
import type { MenuChoice } from '../prompts/menu.js';
import type { AnswerMode } from './practice.js';

/**
 * Getting one answer in practice, in the mode chosen: free (the multi-line editor in the
 * terminal), guided (one editor for each STAR part) or the user's own editor. A retry starts
 * from the previous answer: the same text to edit, or in guided mode each part's text.
 */

export type StarTexts = Record<StarPartName, string>;

export interface GotAnswer extends AnswerResult {
  /** The mode the answer was given in (another one if the editor failed and the user chose it). */
  mode: AnswerMode;
  /** In guided mode, what was written for each part. */
  parts?: StarTexts;
}

/** The answer, or the user chose to skip the question or end the session. */
export type AnswerOutcome = GotAnswer | 'skip' | 'end';

/** The previous attempt, for a retry. */
export interface PreviousAnswer {
  text: string;
  parts?: StarTexts | undefined;
  assessment?: Assessment;
}

export interface AnswerPrompts {
  select: <T>(config: { message: string; choices: ReadonlyArray<MenuChoice<T>> }) => Promise<T>;
  answer: (config: AnswerConfig) => Promise<AnswerResult>;
}

const label = (part: StarPartName): string => `${part[0]!.toUpperCase()}${part.slice(1)}`;

/**
 * A previous answer cut into its STAR parts, for a guided retry of an answer that was not
 * written part by part: each sentence the scorer tagged goes to its first part, untagged text
 * to the part before it (the situation at the start).
 */
export function splitStar(text: string, a: Assessment): StarTexts {
  const parts: StarTexts = { situation: '', task: '', action: '', result: '' };
  const spans = STAR_PARTS.flatMap((p) => a.star[p].spans.map((s) => ({ ...s, part: p })))
    .sort((x, y) => x.start - y.start || STAR_PARTS.indexOf(x.part) - STAR_PARTS.indexOf(y.part));
  let pos = 0;
  let part: StarPartName = 'situation';
  const add = (p: StarPartName, t: string): void => {
    const s = t.replace(/\s+/g, ' ').trim();
    if (s) parts[p] = parts[p] ? `${parts[p]} ${s}` : s;
  };
  for (const s of spans) {
    if (s.start < pos) continue;
    add(part, text.slice(pos, s.start));
    part = s.part;
    add(part, text.slice(s.start, s.end));
    pos = s.end;
  }
  add(part, text.slice(pos));
  return parts;
}

/** The guided answer: each STAR part in turn, from its previous text on a retry, on one clock. */
async function guidedAnswer(data: RubricData, p: AnswerPrompts, seconds: number | undefined, previous: StarTexts | undefined): Promise<GotAnswer> {
  const deadline = seconds ? Date.now() + seconds * 1000 : 0;
  const parts: StarTexts = { situation: '', task: '', action: '', result: '' };
  let expired = false;
  for (const part of STAR_PARTS) {
    const left = deadline ? Math.max(1, Math.round((deadline - Date.now()) / 1000)) : undefined;
    let r: AnswerResult;
    try {
      r = await p.answer({ message: label(part), hint: inert(data.structure.star[part].hint), ...(left ? { seconds: left } : {}), ...(previous?.[part] ? { initial: previous[part] } : {}) });
    } catch (e) {
      // Ctrl-C: the draft is the parts written so far and the one being written.
      const d = e as WithDraft;
      if (d instanceof Error) d.draft = [...STAR_PARTS.map((x) => parts[x]), d.draft ?? ''].filter((t) => t.trim()).join('\n');
      throw e;
    }
    parts[part] = r.text.trim();
    if (r.expired) {
      expired = true;
      break;
    }
  }
  const text = STAR_PARTS.map((x) => parts[x]).filter(Boolean).join('\n');
  return { text, expired, eof: false, mode: 'guided', parts };
}

/** Asks for an answer in the chosen mode; 'skip' or 'end' when the user chooses that instead. */
export async function getAnswer(
  mode: AnswerMode, q: QuestionData, data: RubricData, p: AnswerPrompts, st: Style, seconds: number | undefined, previous?: PreviousAnswer,
): Promise<AnswerOutcome> {
  let current = mode;
  for (;;) {
    let result: GotAnswer;
    if (current === 'editor') {
      const { answerInEditor } = await import('../prompts/editor-answer.js');
      process.stdout.write(st.dim('Opening your editor: save and close it to finish.\n'));
      const hints = STAR_PARTS.map((x): [string, string] => [label(x), data.structure.star[x].hint]);
      const got = await answerInEditor(q.text, hints, previous?.text ?? '');
      if (!got.ok) {
        // One sentence, then another way to answer: never a loop back into a broken editor.
        process.stdout.write(`${st.warn(got.reason)}\n`);
        const next = await p.select<AnswerMode | 'skip' | 'end'>({
          message: 'How do you want to answer instead?',
          choices: [
            { name: 'Type it here in the terminal', value: 'free' },
            { name: 'Guided STAR: one prompt for each part, with a hint', value: 'guided' },
            { name: 'Try my editor again', value: 'editor' },
            { name: 'Skip this question', value: 'skip' },
            { name: 'End the session', value: 'end' },
          ],
        });
        if (next === 'skip' || next === 'end') return next;
        current = next;
        continue;
      }
      result = { text: got.text, expired: false, eof: false, mode: 'editor' };
    } else if (current === 'guided') {
      const parts = previous ? previous.parts ?? (previous.assessment ? splitStar(previous.text, previous.assessment) : undefined) : undefined;
      result = await guidedAnswer(data, p, seconds, parts);
    } else {
      const r = await p.answer({ message: 'Your answer', ...(seconds ? { seconds } : {}), ...(previous?.text ? { initial: previous.text } : {}) });
      result = { ...r, mode: 'free' };
    }
    if (result.expired) process.stdout.write(st.warn(`Time is up: scoring what you had.\n`));
    if (result.text.trim() !== '') return result;
    const next = await p.select<'again' | 'skip' | 'end'>({
      message: result.expired ? 'Time ran out before you wrote anything.' : 'Your answer is empty.',
      choices: [
        { name: 'Try again', value: 'again' },
        { name: 'Skip this question', value: 'skip' },
        { name: 'End the session', value: 'end' },
      ],
    });
    if (next !== 'again') return next;
  }
}
