import { describe, expect, it } from 'vitest';
import type { FeedbackItem, Level } from '../../src/core/types.js';
import { levelOfScore } from '../../src/core/level.js';
import { buildCandidateReport, type ReportAnswer } from '../../src/report/candidate-report.js';
import { ReportBuilder } from '../../src/report/report-builder.js';
import { planLabel, sessionName, whenLabel } from '../../src/report/session-names.js';
import { esc, renderReportHtml } from '../../src/render/report-html.js';
import { renderReportMarkdown, renderReportText } from '../../src/render/report-text.js';
import { makeStyle } from '../../src/render/style.js';

const XSS = `<script>alert(1)</script> and then "><img src=x onerror=alert(1)>`;
const PLAIN = makeStyle(null, 80);

const step = (indicator: string, quote = `What the rubric says about ${indicator}.`): FeedbackItem => ({
  indicator, name: indicator, target: 'high', message: `Show ${indicator} in what you did.`, source: { file: '003_e9bd570a2da6908b.txt', title: 'Make customers your top priority', publisher: 'Drake International', quote },
});

const answer = (over: Partial<ReportAnswer> & Pick<ReportAnswer, 'competency' | 'session' | 'at' | 'score' | 'level'>): ReportAnswer => ({
  candidate: 'Dana O\'Neil', questionId: null, question: 'Tell me about a time you helped an upset customer.',
  answer: 'I listened, apologised and fixed the refund the same day.',
  star: { situation: true, task: true, action: true, result: false }, feedback: [], ...over,
});

// Internal ids as coach practice writes them: never to be shown to a reader.
const S1 = '2025-01-10T09-00-00-000Z-c564ec';
const S2 = '2025-02-11T09-00-00-000Z-a1b2c3';
const S3 = '2025-03-12T09-00-00-000Z-d4e5f6';
const sessions = new Map([
  [S1, { at: '2025-01-10T09:00:00.000Z', how: 'set retail' }],
  [S2, { at: '2025-02-11T09:00:00.000Z', how: 'competency customer-focus' }],
  [S3, { at: '2025-03-12T09:00:00.000Z', how: 'mock interview of 5' }],
]);
const naming = { sets: new Map([['retail', 'Retail sales assistant']]), competencies: new Map([['customer-focus', 'Customer focus']]), timeZone: 'UTC' };

const answers: ReportAnswer[] = [
  answer({ competency: 'customer-focus', session: S1, at: '2025-01-10T09:01:00Z', score: 35, level: 'low' as Level, feedback: [step('empathy', 'Acknowledge the customer\'s feelings first.'), step('star.result')] }),
  answer({ competency: 'customer-focus', session: S2, at: '2025-02-11T09:01:00Z', score: 82, level: 'high', answer: XSS,
    question: 'Describe a complaint you <b>resolved</b>.', star: { situation: true, task: true, action: true, result: true },
    adviser: { level: 'medium', comment: 'Good ownership, but don\'t skip the result & follow-up.' } }),
  answer({ competency: 'customer-focus', session: S3, at: '2025-03-12T09:01:00Z', score: 58, level: 'medium', feedback: [step('empathy'), step('star.result')],
    adviser: { level: 'medium', comment: '   ' } }),
  answer({ competency: 'problem-solving', session: S2, at: '2025-02-11T10:00:00Z', score: 48, level: 'medium',
    star: { situation: true, task: false, action: true, result: false }, feedback: [step('root-cause', 'Find out why it happened, not only what.'), step('star.result')] }),
];

const names = new Map([['customer-focus', 'Customer focus'], ['problem-solving', 'Problem solving & ownership']]);
const opts = { candidate: 'Dana O\'Neil', since: '2025-01-01', generatedAt: '2025-03-15T12:00:00Z', sessions, naming };
const report = buildCandidateReport(answers, names, opts);
const html = renderReportHtml(report);

/** Every "<strong>N</strong> <span class="lvl lvl-X">W band</span>" of a page: a mean and the band shown beside it. */
const meansWithBands = (page: string): Array<{ score: number; cls: string; word: string }> =>
  [...page.matchAll(/<strong>([\d.]+)<\/strong> <span class="lvl lvl-(\w+)">(\w+) band<\/span>/g)].map((m) => ({ score: Number(m[1]), cls: m[2]!, word: m[3]! }));

