import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, REPO, runCoach, runCoachJson } from './run-coach.js';

// Sources a person can follow (issue 12): every citation, in every format, names the document by
// title and publisher with a quote of whole sentences; JSON keeps a stable source id.

interface Source { id: string; file: string; title: string; author?: string; publication?: string; publisher?: string }
const SOURCES = parseYaml(readFileSync(join(REPO, 'rubrics', 'sources.yaml'), 'utf8')) as Source[];
const ANSWERS = join(EXAMPLES, 'answers.yaml');
const by = (s: Source): string => [s.author, s.publication, s.publisher].filter(Boolean).join(', ');
const HASH_FILE = /\b\d{3}_[0-9a-f]{16}\.txt\b/;

describe('rubrics/sources.yaml', () => {
  it('gives every source a stable id, a title and who published it', () => {
    expect(SOURCES).toHaveLength(5);
    for (const s of SOURCES) {
      expect(s.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.title.length).toBeGreaterThan(5);
      expect(by(s).length, s.id).toBeGreaterThan(3);
    }
    expect(SOURCES.find((s) => s.id === 'times-customer-focus')?.publication).toBe('The Times, London');
  });

  it('every quote in the rubric is whole sentences, with no heading run into it', () => {
    const files = ['indicators/high.yaml', 'indicators/medium.yaml', 'indicators/low.yaml', 'structure.yaml'];
    const quotes = files.flatMap((f) => [...readFileSync(join(REPO, 'rubrics', f), 'utf8').matchAll(/^\s+quote: (.+)$/gm)].map((m) => (parseYaml(`q: ${m[1]}`) as { q: string }).q));
    expect(quotes.length).toBeGreaterThan(30);
    for (const q of quotes) {
      expect(q, q).toMatch(/^[A-Z"]/);
      expect(q, q).toMatch(/[.!?]"?$/);
      expect(q, q).not.toMatch(/^(Listen|Acknowledge|Probe|Offer solutions|Confirm|Express gratitude) [A-Z]/);
    }
  });
});

describe('citations in every format', () => {
  let json: any;
  beforeAll(() => {
    json = runCoachJson(['score', ANSWERS, '--json']).json;
  });

  it('JSON: each source has its id beside the title, publisher and quote (and keeps file)', () => {
    const cited = [...json.results.flatMap((r: any) => [...r.indicators, ...r.feedback].map((x: any) => x.source))];
    expect(cited.length).toBeGreaterThan(20);
    for (const s of cited) {
      const doc = SOURCES.find((d) => d.id === s.id)!;
      expect(doc, JSON.stringify(s)).toBeDefined();
      expect(s.title).toBe(doc.title);
      expect(s.file).toBe(doc.file);
      expect(s.quote).toMatch(/[.!?]"?$/);
    }
    const probe = cited.find((s: any) => s.label === 'Solving problems: Probe');
    expect(probe).toMatchObject({ id: 'drake-top-priority', title: 'Make customers your top priority', publisher: 'Drake International, Hong Kong', quote: "Ask questions to establish the facts; don't jump to conclusions." });
  });

  it('JSONL carries the same source objects', () => {
    const lines = runCoach(['score', ANSWERS, '--format', 'jsonl']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].feedback[0].source).toEqual(json.results[0].feedback[0].source);
  });

  it.each([['text'], ['markdown']])('%s: every next step names its source by title and publisher, with a quote; no file hashes', (format) => {
    const out = runCoach(['score', ANSWERS, '--format', format], { env: { NO_COLOR: '1' } }).stdout.replace(/\s+/g, ' ');
    expect(out).not.toMatch(HASH_FILE);
    for (const r of json.results) {
      for (const f of r.feedback) {
        const doc = SOURCES.find((d) => d.id === f.source.id)!;
        expect(out).toContain(`${doc.title} (${by(doc)})`);
        // The quote's first sentence, whole.
        expect(out).toContain(`"${f.source.quote.match(/^.*?[.!?](?=\s|"?$)/)![0]}`);
      }
    }
  });

  it('csv: next_step ends with the source\'s title, publisher and quote', () => {
    const rows = runCoach(['score', ANSWERS, '--format', 'csv']).stdout;
    expect(rows).not.toMatch(HASH_FILE);
    expect(rows).toContain('(Customer-focused versus operations-focused companies (Shep Hyken, Rack Up Skills): ""Many companies that claim');
  });

  it('html (a batch as a report): sources by title, quotes, no file hashes', () => {
    const html = runCoach(['score', ANSWERS, '--format', 'html']).stdout;
    expect(html).not.toMatch(HASH_FILE);
    expect(html).toMatch(/Source: <cite>[^<]+ \([^<]+\)<\/cite>/);
  });

  describe('reports from the history', () => {
    let data: string;
    beforeAll(() => {
      data = mkdtempSync(join(tmpdir(), 'coach-sources-'));
      runCoach(['score', ANSWERS, '--candidate', 'Sam Patel', '--data', data]);
    });
    afterAll(() => rmSync(data, { recursive: true, force: true }));
    it.each([['text'], ['markdown'], ['html']])('%s report names sources by title, never by file', (format) => {
      const out = runCoach(['report', '--candidate', 'Sam Patel', '--format', format, '--data', data], { env: { NO_COLOR: '1' } }).stdout;
      expect(out).not.toMatch(HASH_FILE);
      expect(out).toMatch(/Make customers your top priority|Customer focus as a competency|Customer-focused versus operations-focused companies/);
    });
  });
});

describe('coach bank show SOURCE', () => {
  it('shows one source, who published it, and the indicators drawn from it with their quotes', () => {
    const r = runCoach(['bank', 'show', 'times-customer-focus'], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Customer focus as a competency {2}times-customer-focus$/m);
    expect(r.stdout).toContain('The Times, London');
    expect(r.stdout).toMatch(/Indicators drawn from it \(\d+\)/);
    expect(r.stdout).toContain('trust-over-sale');
  });

  it('finds a source by its file name too, and --json lists its indicators', () => {
    const r = runCoachJson(['bank', 'show', '003_e9bd570a2da6908b.txt', '--json']);
    expect(r.json.type).toBe('source');
    expect(r.json.source.id).toBe('drake-top-priority');
    expect(r.json.source.indicators).toContain('probes-need');
  });
});
