import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { FeedbackItem } from '../../src/core/types.js';
import { buildCandidateReport, type ReportAnswer } from '../../src/report/candidate-report.js';
import { renderReportHtml } from '../../src/render/report-html.js';

// Opens the HTML report in Debian's headless Chromium (installed by .ci/chromium); never downloads a browser.
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const XSS = `<script>alert(1)</script> then "><img src=x onerror=alert(1)>`;

const step = (indicator: string, file: string): FeedbackItem => ({
  indicator, name: indicator, target: 'high', message: `Show ${indicator} in what you did.`, source: { file, quote: `What the rubric says about ${indicator}.` },
});
const base = { candidate: 'Sam <b>Lee</b>', questionId: null, question: 'Tell me about a time you helped an upset customer.', answer: 'I listened and fixed it.', feedback: [] as FeedbackItem[] };
const answers: ReportAnswer[] = [
  { ...base, competency: 'customer-focus', session: 's1', at: '2025-01-10T09:00:00Z', score: 32, level: 'low', star: { situation: true, task: false, action: true, result: false }, feedback: [step('empathy', '003_e9bd570a2da6908b.txt')] },
  { ...base, competency: 'customer-focus', session: 's2', at: '2025-02-10T09:00:00Z', score: 55, level: 'medium', star: { situation: true, task: true, action: true, result: false }, feedback: [step('follow-up', '007_1a2b3c4d5e6f7a8b.txt')] },
  { ...base, competency: 'customer-focus', session: 's3', at: '2025-03-10T09:00:00Z', score: 81, level: 'high', answer: XSS, star: { situation: true, task: true, action: true, result: true }, adviser: { level: 'medium', comment: 'Strong, but say what you learned.' } },
  { ...base, competency: 'problem-solving', session: 's2', at: '2025-02-10T10:00:00Z', score: 46, level: 'medium', star: { situation: true, task: false, action: true, result: true }, feedback: [step('root-cause', '011_4f1c2a9b7d3e5f60.txt')] },
];
const names = new Map([['customer-focus', 'Customer focus'], ['problem-solving', 'Problem solving & ownership']]);
const html = renderReportHtml(buildCandidateReport(answers, names, { candidate: 'Sam <b>Lee</b>', since: '2025-01-01', generatedAt: '2025-03-15T12:00:00Z' }));

describe.skipIf(!hasChromium)(`HTML report in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} not installed; run .ci/chromium)`}`, () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('request', (r) => { if (!r.url().startsWith('data:') && r.url() !== 'about:blank') errors.push(`request: ${r.url()}`); });
    await page.setContent(html, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no page errors, console errors or requests', () => {
    expect(errors).toEqual([]);
  });

  it('draws every chart with a non-zero size', async () => {
    const boxes = await page.$$eval('svg', (els) => els.map((e) => {
      const r = e.getBoundingClientRect();
      return { w: r.width, h: r.height, label: e.getAttribute('aria-label') };
    }));
    expect(boxes).toHaveLength(3);
    for (const b of boxes) {
      expect(b.w).toBeGreaterThan(0);
      expect(b.h).toBeGreaterThan(0);
      expect(b.label).toBeTruthy();
    }
  });

  it('shows the malicious answer as text and runs none of it', async () => {
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('"><img src=x onerror=alert(1)>');
    expect(text).toContain('Sam <b>Lee</b>');
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('script')).toHaveLength(0);
    expect(await page.$$('b')).toHaveLength(0);
  });

  it('takes a full-page screenshot', async () => {
    const path = join(tmpdir(), `coach-report-${process.pid}.png`);
    await page.screenshot({ path, fullPage: true });
    expect(statSync(path).size).toBeGreaterThan(1000);
  }, 30_000);
});
