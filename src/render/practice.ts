import type { Comparison } from '../core/compare.js';
import type { StyleNotes } from '../core/style-notes.js';
import { STAR_PARTS, type Assessment, type IndicatorData, type Level, type QuestionData, type StarPartName } from '../core/types.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';
import { citation } from './citation.js';

const TAG: Record<StarPartName, string> = { situation: 'S', task: 'T', action: 'A', result: 'R' };

function rule(title: string, st: Style): string {
  const line = '─'.repeat(Math.max(0, Math.min(st.width, 80) - title.length - 4));
  return st.dim(`── ${title} ${line}`);
}

/** The answer sentence by sentence, each tagged with the STAR parts it shows. */
function taggedAnswer(answer: string, a: Assessment, st: Style): string[] {
  const tagsAt = new Map<number, { end: number; parts: StarPartName[] }>();
  for (const p of STAR_PARTS) {
    for (const s of a.star[p].spans) {
      const t = tagsAt.get(s.start) ?? { end: s.end, parts: [] };
      t.parts.push(p);
      tagsAt.set(s.start, t);
    }
  }
  const out: string[] = [];
  let pos = 0;
  const starts = [...tagsAt.keys()].sort((x, y) => x - y);
  const width = st.width;
  const emit = (text: string, parts: StarPartName[]): void => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (!t) return;
    const tag = parts.length ? `[${parts.map((p) => TAG[p]).join('')}]` : '   ';
    const body = wrap(t, width, '        ');
    out.push(`  ${parts.length ? st.accent(tag.padEnd(5)) : tag.padEnd(5)} ${parts.length ? body : st.dim(body)}`);
  };
  for (const s of starts) {
    const t = tagsAt.get(s)!;
    if (s < pos) continue;
    emit(answer.slice(pos, s), []);
    emit(answer.slice(s, t.end), t.parts);
    pos = t.end;
  }
  emit(answer.slice(pos), []);
  return out;
}

/** At most `max` lines of wrapped text; a cut one ends in "…". */
function clip(wrapped: string, max: number, width: number): string {
  const lines = wrapped.split('\n');
  if (lines.length <= max) return wrapped;
  const kept = lines.slice(0, max);
  let last = kept[max - 1]!;
  while (last.length >= width - 1 && last.includes(' ')) last = last.slice(0, last.lastIndexOf(' '));
  kept[max - 1] = `${last}…`;
  return kept.join('\n');
}

const levelLine = (a: Assessment, st: Style): string =>
  `${st.level(a.level, a.level.toUpperCase())} ${st.bold(`${a.score}/100`)}  ${st.dim(`${a.competency} · ${a.kind} question`)}`;

const starLine = (a: Assessment, st: Style): string =>
  `${st.bold('STAR')}  ${STAR_PARTS.map((p) => (a.star[p].present ? st.good(`✓ ${p}`) : st.dim(`✗ ${p}`))).join('  ')}`;

/**
 * What shows first after an answer, short enough to stay on a 24-line screen with the menu
 * under it: the level and score, the main reason (two lines at most), the STAR parts shown and
 * the most useful next step (three lines at most). The rest is in renderFeedback.
 */
export function renderFeedbackSummary(assessment: Assessment, st: Style): string {
  const a = inertData(assessment);
  const w = st.width;
  const out: string[] = [rule('Feedback', st), levelLine(a, st)];
  if (a.reasons[0]) out.push(clip(`Why: ${wrap(a.reasons[0], w, '     ')}`, 2, w));
  out.push(starLine(a, st));
  const next = a.feedback[0];
  if (next) out.push(clip(`${st.bold('Next:')} ${wrap(next.message, w, '      ')}`, 3, w));
  return `${out.join('\n')}\n`;
}

/** Everything about an answer: the reasons, the answer tagged sentence by sentence, the evidence, every next step. */
export function renderFeedback(answerText: string, assessment: Assessment, styleNotes: StyleNotes, missingList: IndicatorData[], st: Style): string {
  // Inert replaces character for character, so the spans still index the answer.
  const [answer, a, notes, missing] = inertData([answerText, assessment, styleNotes, missingList] as const);
  const w = st.width;
  const out: string[] = [rule('Full feedback', st)];
  out.push(levelLine(a, st));
  for (const r of a.reasons) out.push(wrap(r, w, ''));
  out.push('', st.bold('Your answer, sentence by sentence') + st.dim('  (S situation, T task, A action, R result)'));
  out.push(...taggedAnswer(answer, a, st));
  out.push('', starLine(a, st));
  const shown = a.indicators.filter((f) => f.counted && !f.warning && f.level !== 'low');
  const warnings = a.indicators.filter((f) => f.counted && f.warning);
  if (shown.length) {
    out.push('', st.bold('Shown'));
    for (const f of shown) {
      const ev = f.evidence.find((e) => e.shown === f.shown) ?? f.evidence[0]!;
      out.push(`  ${st.good('✓')} ${wrap(`${f.name} ${st.dim(`"${ev.text.replace(/\s+/g, ' ')}"`)}`, w, '    ')}`);
    }
  }
  if (warnings.length) {
    out.push('', st.bold('Pulling it down'));
    for (const f of warnings) {
      const ev = f.evidence[0]!;
      out.push(`  ${st.warn('!')} ${wrap(`${f.name} ${st.dim(`"${ev.text.replace(/\s+/g, ' ')}"`)}`, w, '    ')}`);
    }
  }
  if (missing.length) {
    out.push('', st.bold('Not shown yet'));
    for (const m of missing) out.push(`  ${st.dim('·')} ${st.dim(m.name)}`);
  }
  if (a.feedback.length) {
    const target = a.level === 'high' ? 'keep it high' : `reach ${a.level === 'low' ? 'medium' : 'high'}`;
    out.push('', st.bold(`Next steps to ${target}`));
    a.feedback.forEach((f, i) => {
      out.push(`  ${i + 1}. ${wrap(f.message, w, '     ')}`);
      out.push(`     ${st.dim(wrap(citation(f.source, 110), w, '     '))}`);
    });
  }
  if (notes.messages.length) {
    out.push('', st.bold('How you said it'));
    for (const m of notes.messages) out.push(`  · ${wrap(m, w, '    ')}`);
  }
  return `${out.join('\n')}\n`;
}

