import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * HistoryStore on its own: short writes, cut lines from an older crash, a record glued after a
 * cut line by a concurrent writer. The real file system is used throughout; writeSync can be made
 * to write fewer bytes than asked, as the kernel does for a process killed in the middle of a
 * write or a full disk.
 */

const short = vi.hoisted(() => ({ plan: [] as number[] }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const writeSync = ((fd: number, buf: Buffer, off?: number, len?: number, pos?: number | null) => {
    const limit = short.plan.shift();
    const length = len ?? buf.length - (off ?? 0);
    return fs.writeSync(fd, buf, off ?? 0, limit === undefined ? length : Math.min(limit, length), pos ?? null);
  }) as typeof fs.writeSync;
  return { ...fs, default: { ...fs, writeSync }, writeSync };
});

const { HistoryStore } = await import('../../src/io/history.js');
type HistoryRecord = import('../../src/io/history.js').HistoryRecord;

const dirs: string[] = [];
function store(): InstanceType<typeof HistoryStore> {
  const d = mkdtempSync(join(tmpdir(), 'coach-history-unit-'));
  dirs.push(d);
  return new HistoryStore(d);
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An assessment as the scorer writes it (records are checked against their schema when read). */
function assessment(score: number): import('../../src/core/types.js').Assessment {
  const part = { present: false, spans: [] };
  return {
    question: 'Tell me about a time you helped a customer.', questionId: null, competency: 'customer-focus', competencyInferred: false,
    kind: 'behavioural', kindSource: 'wording', level: 'medium', score,
    star: { situation: part, task: part, action: part, result: part }, indicators: [], feedback: [], reasons: [],
  };
}

function answer(i: number): HistoryRecord {
  return {
    v: 1, type: 'answer', session: 's1', at: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, attempt: 1, questionId: null, mode: 'batch',
    answer: `answer ${i}: I asked what she needed {"v":1,"type":"answer"} and fixed it.`,
    assessment: assessment(50 + (i % 20)),
  };
}
const answersOf = (s: InstanceType<typeof HistoryStore>): string[] => s.read().records.map((r) => (r as { answer: string }).answer);

describe('HistoryStore', () => {
  it('appends whole lines, v and type first, and reads them back', () => {
    const s = store();
    s.append(answer(0));
    s.appendMany([answer(1), answer(2)]);
    const text = readFileSync(s.file, 'utf8');
    expect(text.split('\n')).toHaveLength(4);
    for (const line of text.trimEnd().split('\n')) expect(line.startsWith('{"v":1,"type":"answer"')).toBe(true);
    expect(answersOf(s)).toEqual([0, 1, 2].map((i) => (answer(i) as { answer: string }).answer));
    expect(s.read().skipped).toEqual([]);
  });

  it('a short write: the lines written whole are kept, the cut record is written again whole on a fresh line', () => {
    const s = store();
    s.append(answer(0));
    const recs = [1, 2, 3, 4].map(answer);
    const lineLen = Buffer.byteLength(JSON.stringify(recs[0])) + 1;
    // 1.5 lines, then 10 bytes, then the rest.
    short.plan = [Math.floor(lineLen * 1.5), 10];
    s.appendMany(recs);
    expect(short.plan).toEqual([]);
    expect(answersOf(s)).toEqual([0, 1, 2, 3, 4].map((i) => (answer(i) as { answer: string }).answer));
    // The two cut copies of record 2 are reported, nothing else.
    expect(s.read().skipped).toEqual([3, 4]);
  });

  it('a short write that ends exactly at a line end needs no fresh line', () => {
    const s = store();
    const recs = [0, 1, 2].map(answer);
    short.plan = [Buffer.byteLength(JSON.stringify(recs[0])) + 1];
    s.appendMany(recs);
    expect(answersOf(s)).toHaveLength(3);
    expect(s.read().skipped).toEqual([]);
  });

  it('writes that keep stopping short of a whole record end in an error, not a loop; the cut text is skipped on reading', () => {
    const s = store();
    s.append(answer(0));
    short.plan = [20, 20, 20, 20, 20, 20];
    expect(() => s.appendMany([answer(1)])).toThrow(/could not write to .*history\.jsonl/);
    short.plan = [];
    expect(answersOf(s)).toHaveLength(1);
    s.append(answer(2));
    expect(answersOf(s)).toHaveLength(2);
    expect(s.read().skipped.length).toBeGreaterThan(0);
  });

  it('a cut last line from an older crash is skipped and reported; the next append starts on a fresh line', () => {
    const s = store();
    s.appendMany([answer(0), answer(1)]);
    const text = readFileSync(s.file, 'utf8');
    writeFileSync(s.file, text.slice(0, text.length - 40));
    expect(answersOf(s)).toHaveLength(1);
    const r = s.read();
    expect(r.skipped).toEqual([2]);
    expect(s.describeSkipped(r.skippedLines)).toEqual([`${s.file}:2: skipped a line that could not be read (cut short by a crash?)`]);
    s.appendMany([answer(2), answer(3)]);
    expect(answersOf(s).map((a) => a.split(':')[0])).toEqual(['answer 0', 'answer 2', 'answer 3']);
    expect(s.read().skipped).toEqual([2]);
  });

  it('a record glued after a cut line (another writer cut it between the check and the write) is kept', () => {
    const s = store();
    s.append(answer(0));
    const cut = JSON.stringify(answer(1)).slice(0, 70);
    appendFileSync(s.file, `${cut}${JSON.stringify(answer(2))}\n`);
    const r = s.read();
    expect(r.records).toHaveLength(2);
    expect(r.skippedLines).toEqual([{ line: 2, recovered: true }]);
    expect(s.describeSkipped(r.skippedLines)[0]).toMatch(/:2: skipped the start of a line .*the record after it was kept$/);
  });

  it('two writers that both saw a cut line leave an empty line, which is ignored', () => {
    const s = store();
    writeFileSync(s.file, `${JSON.stringify(answer(0)).slice(0, 50)}\n\n${JSON.stringify(answer(1))}\n\n${JSON.stringify(answer(2))}\n`);
    expect(answersOf(s)).toHaveLength(2);
    expect(s.read().skipped).toEqual([1]);
  });

  it('lines that are JSON but not records, or records missing what readers need, are skipped, not fatal', () => {
    const s = store();
    writeFileSync(
      s.file,
      ['null', '[1]', '42', '"x"', '{"v":1,"type":"answer","session":"s","at":"t"}', '{"v":1,"type":"nope","session":"s","at":"t"}', '\ufeff{', '\u0000\u0000', JSON.stringify(answer(5))].join('\n'),
    );
    const r = s.read();
    expect(r.records).toHaveLength(1);
    expect(r.skipped).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s.describeSkipped(r.skippedLines)).toHaveLength(6);
    expect(s.describeSkipped(r.skippedLines).at(-1)).toBe(`${s.file}: skipped 3 more unreadable line(s)`);
  });

  it('a missing file reads as empty', () => {
    expect(store().read()).toEqual({ records: [], skipped: [], skippedLines: [] });
  });
});
