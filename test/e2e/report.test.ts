import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCoach, runCoachJson, STACK_LINE } from './run-coach.js';

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
    expect(cf.nextSteps.length).toBeGreaterThan(0);
    for (const s of cf.nextSteps) expect(s.source.file).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
    const md = runCoach(['report', '--candidate', 'Ana', '--data', data, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^# Interview practice report: Ana/);
    expect(md.stdout).toContain('**Next steps**');
    const text = runCoach(['report', '--candidate', 'Ana', '--data', data], { env: { NO_COLOR: '1' } });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Customer focus');
    const out = join(data, 'ana.html');
    expect(runCoach(['report', '--candidate', 'Ana', '--data', data, '--format', 'html', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html.match(/<svg /g)?.length).toBe(3);
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
    expect(lines[0]).toMatch(/^candidate,answers,mean_score,.*_level,.*_score,.*weakest$/);
    expect(lines).toHaveLength(4);
  });

  it('writes a self-contained HTML table with every name escaped', () => {
    const r = runCoach(['report', '--by', 'candidate', join(dir, 'answers'), '--format', 'html']);
    expect(r.stdout).toContain('Lee &lt;b&gt;&quot;x&quot;');
    expect(r.stdout).not.toContain('<b>"x"');
    expect(r.stdout).not.toMatch(/https?:\/\//);
  });
});

describe('coach score --format html', () => {
  it('renders the batch as a report', () => {
    const r = runCoach(['score', join(EXAMPLES, 'answers.yaml'), '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(r.stdout).toContain('Customer focus');
  });
});
