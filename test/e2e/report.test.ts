import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCoach, runCoachJson, STACK_LINE } from './run-coach.js';
import { ANA, SAM, writeHistory } from './report-history.js';

const examples = parse(readFileSync(join(EXAMPLES, 'answers.yaml'), 'utf8')) as Array<Record<string, string>>;

describe('coach report from history', () => {
  const data = mkdtempSync(join(tmpdir(), 'coach-report-'));
  it('reports a candidate filed by coach score --candidate, in every format', () => {
    expect(runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--candidate', 'Ana', '--data', data, '--format', 'jsonl']).code).toBe(0);
    const json = runCoachJson(['report', '--candidate', 'Ana', '--data', data, '--format', 'json']).json;
    expect(json.version).toBe(1);
    expect(json.candidate).toBe('Ana');
    expect(json.answers).toBe(9);
    expect(json.levels).toEqual({ low: 3, medium: 3, high: 3 });
    const cf = json.competencies.find((c: any) => c.competency === 'customer-focus');
    expect(cf.best.level).toBe('high');
    expect(cf.nextSteps.length + json.sharedSteps.length).toBeGreaterThan(0);
    for (const s of [...cf.nextSteps, ...json.sharedSteps]) expect(s.source.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    // The batch is one session, named by when it ran and the command, never by its id.
    expect(json.timeline).toHaveLength(1);
    expect(json.timeline[0].session).toMatch(/^batch-/);
    expect(json.timeline[0].name).toMatch(/^\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d · coach score answers\.yaml$/);
    const md = runCoach(['report', '--candidate', 'Ana', '--data', data, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# Interview practice report: Ana/);
    expect(md.stdout).toContain('**Next steps**');
    expect(md.stdout).toContain('coach score answers.yaml');
    expect(md.stdout).not.toMatch(/batch-\d{4}-/);
    const text = runCoach(['report', '--candidate', 'Ana', '--data', data], { env: { NO_COLOR: '1' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Customer focus');
    const out = join(data, 'ana.html');
    expect(runCoach(['report', '--candidate', 'Ana', '--data', data, '--format', 'html', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    // One session: no progress chart; the session by name; no internal id anywhere.
    expect(html).not.toMatch(/<svg /);
    expect(html).toMatch(/Session: \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d · coach score answers\.yaml/);
    expect(html).not.toMatch(/batch-\d{4}-/);
  });

  it('--since filters out older answers, and an unknown candidate is a clear error', () => {
    const future = runCoach(['report', '--candidate', 'Ana', '--data', data, '--since', '2999-01-01']);
    expect(future.code).toBe(1);
    expect(future.stderr).toMatch(/no answers for candidate "Ana" since 2999-01-01/);
    // A name that matches no candidate is "not found": exit 2 (issue 12), with the candidates named.
    const nobody = runCoach(['report', '--candidate', 'Nobody', '--data', data]);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/candidate "Nobody" not found .*"Ana"/);
    expect(nobody.stderr).not.toMatch(STACK_LINE);
    const bad = runCoach(['report', '--data', data, '--since', 'yesterday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});

describe('coach report --by candidate (a workshop folder)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'coach-workshop-'));
  mkdirSync(join(dir, 'answers'));
  writeFileSync(join(dir, 'answers', 'sam.yaml'), stringify(examples.slice(0, 5)));
  writeFileSync(join(dir, 'answers', 'ana.yaml'), stringify(examples.slice(4, 9)));
  writeFileSync(join(dir, 'answers', 'group.yaml'), stringify(examples.slice(0, 3).map((e) => ({ ...e, candidate: 'Lee <b>"x"' }))));

  it('gives one row per candidate (from the record, else the file name) in JSON', () => {
    const r = runCoachJson(['report', '--by', 'candidate', join(dir, 'answers'), '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.json.candidates.map((c: any) => c.candidate)).toEqual(['ana', 'Lee <b>"x"', 'sam']);
    const ana = r.json.candidates.find((c: any) => c.candidate === 'ana');
    expect(ana.answers).toBe(5);
    expect(ana.weakest.length).toBeGreaterThan(0);
  });

  it('writes CSV with a column pair per competency', () => {
    const r = runCoach(['report', '--by', 'candidate', join(dir, 'answers'), '--format', 'csv']);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('Candidate,Answers,Mean score,Band of mean score,'
      + ['Adding value', 'Communication', 'Customer focus', 'Integrity and trust', 'Problem solving and complaints', 'Teamwork and internal customers'].map((c) => `${c}: mean score,${c}: band`).join(',')
      + ',Work on first');
    expect(lines[1]).toMatch(/^ana,5,[\d.]+,(low|medium|high),/);
    expect(lines).toHaveLength(4);
  });

  it('writes a self-contained HTML table with every name escaped', () => {
    const r = runCoach(['report', '--by', 'candidate', join(dir, 'answers'), '--format', 'html']);
    expect(r.stdout).toContain('Lee &lt;b&gt;&quot;x&quot;');
    expect(r.stdout).not.toContain('<b>"x"');
    expect(r.stdout).not.toMatch(/https?:\/\//);
    // Columns in plain words; a table only, no line drawn between candidates.
    expect(r.stdout).toContain('<th scope="col">Customer focus</th>');
    expect(r.stdout).toContain('<th scope="col">Work on first</th>');
    expect(r.stdout).not.toMatch(/<polyline|<svg/);
    for (const m of r.stdout.matchAll(/(\d+(?:\.\d+)?) <span class="lvl lvl-(\w+)">(\w+)<\/span>/g)) {
      expect(m[3]).toBe(m[2]);
      expect(m[2]).toBe(Number(m[1]) >= 70 ? 'high' : Number(m[1]) >= 40 ? 'medium' : 'low');
    }
  });

  it('text names competencies in plain words', () => {
    const r = runCoach(['report', '--by', 'candidate', join(dir, 'answers')], { env: { NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sam: 5 answers, mean score [\d.]+ \((low|medium|high) band\); work on first: /m);
    expect(r.stdout).toContain('Customer focus 99 high');
  });
});

describe('coach score --format html', () => {
  it('renders the batch as a report: one session by name, and the count summarised', () => {
    const r = runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--format', 'html'], { env: { TZ: 'UTC' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout).toContain('Customer focus');
    expect(r.stdout).toMatch(/Session: \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d · coach score answers\.yaml/);
    expect(r.stdout).toContain('Summarised from 9 answers');
    expect(r.stdout).not.toMatch(/<polyline/);
  });

  it('a folder of several candidates\' files: a row each, and no line drawn across them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'coach-batch-'));
    writeFileSync(join(dir, 'sam.yaml'), stringify(examples.slice(0, 5).map((e) => ({ ...e, candidate: 'Sam Patel' }))));
    writeFileSync(join(dir, 'ana.yaml'), stringify(examples.slice(4, 9).map((e) => ({ ...e, candidate: 'Ana Silva' }))));
    const r = runCoach(['score', dir, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Interview practice report: 2 candidates');
    expect(r.stdout).toMatch(/<th scope="row" data-label="Candidate">Ana Silva<\/th><td class="n" data-label="Answers">5<\/td>/);
    expect(r.stdout).toMatch(/<th scope="row" data-label="Candidate">Sam Patel<\/th><td class="n" data-label="Answers">5<\/td>/);
    expect(r.stdout).not.toMatch(/<polyline/);
    expect(r.stdout).not.toContain('Progress over sessions');
  });
});

describe('coach report on a history of sessions', () => {
  const data = mkdtempSync(join(tmpdir(), 'coach-sessions-'));
  const ids = writeHistory(data, [...SAM, ...ANA]);
  const env = { TZ: 'Europe/London', NO_COLOR: '1' };

  it('names each session by date, time and what was practised, in every view and in coach history; never by its id', () => {
    const views = [
      runCoach(['report', '--data', data, '--candidate', 'sam patel'], { env }),
      runCoach(['report', '--data', data, '--candidate', 'Sam Patel', '--format', 'markdown'], { env }),
      runCoach(['report', '--data', data, '--candidate', 'Sam Patel', '--format', 'html'], { env }),
      runCoach(['report', '--data', data, '--format', 'html'], { env }),
      runCoach(['history', '--data', data], { env }),
    ];
    for (const v of views) {
      expect(v.code, v.stderr).toBe(0);
      for (const id of ids) expect(v.stdout).not.toContain(id);
      expect(v.stdout).toContain('Tue 17 Nov 2026, 10:30 · Retail sales assistant set');
      expect(v.stdout).toContain('Tue 24 Nov 2026, 14:05 · Problem solving and complaints questions');
      expect(v.stdout).toContain('Tue 1 Dec 2026, 14:05 · Mock interview of 4 questions');
    }
    expect(views[4]!.stdout).toContain('Fri 20 Nov 2026, 09:00 · Bank branch and customer service set · Ana Silva');
    const json = runCoachJson(['history', '--data', data, '--json'], { env }).json;
    expect(json.sessions.map((s: any) => s.session).sort()).toEqual([...ids].sort());
    expect(json.sessions[0]).toMatchObject({ name: 'Tue 1 Dec 2026, 14:05 · Mock interview of 4 questions', how: 'mock interview of 4', candidate: 'Sam Patel' });
  });

  it('one candidate: a line per competency over their sessions; two candidates: a line per candidate, none across them', () => {
    const sam = runCoach(['report', '--data', data, '--candidate', 'Sam Patel', '--format', 'html'], { env }).stdout;
    expect(sam).toContain('Progress over sessions');
    expect(sam).toMatch(/<polyline data-competency=/);
    expect(sam).not.toMatch(/data-candidate=/);
    const both = runCoach(['report', '--data', data, '--format', 'html'], { env }).stdout;
    const lines = [...both.matchAll(/<polyline\b([^>]*)>/g)].map((m) => m[1]!);
    expect(lines.map((l) => /data-candidate="([^"]+)"/.exec(l)?.[1])).toEqual(['Ana Silva', 'Sam Patel']);
    expect(lines.map((l) => /points="([^"]+)"/.exec(l)![1]!.split(' ').length)).toEqual([2, 3]);
    expect(both).not.toMatch(/data-competency=/);
  });

  it('an adviser review without a comment draws no empty quote', () => {
    const html = runCoach(['report', '--data', data, '--candidate', 'Sam Patel', '--format', 'html'], { env }).stdout;
    expect(html).toContain('Good probing; say what changed for the customer.');
    expect(html.match(/adviser <span class="lvl lvl-(low|high)">/g)).toHaveLength(2);
    expect(html).not.toMatch(/<blockquote[^>]*>\s*<\/blockquote>/);
  });

  it('the level words beside every mean agree with its band and colour', () => {
    const html = runCoach(['report', '--data', data, '--format', 'html'], { env }).stdout;
    const means = [...html.matchAll(/<strong>([\d.]+)<\/strong> <span class="lvl lvl-(\w+)">(\w+) band<\/span>/g)];
    expect(means.length).toBeGreaterThan(8);
    for (const [, score, cls, word] of means) {
      expect(word).toBe(Number(score) >= 70 ? 'high' : Number(score) >= 40 ? 'medium' : 'low');
      expect(cls).toBe(word);
    }
  });
});
