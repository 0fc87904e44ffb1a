import type { QuestionData, RubricData } from '../core/types.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';

export function renderBankList(list: QuestionData[], st: Style): string {
  const questions = inertData(list);
  const idW = Math.max(2, ...questions.map((q) => q.id.length));
  const lines = questions.map((q) => {
    const head = `${q.id.padEnd(idW)}  ${q.kind.padEnd(11)}  `;
    return `${st.bold(q.id.padEnd(idW))}  ${st.dim(q.kind.padEnd(11))}  ${wrap(q.text, st.width, ' '.repeat(head.length))}`;
  });
  return `${lines.join('\n')}\n${st.dim(`${questions.length} questions`)}\n`;
}

export function renderBankShow(rubric: RubricData, kind: 'question' | 'competency' | 'indicator' | 'set', shownId: string, st: Style): string {
  const data = inertData(rubric);
  const id = inertData(shownId);
  const out: string[] = [];
  const w = st.width;
  if (kind === 'set') {
    const s = data.sets.find((x) => x.name === id)!;
    out.push(`${st.bold(s.title)} (${s.name})${s.time ? st.dim(`  ${s.time} s a question`) : ''}`, '');
    s.questions.forEach((qid, i) => {
      const q = data.questions.find((x) => x.id === qid);
      const head = `${String(i + 1).padStart(2)}. ${qid.padEnd(20)} `;
      out.push(`${head}${wrap(q?.text ?? '', w, ' '.repeat(head.length))}`);
    });
    out.push('', st.dim(`Run it: coach practice --set ${s.name}`));
  } else if (kind === 'question') {
    const q = data.questions.find((x) => x.id === id)!;
    out.push(`${st.bold(q.id)}  ${st.dim(`${q.competency} · ${q.kind}`)}`, '', wrap(q.text, w, ''), '', st.bold('Guidance'), wrap(q.guidance, w, ''));
  } else if (kind === 'competency') {
    const c = data.competencies.find((x) => x.id === id)!;
    out.push(`${st.bold(c.name)} (${c.id})`, wrap(c.summary, w, ''), st.dim(`sources: ${c.sources.join(', ')}`), '');
    for (const level of ['high', 'medium', 'low'] as const) {
      const inds = data.indicators.filter((i) => i.level === level && (i.competencies.includes('all') || i.competencies.includes(c.id)));
      out.push(st.level(level, level.toUpperCase()));
      for (const i of inds) out.push(`  ${i.warning ? st.warn('!') : '·'} ${i.id}  ${st.dim(i.name)}`);
    }
    const qs = data.questions.filter((q) => q.competency === c.id);
    out.push('', st.bold(`${qs.length} questions`));
    for (const q of qs) out.push(`  ${q.id}  ${st.dim(q.kind)}`);
  } else {
    const i = data.indicators.find((x) => x.id === id)!;
    out.push(`${st.bold(i.name)} (${i.id})  ${st.level(i.level, i.level)}${i.warning ? st.warn(' warning sign') : ''}`);
    out.push(st.dim(`competencies: ${i.competencies.join(', ')} · evidence: ${i.evidence}`), '');
    out.push(st.bold('Cues'), ...i.cues.map((c) => `  ${c}`));
    if (i.named.length) out.push(st.bold('Named only (never counted)'), ...i.named.map((c) => `  ${c}`));
    out.push('', `${st.bold('Feedback')} ${wrap(i.feedback, w, ' '.repeat(9))}`, `${st.bold('Source')} ${i.source.file}`, st.dim(wrap(`"${i.source.quote}"`, w, '')));
  }
  return `${out.join('\n')}\n`;
}
