import type { Comparison } from '../core/compare.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';

/** The interviewer's follow-up question, as they would put it. */
export function renderFollowUpQuestion(question: string, st: Style): string {
  const q = inertData(question);
  return `\n${wrap(`${st.accent('Interviewer:')} ${q}`, st.width, '  ')}\n`;
}

/**
 * What the replies to the follow-ups added to the answer, in two or three lines under the
 * feedback summary: the level and score of the answer alone and with the replies, and the STAR
 * parts and behaviours the replies brought.
 */
export function renderFollowUpGain(comparison: Comparison, replied: boolean, st: Style): string {
  const c = inertData(comparison);
  if (!replied) return `${st.dim('You did not reply to the follow-up: the feedback is for your answer alone.')}\n`;
  const delta = c.after.score - c.before.score;
  const out = [`${st.bold('Your reply added')}  ${st.level(c.before.level, c.before.level.toUpperCase())} ${c.before.score} → ${st.level(c.after.level, c.after.level.toUpperCase())} ${c.after.score}  ${delta > 0 ? st.good(`+${delta}`) : delta < 0 ? st.bad(String(delta)) : st.dim('no change')}`];
  const gained = [...c.partsGained.map((p) => `STAR ${p}`), ...c.gained];
  out.push(`  ${gained.length
    ? wrap(gained.map((g) => `+ ${g}`).join(', '), st.width, '  ')
    : st.dim(wrap('nothing the scorer counts yet: say what you did, or what happened, in your own words.', st.width, '  '))}`);
  return `${out.join('\n')}\n`;
}