export function renderComparison(comparison: Comparison, st: Style): string {
  const c = inertData(comparison);
  const delta = c.after.score - c.before.score;
  const out: string[] = [rule('What changed', st)];
  out.push(`${st.level(c.before.level, c.before.level.toUpperCase())} ${c.before.score} → ${st.level(c.after.level, c.after.level.toUpperCase())} ${c.after.score}  ${delta > 0 ? st.good(`+${delta}`) : delta < 0 ? st.bad(String(delta)) : st.dim('no change')}`);
  const list = (label: string, items: string[], mark: string): void => {
    if (items.length) out.push(`${label} ${wrap(items.map((i) => `${mark} ${i}`).join(', '), st.width, ' '.repeat(8))}`);
  };
  list(st.good('Gained:'), [...c.partsGained.map((p) => `STAR ${p}`), ...c.gained], '+');
  list(st.bad('Lost:'), [...c.partsLost.map((p) => `STAR ${p}`), ...c.lost], '-');
  if (!c.partsGained.length && !c.partsLost.length && !c.gained.length && !c.lost.length) out.push(st.dim('The same parts and behaviours as before.'));
  return `${out.join('\n')}\n`;
}

/** The question being asked: its number, id, competency and kind, then its text. */
export function renderQuestionHead(question: QuestionData, n: number, total: number, st: Style): string {
  const q = inertData(question);
  return `${st.bold(`Question ${n} of ${total}`)}  ${st.dim(`${q.id} · ${q.competency} · ${q.kind}`)}\n${st.accent(wrap(q.text, st.width, ''))}\n`;
}

export function renderGuidance(guidance: string, st: Style): string {
  return `${rule('What a strong answer shows', st)}\n${wrap(inertData(guidance), st.width, '')}\n`;
}

export interface ModelView {
  level: Level;
  answer: string;
  assessment: Assessment;
}

export function renderModels(views: ModelView[], st: Style): string {
  const models = inertData(views);
  const out: string[] = [rule('Model answers', st)];
  for (const m of models) {
    out.push('', `${st.level(m.level, m.level.toUpperCase())} ${st.dim(`(scored ${m.assessment.level} ${m.assessment.score}/100)`)}`);
    out.push(`  ${wrap(m.answer.trim(), st.width, '  ')}`);
    const shown = m.assessment.indicators.filter((f) => f.counted).map((f) => (f.warning ? `! ${f.name}` : f.name));
    const parts = STAR_PARTS.filter((p) => m.assessment.star[p].present);
    out.push(st.dim(`  STAR: ${parts.length ? parts.join(', ') : 'none'}`));
    if (shown.length) out.push(st.dim(`  ${wrap(`Shows: ${shown.join('; ')}`, st.width, '  ')}`));
  }
  return `${out.join('\n')}\n`;
}

export interface SummaryRow {
  questionId: string;
  /** The question's text, shown in the summary (ids mean little to a candidate). */
  question: string;
  competency: string;
  attempts: number;
  first: { level: Level; score: number };
  best: { level: Level; score: number };
}

export function renderSummary(summaryRows: SummaryRow[], st: Style): string {
  const rows = inertData(summaryRows);
  if (rows.length === 0) return `${st.dim('No answers this session.')}\n`;
  const out: string[] = [rule('Session summary', st)];
  const qW = Math.max(20, Math.min(st.width, 100) - 36);
  const fit = (t: string): string => {
    const one = t.replace(/\s+/g, ' ').trim();
    if (one.length <= qW) return one.padEnd(qW);
    const cut = one.lastIndexOf(' ', qW - 1);
    return `${one.slice(0, cut > qW / 2 ? cut : qW - 1)}…`.padEnd(qW);
  };
  out.push(st.dim(`${'question'.padEnd(qW)}  tries  first       best`));
  for (const r of rows) {
    const cell = (x: { level: Level; score: number }): string => `${st.level(x.level, x.level.padEnd(6))} ${String(x.score).padStart(3)}`;
    out.push(`${fit(r.question)}  ${String(r.attempts).padStart(5)}  ${cell(r.first)}  ${cell(r.best)}`);
  }
  return `${out.join('\n')}\n`;
}