describe('session names', () => {
  it.each([
    ['set retail', 'Retail sales assistant set'],
    ['competency customer-focus', 'Customer focus questions'],
    ['mock interview of 5', 'Mock interview of 5 questions'],
    ['mock interview of 1', 'Mock interview of 1 question'],
    ['random mix', 'Random mix of questions'],
    ['coach score /home/ana/answers.yaml more/b.jsonl', 'coach score answers.yaml b.jsonl'],
    ['set my-own', 'my-own set'],
  ])('plan %j reads "%s"', (how, label) => {
    expect(planLabel(how, naming)).toBe(label);
  });

  it('names a session by weekday, date, time and plan, in the time zone given', () => {
    expect(whenLabel('2026-12-01T14:05:00.000Z', 'UTC')).toBe('Tue 1 Dec 2026, 14:05');
    expect(whenLabel('2026-12-01T14:05:00.000Z', 'Asia/Tokyo')).toBe('Tue 1 Dec 2026, 23:05');
    expect(sessionName('2026-12-01T14:05:00.000Z', 'set retail', naming)).toBe('Tue 1 Dec 2026, 14:05 · Retail sales assistant set');
    expect(sessionName('2026-12-01T14:05:00.000Z', 'unknown', naming)).toBe('Tue 1 Dec 2026, 14:05');
  });

  it('shows sessions by name in HTML, text and Markdown, never by internal id', () => {
    const text = renderReportText(report, PLAIN);
    const md = renderReportMarkdown(report);
    for (const view of [html, text, md]) {
      for (const id of [S1, S2, S3]) expect(view).not.toContain(id);
      expect(view).toMatch(/Fri 10 Jan 2025, 09:00 · Retail sales assistant set/);
      expect(view).toMatch(/Tue 11 Feb 2025, 09:00 · Customer focus questions/);
      expect(view).toMatch(/Wed 12 Mar 2025, 09:00 · Mock interview of 5 questions/);
    }
    // JSON keeps the id for scripts, beside the name.
    expect(report.timeline.map((p) => [p.session, p.name])).toEqual([
      [S1, 'Fri 10 Jan 2025, 09:00 · Retail sales assistant set'],
      [S2, 'Tue 11 Feb 2025, 09:00 · Customer focus questions'],
      [S3, 'Wed 12 Mar 2025, 09:00 · Mock interview of 5 questions'],
    ]);
  });
});

describe('level words and colours', () => {
  it('every level word sits in its own colour', () => {
    const badges = [...html.matchAll(/<span class="lvl lvl-(\w+)">(\w+)/g)];
    expect(badges.length).toBeGreaterThan(10);
    for (const m of badges) expect(m[2]).toBe(m[1]);
  });

  it('every mean shown is called a mean and sits beside the band it falls in, in that band\'s colour', () => {
    const means = meansWithBands(html);
    expect(means.length).toBeGreaterThanOrEqual(6);
    for (const m of means) {
      expect(m.word).toBe(levelOfScore(m.score));
      expect(m.cls).toBe(m.word);
    }
    expect(html).not.toMatch(/typically/i);
  });

  it('each bar is filled in the colour of its mean\'s band, with the most common level said as such', () => {
    const rows = [...html.matchAll(/class="bar-fill fill-(\w+)"[^>]*><\/span><\/div><div class="bar-value" data-mean="([\d.]+)">mean <strong>[\d.]+<\/strong> <span class="lvl lvl-(\w+)">(\w+) band<\/span><\/div><div class="bar-typical">([^]*?)<\/div>/g)];
    expect(rows).toHaveLength(2);
    for (const [, fill, meanScore, cls, word] of rows) {
      expect(fill).toBe(levelOfScore(Number(meanScore)));
      expect(cls).toBe(fill);
      expect(word).toBe(fill);
    }
    // Customer focus: mean 58.3 (medium band), answers low, high, medium: no level has most.
    expect(rows[0]![2]).toBe('58.3');
    expect(rows[0]![5]).toContain('answers: 1 <span class="lvl lvl-low">low</span>, 1 <span class="lvl lvl-medium">medium</span>, 1 <span class="lvl lvl-high">high</span>');
  });

  it('a green bar whose answers were mostly medium says both, in words that cannot be confused', () => {
    const mostlyMedium = [60, 62, 65, 95, 98].map((score, i) => answer({ competency: 'customer-focus', session: S1, at: `2025-01-10T09:0${i}:00Z`, score, level: score >= 70 ? 'high' : 'medium' }));
    mostlyMedium.push(answer({ competency: 'customer-focus', session: S1, at: '2025-01-10T09:09:00Z', score: 68, level: 'medium' }));
    const r = buildCandidateReport(mostlyMedium, names, opts);
    expect(r.competencies[0]).toMatchObject({ meanScore: 74.7, meanLevel: 'high', typicalLevel: 'medium' });
    const page = renderReportHtml(r);
    expect(page).toContain('fill-high');
    expect(page).toContain('mean <strong>74.7</strong> <span class="lvl lvl-high">high band</span>');
    expect(page).toContain('most answers <span class="lvl lvl-medium">medium</span> <span class="muted">(4 of 6)</span>');
    expect(renderReportText(r, PLAIN)).toContain('mean score 74.7 (high band) · most answers medium (4 of 6)');
  });
});

