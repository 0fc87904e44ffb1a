/** An error meant for the user: its message is printed as is, with no stack, and sets the exit code. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}

/** Exit codes, documented in --help and the README. */
export const EXIT = {
  ok: 0,
  /** `score --fail-under`: an answer fell below the level; `bank validate`: problems found. */
  findings: 1,
  /** An input or rubric could not be read, the output could not be written, or the command line was wrong. */
  fatal: 2,
  /** Ctrl-C ended the session (128 + SIGINT), once everything typed was saved. */
  interrupted: 130,
} as const;
