import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { COACH, EXAMPLES, REPO, STACK_LINE } from '../e2e/run-coach.js';

/**
 * Random bytes as answer files. Inputs are pure random bytes, and valid JSONL / CSV / YAML / JSON /
 * text files mutated: bytes inserted, deleted or flipped, truncated, NUL bytes, invalid UTF-8,
 * BOMs (UTF-8 and UTF-16), CRLF, one format's content under another's extension. Each is written
 * with an extension of .jsonl .csv .yaml .json .txt (or given on standard input) and:
 *  - the reader (dist/io/stream-answers.js, in process, many runs) never throws, never leaves a
 *    rejection unhandled, and yields only answers or located errors;
 *  - the built CLI (`coach score FILE --json`, and `coach score - --json` with the bytes on
 *    standard input; a subprocess, fewer runs) exits 0 or 2 (2 exactly when there are errors),
 *    prints version 1 JSON, never a stack trace or an internal error, and its counts add up:
 *    inputs = scored + failed, results = scored, errors = failed.
 *
 * Seeded: COACH_PROPERTY_SEED=N replays a run (fast-check prints the seed and path of a failure);
 * COACH_PROPERTY_SEED=random explores new inputs; COACH_PROPERTY_RUNS=K multiplies the runs.
 */

const SEED_ENV = process.env['COACH_PROPERTY_SEED'];
const SEED = SEED_ENV === 'random' ? Date.now() % 2 ** 31 : Number(SEED_ENV ?? 424242);
const SCALE = Number(process.env['COACH_PROPERTY_RUNS'] ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

// The built reader, as the CLI runs it (npm test builds first).
const { streamAnswers } = (await import(new URL('../../dist/io/stream-answers.js', import.meta.url).href)) as typeof import('../../src/io/stream-answers.js');

const EXTENSIONS = ['.jsonl', '.csv', '.yaml', '.json', '.txt'] as const;
type Ext = (typeof EXTENSIONS)[number];

const work = mkdtempSync(join(tmpdir(), 'coach-random-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let fileCounter = 0;

// ---------------------------------------------------------------------------------------------
// Inputs

const COMPETENCIES = ['customer-focus', 'teamwork', 'problem-solving', 'communication', 'juggling', ''];
const record = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)),
    question: fc.oneof(fc.constant('Tell me about a time you helped a customer.'), fc.string({ maxLength: 30 }), fc.constant('')),
    competency: fc.constantFrom(...COMPETENCIES),
    answer: fc.oneof(
      fc.constant('I asked her what she needed, gave her two options and she came back the next week.'),
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    ),
  },
  { requiredKeys: [] },
);

const csvField = (v: unknown): string => (v === undefined || v === null ? '' : `"${String(v).replace(/"/g, '""')}"`);

/** A valid document of each format, from records. */
function render(ext: Ext, recs: Array<Record<string, unknown>>): string {
  switch (ext) {
    case '.jsonl': return recs.map((r) => JSON.stringify(r)).join('\n') + '\n';
    case '.csv': return `id,question,competency,answer\n${recs.map((r) => [r['id'], r['question'], r['competency'], r['answer']].map(csvField).join(',')).join('\n')}\n`;
    case '.yaml': return yamlStringify(recs);
    case '.json': return JSON.stringify(recs.length % 2 ? { answers: recs } : recs, null, 1);
    case '.txt': return recs.map((r) => String(r['answer'] ?? '')).join('\n\n');
  }
}

const EXAMPLE_FILES: Record<Ext, Buffer> = {
  '.jsonl': readFileSync(join(EXAMPLES, 'answers.jsonl')),
  '.csv': readFileSync(join(EXAMPLES, 'answers.csv')),
  '.yaml': readFileSync(join(EXAMPLES, 'answers.yaml')),
  '.json': Buffer.from(JSON.stringify(readFileSync(join(EXAMPLES, 'answers.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown), null, 2)),
  '.txt': readFileSync(join(EXAMPLES, 'answer.txt')),
};

/** A valid file to start from: an example file, or records rendered in some format. */
const validBase: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom(...Object.values(EXAMPLE_FILES)),
  fc.tuple(fc.constantFrom(...EXTENSIONS), fc.array(record, { maxLength: 6 })).map(([ext, recs]) => Buffer.from(render(ext, recs), 'utf8')),
);

const BOMS = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff]), Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf])];
// Invalid or awkward UTF-8: a lone continuation byte, a cut two-byte sequence, an overlong NUL,
// a UTF-16 surrogate encoded in UTF-8, bytes that never occur in UTF-8, a cut emoji.
const BAD_UTF8 = [[0x80], [0xc3], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xfe, 0xfe], [0xf0, 0x9f, 0x98], [0xe2, 0x82]].map((b) => Buffer.from(b));
const SPECIAL = [Buffer.from([0]), Buffer.from('\r\n'), Buffer.from('\r'), Buffer.from('"'), Buffer.from('\n'), Buffer.from(','), Buffer.from(':'), Buffer.from('- '), Buffer.from('{'), Buffer.from(']'), Buffer.from('\t'), Buffer.from('&a *a !!binary |'), Buffer.from('\u2028')];

