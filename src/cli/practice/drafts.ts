/**
 * What has been typed of the answer (or reply) in progress, so that Ctrl-C does not lose it:
 * inquirer rejects a prompt on Ctrl-C without its value, so the prompts report each change here.
 * Guided answers come in parts: the finished parts are kept with the one being typed.
 */
export interface DraftContext {
  questionId: string | null;
  question: string;
  attempt: number;
  mode: 'free' | 'guided' | 'editor';
  /** The follow-up question, when the text is a reply to it. */
  followUp?: string;
}

export class Drafts {
  private context: DraftContext | null = null;
  private done: string[] = [];
  private typing = '';

  /** A new answer or reply starts. */
  begin(context: DraftContext): void {
    this.context = context;
    this.done = [];
    this.typing = '';
  }

  typed(text: string): void {
    this.typing = text;
  }

  /** A prompt finished with this text (a part of a guided answer, or the whole answer). */
  finished(text: string): void {
    if (text.trim()) this.done.push(text.trim());
    this.typing = '';
  }

  /** The answer was scored and saved: nothing is pending. */
  clear(): void {
    this.context = null;
    this.done = [];
    this.typing = '';
  }

  /** What is pending, if anything was typed. */
  pending(): { context: DraftContext; text: string } | null {
    const text = [...this.done, this.typing.trim()].filter(Boolean).join('\n');
    return this.context && text ? { context: this.context, text } : null;
  }
}

/** Ctrl-C, as inquirer reports it (Ctrl-D and a closed terminal are not Ctrl-C). */
export function isCtrlC(e: unknown): boolean {
  return e instanceof Error && e.name === 'ExitPromptError' && /SIGINT/.test(e.message);
}
