import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, Level } from '../core/types.js';

export interface SessionRecord {
  v: 1;
  type: 'session';
  session: string;
  at: string;
  plan: { how: string; count: number; seconds?: number };
  /** The candidate an adviser filed the session under. */
  candidate?: string;
}

export interface AnswerRecord {
  v: 1;
  type: 'answer';
  session: string;
  at: string;
  /** 1 for the first answer to a question, 2 for the first retry... */
  attempt: number;
  questionId: string | null;
  /** How it was answered: in practice, or scored from a file (coach score --candidate). */
  mode: 'free' | 'guided' | 'editor' | 'batch';
  /** Seconds allowed, and whether they ran out. */
  timed?: { seconds: number; expired: boolean };
  answer: string;
  assessment: Assessment;
  candidate?: string;
}

/** An adviser's own judgement of an answer, kept beside the coach's (never overwriting it). */
export interface AdviserRecord {
  v: 1;
  type: 'adviser';
  session: string;
  at: string;
  /** The answer reviewed: its session, question and attempt. */
  questionId: string | null;
  attempt: number;
  level: Level;
  comment: string;
  candidate?: string;
}

export type HistoryRecord = SessionRecord | AnswerRecord | AdviserRecord;

/**
 * Where history lives: --data, else COACH_DATA_DIR, else $XDG_DATA_HOME/coach, else
 * ~/.local/share/coach.
 */
export function dataDir(flag?: string): string {
  if (flag) return flag;
  const env = process.env['COACH_DATA_DIR'];
  if (env) return env;
  const xdg = process.env['XDG_DATA_HOME'];
  return join(xdg && xdg.startsWith('/') ? xdg : join(homedir(), '.local', 'share'), 'coach');
}

/**
 * Practice history as append-only JSON Lines. Each record is one write of one line, flushed to
 * disk before the call returns, so a crash or kill can at worst cut the line being written; a
 * cut line is skipped on reading and never hides the records before it.
 */
export class HistoryStore {
  readonly file: string;

  constructor(readonly dir: string) {
    this.file = join(dir, 'history.jsonl');
  }

  append(record: HistoryRecord): void {
    this.appendMany([record]);
  }

  /** Several records in one write and one flush: a batch filed by coach score --candidate. */
  appendMany(records: HistoryRecord[]): void {
    if (records.length === 0) return;
    mkdirSync(this.dir, { recursive: true });
    const fd = openSync(this.file, 'a+');
    try {
      // A line that a crash cut short has no newline: start on a fresh line so the new record
      // stays whole.
      const size = fstatSync(fd).size;
      const last = Buffer.alloc(1);
      const cut = size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a;
      writeSync(fd, `${cut ? '\n' : ''}${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Every readable record, and the lines that could not be read (a cut last line, say). */
  read(): { records: HistoryRecord[]; skipped: number[] } {
    if (!existsSync(this.file)) return { records: [], skipped: [] };
    const records: HistoryRecord[] = [];
    const skipped: number[] = [];
    readFileSync(this.file, 'utf8').split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const r = JSON.parse(line) as HistoryRecord;
        if (r && (r.type === 'session' || r.type === 'answer' || r.type === 'adviser')) records.push(r);
        else skipped.push(i + 1);
      } catch {
        skipped.push(i + 1);
      }
    });
    return { records, skipped };
  }
}