type Mutation = (b: Buffer) => Buffer;
const at = (b: Buffer, f: number): number => Math.floor(f * (b.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([f, bytes]) => (b: Buffer) => Buffer.concat([b.subarray(0, at(b, f)), Buffer.from(bytes), b.subarray(at(b, f))])),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 64 })).map(([f, n]) => (b: Buffer) => Buffer.concat([b.subarray(0, at(b, f)), b.subarray(at(b, f) + n)])),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 7 })).map(([f, bit]) => (b: Buffer) => {
    if (b.length === 0) return b;
    const c = Buffer.from(b);
    const i = Math.min(c.length - 1, at(c, f));
    c[i] = c[i]! ^ (1 << bit);
    return c;
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => (b: Buffer) => b.subarray(0, at(b, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...BAD_UTF8, ...SPECIAL)).map(([f, ins]) => (b: Buffer) => Buffer.concat([b.subarray(0, at(b, f)), ins, b.subarray(at(b, f))])),
  fc.constantFrom(...BOMS).map((bom) => (b: Buffer) => Buffer.concat([bom, b])),
  fc.constant((b: Buffer) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')),
  fc.constant((b: Buffer) => Buffer.from(b.toString('utf8'), 'utf16le')),
  fc.constant((b: Buffer) => Buffer.concat([b, b])),
);

/** Random bytes, or a valid file as it is, with one mutation, or with up to four. */
const content: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 600 }).map((u) => Buffer.from(u)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')) },
  { weight: 1, arbitrary: validBase },
  { weight: 4, arbitrary: fc.tuple(validBase, mutation).map(([b, m]) => m(b)) },
  { weight: 3, arbitrary: fc.tuple(validBase, fc.array(mutation, { minLength: 2, maxLength: 4 })).map(([b, ms]) => ms.reduce((acc, m) => m(acc), b)) },
);

const input = fc.record({ bytes: content, ext: fc.constantFrom(...EXTENSIONS) });

function writeInput(bytes: Buffer, ext: Ext): string {
  const file = join(work, `input-${++fileCounter}${ext}`);
  writeFileSync(file, bytes);
  return file;
}

/** A failing input as the report needs it: extension and bytes in hex. */
const show = (bytes: Buffer, ext: string): string => `${ext} ${bytes.length} bytes: ${bytes.toString('hex')}`;

// ---------------------------------------------------------------------------------------------
// The reader, in process

type Entry = { item: Record<string, unknown> } | { error: Record<string, unknown> };

function checkEntry(e: Entry, file: string): void {
  const keys = Object.keys(e);
  expect(keys.length, JSON.stringify(e)).toBe(1);
  if ('item' in e) {
    const it = e.item;
    expect(typeof it['id']).toBe('string');
    expect(typeof it['question']).toBe('string');
    expect(typeof it['answer']).toBe('string');
    expect(it['file']).toBe(file);
    expect(Number.isInteger(it['line']) && (it['line'] as number) >= 1).toBe(true);
    expect(Number.isInteger(it['column']) && (it['column'] as number) >= 1).toBe(true);
  } else {
    const er = e.error;
    expect(Object.keys(er).sort()).toEqual(['column', 'file', 'line', 'message']);
    expect(er['file']).toBe(file);
    expect(Number.isInteger(er['line']) && (er['line'] as number) >= 1, JSON.stringify(er)).toBe(true);
    expect(Number.isInteger(er['column']) && (er['column'] as number) >= 1, JSON.stringify(er)).toBe(true);
    expect(typeof er['message'] === 'string' && (er['message'] as string).length > 0).toBe(true);
    expect(er['message']).not.toMatch(STACK_LINE);
  }
}

async function readAll(paths: string[], stdin: Buffer | null): Promise<Entry[]> {
  const out: Entry[] = [];
  const files: string[] = [];
  const stream = (): Readable => Readable.from(stdin ? [stdin] : []);
  for await (const e of streamAnswers(paths, { question: undefined, competency: undefined }, stream, undefined, files)) out.push(e as unknown as Entry);
  return out;
}

