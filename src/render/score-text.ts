import { STAR_PARTS, type IndicatorFinding } from '../core/types.js';
import type { InputError } from '../io/errors.js';
import type { ResultRecord, ScoreReport, ScoreSummary } from '../report/score-report.js';
import { renderWhole, type ScoreView } from './score-view.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';
import { citation } from './citation.js';
import { plural } from './plural.js';

const LABEL = 8;
const pad = (s: string): string => s.padEnd(LABEL);

function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? `${t.slice(0, max - 1)}…` : t}"`;
}

function indicatorLine(f: IndicatorFinding, st: Style): string | null {
  const ev = f.evidence.find((e) => e.shown === f.shown) ?? f.evidence[0]!;
  if (f.warning && f.counted) return `${st.warn('!')} ${f.name} ${st.dim(quote(ev.text))}`;
  if (f.counted && f.level !== 'low') return `${st.good('✓')} ${f.name} ${st.dim(quote(ev.text))}`;
  if (f.level === 'low') return null;
  const why = f.shown === 'named' ? 'named, not shown' : f.shown === 'negated' ? 'said you did not' : f.shown === 'others' ? 'done by someone else' : f.shown === 'step' ? 'only as "I would"' : 'not counted';
  return `${st.dim('·')} ${st.dim(`${f.name} (${why})`)} ${st.dim(quote(ev.text, 40))}`;
}

export function renderResultText(record: ResultRecord, st: Style): string {
  const r = inertData(record);
  const out: string[] = [];
  const w = st.width;
  const inferred = r.competencyInferred ? ', inferred' : '';
  out.push(`${st.bold(r.id)}  ${st.level(r.level, r.level.toUpperCase())} ${st.bold(String(r.score))}/100  ${st.dim(`${r.competency}${inferred} · ${r.kind}`)}`);
  out.push(`  ${pad('Q')}${wrap(r.question, w, ' '.repeat(2 + LABEL))}`);
  const star = STAR_PARTS.map((p) => (r.star[p].present ? st.good(`✓ ${p}`) : st.dim(`✗ ${p}`))).join('  ');
  out.push(`  ${pad('STAR')}${star}`);
  r.reasons.forEach((reason, i) => out.push(`  ${pad(i === 0 ? 'Why' : '')}${wrap(reason, w, ' '.repeat(2 + LABEL))}`));
  const lines = r.indicators.map((f) => indicatorLine(f, st)).filter((l): l is string => l !== null);
  lines.forEach((l, i) => out.push(`  ${pad(i === 0 ? 'Shown' : '')}${wrap(l, w, ' '.repeat(2 + LABEL + 2))}`));
  r.feedback.forEach((f, i) => {
    out.push(`  ${pad(i === 0 ? 'Next' : '')}${wrap(`${i + 1}. ${f.message}`, w, ' '.repeat(2 + LABEL + 3))}`);
    out.push(`  ${pad('')}   ${st.dim(wrap(citation(f.source, 110), w, ' '.repeat(2 + LABEL + 3)))}`);
  });
  return out.join('\n');
}

export function renderSummaryText(s: ScoreSummary, st: Style): string {
  const parts = [`${s.scored} scored`, `${s.failed} failed`, `${st.level('low', String(s.levels.low))} low`, `${st.level('medium', String(s.levels.medium))} medium`, `${st.level('high', String(s.levels.high))} high`];
  if (s.meanScore !== null) parts.push(`mean score ${s.meanScore}`);
  if (s.failUnder) parts.push(`${s.failUnder.below} below ${s.failUnder.level}`);
  return `${plural(s.inputs, 'input')}: ${parts.join(', ')}`;
}

/**
 * The terminal view, written as it is scored: one block per answer, a blank line between, then a
 * summary line (left out for a single answer with nothing failed). Errors go to standard error.
 */
export function textView(st: Style): ScoreView {
  return {
    head: '',
    separator: 2,
    result: (r) => `\n\n${renderResultText(r, st)}`,
    tail: (end) => {
      const summary = end.results !== 1 || end.summary.failed > 0 ? `${end.results > 0 ? '\n\n' : ''}${st.dim(renderSummaryText(end.summary, st))}` : '';
      return `${summary}\n`;
    },
  };
}

export function renderScoreText(report: ScoreReport, st: Style): string {
  return renderWhole(textView(st), report);
}

export function renderErrorsText(errors: InputError[], st: Style): string {
  return inertData(errors).map((e) => `${st.bad('error')} ${e.file}:${e.line}:${e.column}: ${e.message}\n`).join('');
}