describe('nothing drawn for what is empty', () => {
  it('an adviser review with an empty comment has no quote', () => {
    const section = html.slice(html.indexOf('<h4>Adviser comments</h4>'));
    expect(section.match(/<li><p class="meta">/g)).toHaveLength(2);
    expect(html).toContain('Good ownership, but don&#39;t skip the result &amp; follow-up.');
    expect(html).not.toMatch(/<blockquote[^>]*>\s*<\/blockquote>/);
    expect(renderReportText(report, PLAIN)).toMatch(/Adviser, Wed 12 Mar 2025, 09:01: medium \(coach medium\)\n/);
  });

  it('one session: no progress chart and no progress heading', () => {
    const one = renderReportHtml(buildCandidateReport(answers.map((a) => ({ ...a, session: S1 })), names, opts));
    expect(one).not.toContain('Progress over sessions');
    expect(one).not.toContain('Score per session');
    expect(one).not.toMatch(/<svg\b/);
    expect(one).toContain('Session: Fri 10 Jan 2025, 09:00 · Retail sales assistant set');
  });

  it('no answers: a sentence, no charts and no empty headings', () => {
    const empty = renderReportHtml(buildCandidateReport([], names, { ...opts, candidate: null }));
    expect(empty).toContain('No answers could be scored');
    expect(empty).not.toMatch(/<svg\b|<h2>|<h3>|<h4>/);
    expect(empty).not.toContain('NaN');
    expect(html).not.toContain('NaN');
  });

  it('no heading is followed straight by another heading or the end of its section', () => {
    for (const page of [html, renderReportHtml(buildCandidateReport(answers.map((a) => ({ ...a, candidate: a.competency === 'problem-solving' ? 'Ana' : 'Dana' })), names, opts))]) {
      expect(page).not.toMatch(/<\/h[2-4]>\s*(<h[2-4]\b|<\/section>)/);
    }
  });
});

describe('next steps per competency', () => {
  it('steps given in every competency are said once; each competency lists its own', () => {
    expect(report.sharedSteps.map((s) => [s.indicator, s.answers])).toEqual([['star.result', 3]]);
    const [cf, ps] = report.competencies;
    expect(cf!.nextSteps.map((s) => [s.indicator, s.answers])).toEqual([['empathy', 2]]);
    expect(ps!.nextSteps.map((s) => [s.indicator, s.answers])).toEqual([['root-cause', 1]]);
    expect(html).toContain('Next steps for every competency');
    expect(html).toContain('(towards high; 2 of 3 answers)');
    expect(html.match(/Show star\.result in what you did\./g)).toHaveLength(1);
  });
});