describe('random bytes as answer files', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };

  it('the reader never throws and yields only answers or located errors (files of every extension, and standard input)', async () => {
    process.on('unhandledRejection', onUnhandled);
    let n = 0;
    let items = 0;
    let errors = 0;
    try {
      await fc.assert(
        fc.asyncProperty(input, async ({ bytes, ext }) => {
          const file = writeInput(bytes, ext);
          let entries: Entry[];
          try {
            entries = await readAll([file], null);
          } catch (e) {
            throw new Error(`the reader threw on ${show(bytes, ext)}:\n${(e as Error).stack}`);
          }
          for (const e of entries) checkEntry(e, file);
          let fromStdin: Entry[];
          try {
            fromStdin = await readAll(['-'], bytes);
          } catch (e) {
            throw new Error(`the reader threw on standard input ${show(bytes, '-')}:\n${(e as Error).stack}`);
          }
          for (const e of fromStdin) checkEntry(e, '-');
          n += 2;
          for (const e of [...entries, ...fromStdin]) 'item' in e ? items++ : errors++;
        }),
        { numRuns: runs(1500), seed: SEED },
      );
      // A rejection left unhandled surfaces on the next turns of the event loop.
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    console.log(`random files, reader in process: ${n} reads (seed ${SEED}), ${items} answers and ${errors} located errors, ${unhandled.length} unhandled rejections`);
    expect(unhandled).toEqual([]);
  }, 60_000);

  // -------------------------------------------------------------------------------------------
  // The CLI, as a subprocess

  function coach(args: string[], stdin: Buffer | null): { code: number | null; stdout: string; stderr: string } {
    const env = { ...process.env };
    for (const k of ['NO_COLOR', 'FORCE_COLOR', 'COACH_DEBUG']) delete env[k];
    const r = spawnSync(process.execPath, [COACH, ...args], { cwd: REPO, env, input: stdin ?? Buffer.alloc(0), encoding: 'utf8', timeout: 20_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  function checkRun(r: { code: number | null; stdout: string; stderr: string }, what: string): { inputs: number; scored: number; failed: number } {
    const ctx = `${what}\nexit ${r.code}\nstderr: ${r.stderr.slice(0, 1500)}\nstdout: ${r.stdout.slice(0, 500)}`;
    expect(r.stderr, ctx).not.toMatch(STACK_LINE);
    expect(r.stderr, ctx).not.toMatch(/internal error|unhandled/i);
    let json: any;
    try {
      json = JSON.parse(r.stdout);
    } catch {
      throw new Error(`stdout is not JSON: ${ctx}`);
    }
    expect(json.version, ctx).toBe(1);
    const s = json.summary;
    expect(s.inputs, ctx).toBe(s.scored + s.failed);
    expect(json.results.length, ctx).toBe(s.scored);
    expect(json.errors.length, ctx).toBe(s.failed);
    expect(s.levels.low + s.levels.medium + s.levels.high, ctx).toBe(s.scored);
    // 2 exactly when an input could not be read (no --fail-under here), else 0.
    expect(r.code, ctx).toBe(json.errors.length > 0 ? 2 : 0);
    return s;
  }

  it('coach score FILE --json and coach score - --json: exit 0 or 2, version 1 JSON, no stack trace, counts add up', () => {
    const counts = { runs: 0, exit0: 0, exit2: 0, inputs: 0, scored: 0, failed: 0 };
    const tally = (code: number | null, s: { inputs: number; scored: number; failed: number }): void => {
      counts.runs++;
      code === 0 ? counts.exit0++ : counts.exit2++;
      counts.inputs += s.inputs;
      counts.scored += s.scored;
      counts.failed += s.failed;
    };
    fc.assert(
      fc.property(input, fc.boolean(), ({ bytes, ext }, viaStdin) => {
        if (viaStdin) {
          const r = coach(['score', '-', '--json'], bytes);
          tally(r.code, checkRun(r, `coach score - --json < ${show(bytes, '(stdin)')}`));
        } else {
          const file = writeInput(bytes, ext);
          // Text files take their question from -q; give it to half of them.
          const q = ext === '.txt' && bytes.length % 2 === 0 ? ['-q', 'Tell me about a time you helped a customer.'] : [];
          const r = coach(['score', file, '--json', ...q], null);
          tally(r.code, checkRun(r, `coach score FILE --json ${q.join(' ')} on ${show(bytes, ext)}`));
        }
      }),
      { numRuns: runs(80), seed: SEED },
    );
    console.log(
      `random files, CLI: ${counts.runs} runs of coach score (seed ${SEED}): exit 0 x${counts.exit0}, exit 2 x${counts.exit2}; ` +
        `${counts.inputs} inputs = ${counts.scored} scored + ${counts.failed} failed; no stack trace, no internal error`,
    );
    expect(counts.inputs).toBe(counts.scored + counts.failed);
  }, 180_000 /* 80 process runs: a bound on a hang, generous for a loaded machine */);

  it('coach score over a folder of random files at once: one JSON document whose counts add up', () => {
    const dir = mkdtempSync(join(work, 'folder-'));
    const samples = fc.sample(input, { numRuns: 40, seed: SEED });
    samples.forEach(({ bytes, ext }, i) => writeFileSync(join(dir, `f${String(i).padStart(2, '0')}${ext}`), bytes));
    const r = coach(['score', dir, '--json', '-q', 'Tell me about a time you helped a customer.'], null);
    const s = checkRun(r, `coach score on a folder of ${samples.length} random files`);
    console.log(`random files, CLI on a folder of ${samples.length} random files: ${s.inputs} inputs = ${s.scored} scored + ${s.failed} failed`);
  });
});
