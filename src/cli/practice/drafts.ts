import type { WithDraft } from '../prompts/answer-prompt.js';

/**
 * What is being answered, so that Ctrl-C does not lose what was typed: the answer prompt's Ctrl-C
 * error carries the text so far (prompts/answer-prompt.ts, WithDraft), and this says what it was
 * an answer (or a reply) to.
 */
export interface DraftContext {
  questionId: string | null;
  question: string;
  attempt: number;
  mode: 'free' | 'guided' | 'editor' | 'transcript';
  /** The follow-up question, when the text is a reply to it. */
  followUp?: string;
}

export class Drafts {
  context: DraftContext | null = null;

  /** A new answer or reply starts. */
  begin(context: DraftContext): void {
    this.context = context;
  }

  /** The answer was saved: nothing is pending. */
  clear(): void {
    this.context = null;
  }
}

/** The text typed so far, as the Ctrl-C error of the answer prompt carries it ('' when none). */
export function draftOf(e: unknown): string {
  const d = e instanceof Error ? (e as WithDraft).draft : undefined;
  return typeof d === 'string' ? d.trim() : '';
}

/** Ctrl-C, as inquirer reports it (Ctrl-D and a closed terminal are not Ctrl-C). */
export function isCtrlC(e: unknown): boolean {
  return e instanceof Error && e.name === 'ExitPromptError' && /SIGINT/.test(e.message);
}
