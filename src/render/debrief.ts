import type { Debrief, MockTurn } from '../report/debrief.js';
import { citation } from './citation.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';

/** Seconds as m:ss. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Text cut to `width` characters at a word, with an ellipsis when cut. */
export function fit(text: string, width: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= width) return t;
  const cut = t.lastIndexOf(' ', width - 1);
  return `${t.slice(0, cut > width / 2 ? cut : width - 1)}…`;
}

const VERDICT = {
  high: 'Interview-ready on these questions: real stories, owned and fixed, with more than was asked.',
  medium: 'Solid: you own and fix the problem in your answers. The next steps below are what would lift them to high.',
  low: 'Not interview-ready yet: start with the next steps below, then try the mock again.',
} as const;

/**
 * The debrief after a mock interview: the overall verdict, each question's level (skipped ones as
 * skipped) with the time taken and the follow-ups asked, the strongest and weakest answers, and
 * the three most useful next steps.
 */
export function renderDebrief(debrief: Debrief, st: Style): string {
  const d = inertData(debrief);
  const w = Math.min(st.width, 100);
  const out: string[] = [st.dim(`── Debrief ${'─'.repeat(Math.max(0, Math.min(w, 80) - 11))}`)];
  if (d.level === null) {
    out.push(`No answers: all ${d.skipped} question${d.skipped === 1 ? ' was' : 's were'} skipped.`);
    return `${out.join('\n')}\n`;
  }
  const skipped = d.skipped ? `, ${d.skipped} skipped` : '';
  out.push(`${st.bold('Overall')} ${st.level(d.level, d.level.toUpperCase())} ${st.bold(`${d.meanScore}/100`)}`);
  out.push(st.dim(wrap(`${d.answered} answered${skipped}; ${d.atLeastMedium} at medium or above; ${clock(d.seconds)} spent answering.`, w, '')));
  out.push(wrap(VERDICT[d.level], w, ''));
  out.push('', st.dim(`${' #'}  ${'question'.padEnd(w - 32)}  ${'level'.padEnd(10)} ${'time'.padStart(5)}  reply`));
  for (const t of d.turns) {
    const q = fit(t.question, w - 32).padEnd(w - 32);
    if (!t.result) {
      out.push(`${String(t.n).padStart(2)}  ${q}  ${st.dim('skipped')}`);
      continue;
    }
    const r = t.result;
    const lift = r.followUps.length === 0 ? '-' : r.followUps.every((f) => !f.reply) ? 'no reply' : `${r.score - r.first.score >= 0 ? '+' : ''}${r.score - r.first.score}`;
    out.push(`${String(t.n).padStart(2)}  ${q}  ${st.level(r.level, r.level.toUpperCase().padEnd(6))} ${String(r.score).padStart(3)} ${clock(r.seconds).padStart(5)}  ${lift}`);
  }
  const line = (label: string, t: MockTurn | null): void => {
    if (!t?.result) return;
    out.push('', wrap(`${st.bold(label)} ${st.dim(`(question ${t.n}, ${t.result.level} ${t.result.score}):`)} "${fit(t.question, 2 * w)}"`, w, '  '));
    out.push(`  ${wrap(t.result.why, w, '  ')}`);
  };
  line('Strongest', d.strongest);
  line('Weakest', d.weakest);
  if (d.nextSteps.length) {
    out.push('', st.bold('The three next steps that would help most'));
    d.nextSteps.forEach((f, i) => {
      out.push(`  ${i + 1}. ${wrap(f.message, w, '     ')}`);
      out.push(`     ${st.dim(wrap(citation(f.source, 110), w, '     '))}`);
    });
  }
  return `${out.join('\n')}\n`;
}
