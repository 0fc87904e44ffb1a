import { existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import type { FeedbackItem } from '../../src/core/types.js';
import { buildCandidateReport, type ReportAnswer } from '../../src/report/candidate-report.js';
import { renderReportHtml } from '../../src/render/report-html.js';
import { LEVEL_FILL, LEVEL_TEXT } from '../../src/render/report-html-css.js';
import { ANA, EXAMPLE_ANSWERS, SAM, writeHistory } from './report-history.js';
import { runCoach } from './run-coach.js';

// Opens the HTML reports in Debian's headless Chromium (installed by .ci/chromium); never
// downloads a browser. Each page is checked at a phone's width (390 pixels) and a desktop's
// (1280), and in print; screenshots go to $COACH_SCREENSHOTS (else the temporary folder).
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = process.env['COACH_SCREENSHOTS'] || mkdtempSync(join(tmpdir(), 'coach-shots-'));
const XSS = `<script>alert(1)</script> then "><img src=x onerror=alert(1)>`;
const WIDTHS = [390, 1280] as const;

/** The pages: Sam's report from a history of three sessions, two candidates' history, a batch of candidates' files, and its cohort table. */
function pages(): Record<string, string> {
  const data = mkdtempSync(join(tmpdir(), 'coach-chromium-'));
  writeHistory(data, [...SAM, ...ANA]);
  const env = { TZ: 'Europe/London' };
  const report = (args: string[]): string => {
    const r = runCoach([...args, '--data', data, '--format', 'html'], { env });
    if (r.code !== 0) throw new Error(r.stderr);
    return r.stdout;
  };
  const dir = join(data, 'workshop');
  mkdirSync(dir);
  const ex = [...EXAMPLE_ANSWERS.values()];
  writeFileSync(join(dir, 'sam.yaml'), stringify(ex.slice(0, 5).map((e) => ({ ...e, candidate: 'Sam Patel' }))));
  writeFileSync(join(dir, 'ana.yaml'), stringify(ex.slice(4, 9).map((e) => ({ ...e, candidate: 'Ana Silva' }))));
  writeFileSync(join(dir, 'lee.yaml'), stringify([...ex.slice(2, 6), { ...ex[6]!, answer: XSS }].map((e) => ({ ...e, candidate: 'Lee <b>Wong</b>' }))));
  const batch = runCoach(['score', dir, '--format', 'html'], { env });
  if (batch.code !== 0) throw new Error(batch.stderr);
  const workshop = runCoach(['report', '--by', 'candidate', dir, '--format', 'html'], { env });
  if (workshop.code !== 0) throw new Error(workshop.stderr);
  return { candidate: report(['report', '--candidate', 'Sam Patel']), cohort: report(['report']), batch: batch.stdout, workshop: workshop.stdout };
}

describe.skipIf(!hasChromium)(`HTML reports in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} not installed; run .ci/chromium)`}`, () => {
  let browser: Browser;
  let html: Record<string, string>;
  const errors: string[] = [];

  const open = async (name: string, width: number, media: 'screen' | 'print' = 'screen'): Promise<Page> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('pageerror', (e) => errors.push(`${name}: pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${name}: console: ${m.text()}`); });
    page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') errors.push(`${name}: request: ${r.url()}`); });
    await page.emulateMedia({ media });
    await page.setContent(html[name]!, { waitUntil: 'load' });
    return page;
  };

  beforeAll(async () => {
    html = pages();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  for (const name of ['candidate', 'cohort', 'batch', 'workshop']) {
    for (const width of WIDTHS) {
      it(`${name} report at ${width} px: nothing wider than the screen, chart text at least 10 px, level colours matching their words`, async () => {
        const page = await open(name, width);
        const m = await page.evaluate(() => {
          const visible = (e: Element): boolean => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
          // Anything reaching past the right edge, outside a container that scrolls on purpose.
          const wide = [...document.querySelectorAll('main *')].filter((e) => !e.closest('.scroll') && visible(e) && e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.outerHTML.slice(0, 80));
          const charts = [...document.querySelectorAll('svg')].filter(visible);
          const chartText = charts.flatMap((s) => [...s.querySelectorAll('text')].map((t) => t.getBoundingClientRect().height));
          const bars = [...document.querySelectorAll('.bar-fill')].map((f) => {
            const value = f.parentElement!.nextElementSibling!;
            const badge = value.querySelector('.lvl')!;
            return { fill: getComputedStyle(f).backgroundColor, cls: f.className, word: badge.textContent, colour: getComputedStyle(badge).color, mean: Number(value.getAttribute('data-mean')) };
          });
          const badges = [...document.querySelectorAll('.lvl')].map((b) => ({ cls: b.className, word: b.textContent, colour: getComputedStyle(b).color }));
          return { scrollWidth: document.documentElement.scrollWidth, wide, charts: charts.map((c) => c.getAttribute('class')), chartText, bars, badges };
        });
        await page.screenshot({ path: join(SHOTS, `report-${name}-${width}.png`), fullPage: true });
        await page.close();
        expect(m.scrollWidth).toBeLessThanOrEqual(width);
        expect(m.wide).toEqual([]);
        for (const h of m.chartText) expect(h).toBeGreaterThanOrEqual(10);
        if (name === 'candidate') expect(m.charts).toEqual([width < 640 ? 'chart-narrow' : 'chart-wide']);
        else expect(m.charts.every((c) => c === 'spark')).toBe(true);
        const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
        // The cohort table has no bars: a mean and its band in each cell.
        expect(m.bars.length).toBe(name === 'workshop' ? 0 : 6);
        expect(m.badges.length).toBeGreaterThan(10);
        for (const b of m.bars) {
          const band = b.mean >= 70 ? 'high' : b.mean >= 40 ? 'medium' : 'low';
          expect(b.cls).toBe(`bar-fill fill-${band}`);
          expect(b.fill).toBe(rgb(LEVEL_FILL[band]));
          expect(b.word).toBe(`${band} band`);
          expect(b.colour).toBe(rgb(LEVEL_TEXT[band]));
        }
        for (const b of m.badges) {
          const level = /lvl-(low|medium|high)/.exec(b.cls)![1] as 'low' | 'medium' | 'high';
          expect(b.word?.replace(/ band$/, '')).toBe(level);
          expect(b.colour).toBe(rgb(LEVEL_TEXT[level]));
        }
      }, 30_000);
    }
  }

  it('in print: the wide chart only, within the page, and black text; a PDF is made', async () => {
    const page = await open('candidate', 794, 'print');
    const m = await page.evaluate(() => ({
      charts: [...document.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 0).map((s) => ({ cls: s.getAttribute('class'), right: s.getBoundingClientRect().right })),
      body: document.body.getBoundingClientRect().right,
      muted: getComputedStyle(document.querySelector('.muted')!).color,
    }));
    expect(m.charts.map((c) => c.cls)).toEqual(['chart-wide']);
    for (const c of m.charts) expect(c.right).toBeLessThanOrEqual(m.body + 0.5);
    expect(m.muted).toBe('rgb(0, 0, 0)');
    const pdf = join(SHOTS, 'report-candidate-print.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    await page.screenshot({ path: join(SHOTS, 'report-candidate-print.png'), fullPage: true });
    await page.close();
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
  }, 30_000);

  it('shows malicious text as text and runs none of it', async () => {
    const step: FeedbackItem = { indicator: 'empathy', name: 'empathy', target: 'high', message: 'Show empathy.', source: { file: '003_e9bd570a2da6908b.txt', quote: 'Acknowledge feelings.' } };
    const answers: ReportAnswer[] = [
      { candidate: 'Sam <b>Lee</b>', session: 's1', at: '2025-01-10T09:00:00Z', questionId: null, question: 'Q?', competency: 'customer-focus', answer: XSS, level: 'high', score: 81, star: { situation: true, task: true, action: true, result: true }, feedback: [step] },
    ];
    html['xss'] = renderReportHtml(buildCandidateReport(answers, new Map(), { candidate: 'Sam <b>Lee</b>', since: null, generatedAt: '2025-03-15T12:00:00Z' }));
    const page = await open('xss', 1280);
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain('Sam <b>Lee</b>');
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(0);
    expect(await page.$$('b')).toHaveLength(0);
    await page.close();
    const batch = await open('batch', 1280);
    expect(await batch.evaluate(() => document.body.innerText)).toContain('Lee <b>Wong</b>');
    expect(await batch.$$('b, img, script')).toHaveLength(0);
    await batch.close();
  });

  it('loaded every page with no page errors, console errors or requests', () => {
    expect(errors).toEqual([]);
  });
});