describe('several candidates', () => {
  const ana = (session: string, at: string, score: number): ReportAnswer => answer({ candidate: 'Ana', competency: 'customer-focus', session, at, score, level: levelOfScore(score) });
  const mixed = [
    ...answers.map((a) => ({ ...a, candidate: 'Dana' })),
    ana('a1', '2025-01-20T09:00:00Z', 20), ana('a2', '2025-02-20T09:00:00Z', 40), ana('a2', '2025-02-20T09:05:00Z', 60), ana('a3', '2025-03-20T09:00:00Z', 90),
  ];
  const r = buildCandidateReport(mixed, names, { ...opts, candidate: null });
  const page = renderReportHtml(r);

  it('no line joins two candidates: each line is one candidate\'s own sessions, and no line per competency', () => {
    const lines = [...page.matchAll(/<polyline\b([^>]*)>/g)].map((m) => m[1]!);
    expect(lines).toHaveLength(2);
    for (const attrs of lines) {
      expect(attrs).not.toContain('data-competency');
      const who = /data-candidate="([^"]+)"/.exec(attrs)![1]!;
      const points = /points="([^"]+)"/.exec(attrs)![1]!.trim().split(/\s+/);
      expect(points).toHaveLength(r.candidates.find((c) => c.candidate === who)!.sessions.length);
    }
    expect(r.candidates.map((c) => [c.candidate, c.sessions.map((p) => p.score)])).toEqual([['Ana', [20, 50, 90]], ['Dana', [35, 65, 58]]]);
    expect(page).not.toContain('Progress over sessions');
    expect(page).not.toContain('Score per session');
    expect(page).toContain('Interview practice report: 2 candidates');
  });

  it('a batch with candidates in one run draws no line at all', () => {
    const batch = renderReportHtml(buildCandidateReport(mixed.map((a) => ({ ...a, session: 'batch' })), names, { ...opts, candidate: null }));
    expect(batch).not.toMatch(/<polyline\b/);
    expect(batch).toContain('Candidates');
  });
});

describe('the streaming builder keeps aggregates and a bounded few examples', () => {
  it('10,000 answers: every one counted, three strongest and three weakest kept per competency, candidates past the limit counted not listed', () => {
    const b = new ReportBuilder(names, { examples: 3, maxCandidates: 5 });
    for (let i = 0; i < 10_000; i++) {
      const score = (i * 37) % 101;
      b.add(answer({ candidate: `c${i % 7}`, competency: i % 2 ? 'customer-focus' : 'problem-solving', session: 'batch', at: null, score, level: levelOfScore(score), answer: `Answer ${i}` }));
    }
    const r = b.build({ candidate: null, since: null, generatedAt: '2025-03-15T12:00:00Z', notScored: 2 });
    expect(r.answers).toBe(10_000);
    expect(r.competencies.map((c) => c.answers)).toEqual([5000, 5000]);
    for (const c of r.competencies) {
      expect(c.examples.strongest.map((e) => e.score)).toEqual([100, 100, 100]);
      expect(c.examples.weakest.map((e) => e.score)).toEqual([0, 0, 0]);
    }
    expect(r.candidates).toHaveLength(5);
    expect(r.unlistedAnswers).toBe(r.answers - r.candidates.reduce((n, c) => n + c.answers, 0));
    expect(r.unlistedAnswers).toBeGreaterThan(0);
    const page = renderReportHtml(r);
    expect(page).toContain('Summarised from 10,000 answers');
    expect(page).toContain('2 inputs could not be scored');
    expect(page.match(/<figure class="example">/g)).toHaveLength(12);
  });
});

describe('renderReportHtml', () => {
  it('is one HTML5 document with a language, a title, a viewport and print styles', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside:avoid');
  });

  it('reaches for nothing on the network', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('shows a malicious answer only as escaped text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain('Describe a complaint you &lt;b&gt;resolved&lt;/b&gt;.');
    expect(html).toContain('Dana O&#39;Neil');
    expect(html).toContain('Problem solving &amp; ownership');
    expect(html).not.toContain('Problem solving & ownership');
    expect(html).not.toContain("O'Neil");
  });

  it('escapes all five characters', () => {
    expect(esc(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('draws the progress chart twice (wide and narrow), each with a size, a viewBox and a label; one line per competency with two sessions or more', () => {
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(2);
    expect(svgs[0]).toContain('class="chart-wide"');
    expect(svgs[1]).toContain('class="chart-narrow"');
    for (const s of svgs) {
      expect(s).toMatch(/\sviewBox="0 0 \d+ \d+"/);
      expect(s).toContain('role="img"');
      expect(s).toMatch(/aria-label="[^"]+"/);
    }
    expect(html.match(/<polyline data-competency="customer-focus"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<polyline data-competency="problem-solving"/);
  });

  it('keeps headings in order', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });
});
