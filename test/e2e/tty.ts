import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { COACH, REPO } from './run-coach.js';

/**
 * A real terminal for the interactive commands: the CLI runs in a detached tmux session of a
 * fixed size, on a tmux server of its own (its own socket, no user config), and the test types
 * into it with send-keys and reads it with capture-pane.
 */

/** tmux is on PATH and runs. */
export const HAVE_TMUX = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

/**
 * One tmux server per test process, on a socket in a temporary folder of its own, so a user's
 * own tmux (and its config) is never touched.
 */
let socketDir: string | null = null;
function socket(): string {
  socketDir ??= mkdtempSync(join(tmpdir(), 'coach-tmux-'));
  return join(socketDir, 'sock');
}

function tmux(args: string[]): string {
  const r = spawnSync('tmux', ['-S', socket(), '-f', '/dev/null', ...args], { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Stops this process's tmux server (every session left on it) and removes its socket. */
export function killTmuxServer(): void {
  if (!socketDir) return;
  spawnSync('tmux', ['-S', socket(), 'kill-server'], { encoding: 'utf8' });
  rmSync(socketDir, { recursive: true, force: true });
  socketDir = null;
}

function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

let counter = 0;

export interface WaitOptions {
  /** Milliseconds; default 10 s. */
  timeout?: number;
  /** What is being waited for, for the error message. */
  what?: string;
}

export class Tty {
  private constructor(readonly name: string) {}

  /**
   * Starts `node bin/coach.js ...args` in an 80x50 (by default) terminal, with NO_COLOR=1. When
   * the command ends the shell prints EXIT=<code> and stays open, so the last screen can still
   * be read.
   */
  static coach(args: string[], opts: { width?: number; height?: number; env?: Record<string, string> } = {}): Tty {
    const name = `coach-${process.pid}-${++counter}`;
    const cmd = [
      'cd', shQuote(REPO), '&&',
      'env', '-u', 'FORCE_COLOR', '-u', 'COACH_DEBUG', '-u', 'COACH_DATA_DIR', 'NO_COLOR=1',
      ...Object.entries(opts.env ?? {}).map(([k, v]) => shQuote(`${k}=${v}`)),
      shQuote(process.execPath), shQuote(COACH), ...args.map(shQuote),
      '; echo EXIT=$?; sleep 120',
    ].join(' ');
    return Tty.start(name, cmd, opts);
  }

  /**
   * Starts a command line of `sh` (an interactive shell, say) in the repository folder, in an
   * 80x50 (by default) terminal; `env` replaces the environment (with TERM=xterm added).
   */
  static shell(argv: string[], env: Record<string, string>, opts: { width?: number; height?: number } = {}): Tty {
    const name = `shell-${process.pid}-${++counter}`;
    const vars = Object.entries({ TERM: 'xterm', ...env }).map(([k, v]) => shQuote(`${k}=${v}`));
    const cmd = ['cd', shQuote(REPO), '&&', 'env', '-i', ...vars, ...argv.map(shQuote), '; echo EXIT=$?; sleep 120'].join(' ');
    return Tty.start(name, cmd, opts);
  }

  private static start(name: string, cmd: string, opts: { width?: number; height?: number }): Tty {
    const session = ['new-session', '-d', '-s', name, '-x', String(opts.width ?? 80), '-y', String(opts.height ?? 50), cmd];
    // Killing the last session makes the server exit; a new session asked for while it is still
    // going (a busy machine) fails with "server exited unexpectedly". Ask again, once it is gone.
    for (let attempt = 1; ; attempt++) {
      try {
        tmux(session);
        break;
      } catch (e) {
        if (attempt >= 5 || !/server exited unexpectedly/.test(String((e as Error).message))) throw e;
        spawnSync('sleep', ['0.2']);
      }
    }
    return new Tty(name);
  }

  /** Text typed literally (no key names). */
  type(text: string): void {
    tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /** Text pasted as a terminal pastes it: all at once, each line break sent as a carriage return. */
  paste(text: string): void {
    tmux(['set-buffer', '-b', this.name, '--', text]);
    tmux(['paste-buffer', '-d', '-b', this.name, '-t', this.name]);
  }

  /** Named keys: Enter, Down, C-d, C-c... */
  keys(...keys: string[]): void {
    tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /**
   * Everything the terminal shows and has scrolled off, with lines the terminal wrapped joined
   * back (-J), so a line wider than the terminal shows up as one long line.
   */
  screen(): string {
    return tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.name])
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .replace(/\n+$/, '\n');
  }

  /** Only what the terminal shows now (its height in lines), not what has scrolled off. */
  visible(): string {
    return tmux(['capture-pane', '-p', '-t', this.name])
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n');
  }

  /** The terminal's cursor: column and line on the visible screen, from 0. */
  cursorAt(): { x: number; y: number } {
    const [x, y] = tmux(['display-message', '-p', '-t', this.name, '#{cursor_x} #{cursor_y}']).trim().split(' ').map(Number);
    return { x: x!, y: y! };
  }

  /**
   * Polls the screen until `until` matches it, and returns the screen. Fails early, with the
   * screen, if the command ends first.
   */
  async waitFor(until: RegExp | string | ((screen: string) => boolean), opts: WaitOptions = {}): Promise<string> {
    const test = typeof until === 'function' ? until : typeof until === 'string' ? (s: string) => s.includes(until) : (s: string) => until.test(s);
    const what = opts.what ?? String(until);
    const deadline = Date.now() + (opts.timeout ?? 10_000);
    let screen = '';
    for (;;) {
      screen = this.screen();
      if (test(screen)) return screen;
      if (/^EXIT=\d+$/m.test(screen)) throw new Error(`coach ended before ${what} appeared. Screen:\n${screen}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}. Screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits for the command to end and returns its exit code. */
  async exitCode(timeout = 10_000): Promise<number> {
    const screen = await this.waitFor(/^EXIT=\d+$/m, { timeout, what: 'the end of the command (EXIT=)' });
    return Number(/^EXIT=(\d+)$/m.exec(screen)![1]);
  }

  /** The highlighted choice of the select menu on screen, if any. */
  private cursor(screen: string): string | null {
    const all = [...screen.matchAll(/^❯ (.*)$/gm)];
    return all.length ? all[all.length - 1]![1]! : null;
  }

  /**
   * In the select menu on screen, moves down to the choice `label` and selects it. The caller
   * waits first for something that only the wanted menu shows (a menu that is just closing
   * still has its cursor line for a moment).
   */
  async choose(label: string): Promise<void> {
    await this.waitFor((s) => this.cursor(s) !== null, { what: 'a select menu' });
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      const current = this.cursor(this.screen());
      if (current === label) {
        this.keys('Enter');
        return;
      }
      seen.push(String(current));
      this.keys('Down');
      await this.waitFor((s) => this.cursor(s) !== current, { what: `the menu cursor to move from "${current}"` });
    }
    throw new Error(`no choice "${label}" in the menu (saw: ${seen.join(' | ')}). Screen:\n${this.screen()}`);
  }

  kill(): void {
    spawnSync('tmux', ['-S', socket(), 'kill-session', '-t', this.name], { encoding: 'utf8' });
  }
}

/** The records of DIR/history.jsonl, in order (an empty list when there is no file). */
export function readHistory(dir: string): any[] {
  const file = join(dir, 'history.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

/** Occurrences of `needle` in `text`. */
export function count(text: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return text.split(needle).length - 1;
  return [...text.matchAll(new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`))].length;
}

/** The lines from the last line starting with `start` up to (not including) the first after it matching `end`. */
export function block(screen: string, start: string, end: RegExp, nth?: number): string[] {
  const lines = screen.split('\n');
  const starts = lines.flatMap((l, i) => (l.startsWith(start) ? [i] : []));
  const from = nth === undefined ? starts[starts.length - 1] : starts[nth];
  if (from === undefined) return [];
  const out: string[] = [];
  for (let i = from; i < lines.length && (i === from || !end.test(lines[i]!)); i++) out.push(lines[i]!);
  return out;
}

/** Fresh data folders for one test file (prefix names them), all removed when its tests end. */
export function dataDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(d);
    return d;
  };
}

/**
 * Inside a describe: starts coach in a terminal of its own; the terminal is closed after each
 * test and this process's tmux server after the last.
 */
export function coachTerminals(): (args: string[], opts?: Parameters<typeof Tty.coach>[1]) => Tty {
  let tty: Tty | null = null;
  afterEach(() => {
    tty?.kill();
    tty = null;
  });
  afterAll(() => killTmuxServer());
  return (args, opts = {}) => (tty = Tty.coach(args, opts));
}
