import { describe, expect, it } from 'vitest';
import type { FeedbackItem, Level } from '../../src/core/types.js';
import { buildCandidateReport, type ReportAnswer } from '../../src/report/candidate-report.js';
import { esc, renderReportHtml } from '../../src/render/report-html.js';

const XSS = `<script>alert(1)</script> and then "><img src=x onerror=alert(1)>`;

const step = (indicator: string, file: string, quote: string): FeedbackItem => ({
  indicator, name: indicator, target: 'high', message: `Show ${indicator} in what you did.`, source: { file, quote },
});

const answer = (over: Partial<ReportAnswer> & Pick<ReportAnswer, 'competency' | 'session' | 'at' | 'score' | 'level'>): ReportAnswer => ({
  candidate: 'Dana O\'Neil', questionId: null, question: 'Tell me about a time you helped an upset customer.',
  answer: 'I listened, apologised and fixed the refund the same day.',
  star: { situation: true, task: true, action: true, result: false }, feedback: [], ...over,
});

const answers: ReportAnswer[] = [
  answer({ competency: 'customer-focus', session: 's1', at: '2025-01-10T09:00:00Z', score: 35, level: 'low' as Level,
    feedback: [step('empathy', '003_e9bd570a2da6908b.txt', 'Acknowledge the customer\'s feelings first.')] }),
  answer({ competency: 'customer-focus', session: 's2', at: '2025-02-11T09:00:00Z', score: 82, level: 'high', answer: XSS,
    question: 'Describe a complaint you <b>resolved</b>.', star: { situation: true, task: true, action: true, result: true },
    adviser: { level: 'medium', comment: 'Good ownership, but don\'t skip the result & follow-up.' } }),
  answer({ competency: 'customer-focus', session: 's3', at: '2025-03-12T09:00:00Z', score: 58, level: 'medium',
    feedback: [step('empathy', '003_e9bd570a2da6908b.txt', 'Acknowledge the customer\'s feelings first.')] }),
  answer({ competency: 'problem-solving', session: 's2', at: '2025-02-11T10:00:00Z', score: 48, level: 'medium',
    star: { situation: true, task: false, action: true, result: false },
    feedback: [step('root-cause', '011_4f1c2a9b7d3e5f60.txt', 'Find out why it happened, not only what.')] }),
];

const names = new Map([['customer-focus', 'Customer focus'], ['problem-solving', 'Problem solving & ownership']]);
const report = buildCandidateReport(answers, names, { candidate: 'Dana O\'Neil', since: '2025-01-01', generatedAt: '2025-03-15T12:00:00Z' });
const html = renderReportHtml(report);

describe('renderReportHtml', () => {
  it('is one HTML5 document with a language, a title and print styles', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<html[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain('@media print');
    expect(html).toContain('break-inside:avoid');
    expect(html).toContain('<h1>');
  });

  it('reaches for nothing on the network', () => {
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b[^>]*\bsrc/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('shows a malicious answer only as escaped text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/<img\b/i);
    expect(html).toContain('Describe a complaint you &lt;b&gt;resolved&lt;/b&gt;.');
    expect(html).not.toContain('<b>resolved');
    // Names and comments too, in text and attribute values alike.
    expect(html).toContain('Dana O&#39;Neil');
    expect(html).toContain('Problem solving &amp; ownership');
    expect(html).not.toContain('Problem solving & ownership');
    expect(html).not.toContain("O'Neil");
  });

  it('escapes all five characters', () => {
    expect(esc(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });

  it('draws three SVG charts with a size, a viewBox and an accessible label', () => {
    const svgs = html.match(/<svg\b[^>]*>/g) ?? [];
    expect(svgs).toHaveLength(3);
    for (const s of svgs) {
      expect(s).toMatch(/\swidth="\d+"/);
      expect(s).toMatch(/\sheight="\d+"/);
      expect(s).toMatch(/\sviewBox="0 0 \d+ \d+"/);
      expect(s).toContain('role="img"');
      expect(s).toMatch(/aria-label="[^"]+"/);
    }
    // Two competencies: one line of three sessions, one lone dot.
    expect(html.match(/<polyline\b/g)).toHaveLength(1);
    expect(html.match(/<circle\b/g)).toHaveLength(4);
  });

  it('shows every competency with its score, next steps and adviser comments', () => {
    const [cf, ps] = report.competencies;
    expect(cf!.meanScore).toBe(58.3);
    expect(ps!.meanScore).toBe(48);
    for (const s of ['Customer focus', 'Problem solving &amp; ownership', '58.3', '>48<']) expect(html).toContain(s);
    expect(html).toContain('003_e9bd570a2da6908b.txt');
    expect(html).toContain('011_4f1c2a9b7d3e5f60.txt');
    expect(html).toContain('Acknowledge the customer&#39;s feelings first.');
    expect(html).toContain('Good ownership, but don&#39;t skip the result &amp; follow-up.');
    expect(html).toMatch(/adviser <span class="lvl lvl-medium">medium<\/span> · coach <span class="lvl lvl-high">high<\/span>/);
    expect(html).toContain('since 2025-01-01');
    expect(html).toContain('4 answers');
    expect(html).toContain('3 sessions');
  });

  it('keeps headings in order', () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it('renders an empty report without charts breaking', () => {
    const empty = renderReportHtml(buildCandidateReport([], names, { candidate: null, since: null, generatedAt: '2025-03-15T12:00:00Z' }));
    expect(empty).toContain('All answers');
    expect(empty).toContain('No sessions recorded yet');
    expect(empty.match(/<svg\b/g)).toHaveLength(3);
    expect(empty).not.toContain('NaN');
    expect(html).not.toContain('NaN');
  });
});
