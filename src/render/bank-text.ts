import type { QuestionData, RubricData } from '../core/types.js';
import { inertData } from './inert.js';
import { wrap, type Style } from './style.js';
import { plural } from './plural.js';
import { shortQuote, sourceBy, sourceName } from './citation.js';

export function renderBankList(list: QuestionData[], st: Style): string {
  const questions = inertData(list);
  const idW = Math.max(2, ...questions.map((q) => q.id.length));
  const lines = questions.map((q) => {
    const head = `${q.id.padEnd(idW)}  ${q.kind.padEnd(11)}  `;
    return `${st.bold(q.id.padEnd(idW))}  ${st.dim(q.kind.padEnd(11))}  ${wrap(q.text, st.width, ' '.repeat(head.length))}`;
  });
  return `${lines.join('\n')}\n${st.dim(`${questions.length} question${questions.length === 1 ? '' : 's'}`)}\n`;
}

export function renderBankShow(rubric: RubricData, kind: 'question' | 'competency' | 'indicator' | 'set' | 'source', shownId: string, st: Style): string {
  const data = inertData(rubric);
  const id = inertData(shownId);
  const out: string[] = [];
  const w = st.width;
  const sources = data.sources ?? [];
  const docName = (ref: string): string => {
    const d = sources.find((x) => x.id === ref || x.file === ref);
    return d ? `${d.title} (${d.id})` : ref;
  };
  if (kind === 'source') {
    const d = sources.find((x) => x.id === id || x.file === id)!;
    const cites = (ref: { id?: string | undefined; file: string }): boolean => ref.id === d.id || ref.file === d.file;
    out.push(`${st.bold(d.title)}  ${st.dim(d.id)}`);
    const by = sourceBy(d);
    if (by) out.push(wrap(by, w, ''));
    if (d.note) out.push(st.dim(wrap(d.note, w, '')));
    out.push(st.dim(`file: ${d.file}`));
    const inds = data.indicators.filter((i) => cites(i.source));
    out.push('', st.bold(`Indicators drawn from it (${inds.length})`));
    for (const i of inds) {
      out.push(`  ${st.level(i.level, i.level.padEnd(6))} ${i.id}  ${st.dim(i.name)}`);
      out.push(`         ${st.dim(wrap(`${i.source.label ? `${i.source.label}: ` : ''}"${shortQuote(i.source.quote)}"`, w, '         '))}`);
    }
    const parts = Object.entries(data.structure.star).filter(([, p]) => cites(p.source)).map(([name]) => name);
    if (parts.length) out.push('', `${st.bold('STAR parts citing it')} ${parts.join(', ')}`);
    const comps = data.competencies.filter((c) => c.sources.some((x) => x === d.id || x === d.file)).map((c) => c.id);
    if (comps.length) out.push(`${st.bold('Competencies')} ${comps.join(', ')}`);
  } else if (kind === 'set') {
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
    out.push(`${st.bold(c.name)} (${c.id})`, wrap(c.summary, w, ''), st.dim(wrap(`sources: ${c.sources.map(docName).join('; ')}`, w, '  ')), '');
    for (const level of ['high', 'medium', 'low'] as const) {
      const inds = data.indicators.filter((i) => i.level === level && (i.competencies.includes('all') || i.competencies.includes(c.id)));
      out.push(st.level(level, level.toUpperCase()));
      for (const i of inds) out.push(`  ${i.warning ? st.warn('!') : '·'} ${i.id}  ${st.dim(i.name)}`);
    }
    const qs = data.questions.filter((q) => q.competency === c.id);
    out.push('', st.bold(plural(qs.length, 'question')));
    for (const q of qs) out.push(`  ${q.id}  ${st.dim(q.kind)}`);
  } else {
    const i = data.indicators.find((x) => x.id === id)!;
    out.push(`${st.bold(i.name)} (${i.id})  ${st.level(i.level, i.level)}${i.warning ? st.warn(' warning sign') : ''}`);
    out.push(st.dim(`competencies: ${i.competencies.join(', ')} · evidence: ${i.evidence}`), '');
    out.push(st.bold('Cues'), ...i.cues.map((c) => `  ${c}`));
    if (i.named.length) out.push(st.bold('Named only (never counted)'), ...i.named.map((c) => `  ${c}`));
    out.push('', `${st.bold('Feedback')} ${wrap(i.feedback, w, ' '.repeat(9))}`, `${st.bold('Source')} ${wrap(`${sourceName(i.source)}${i.source.id ? ` [${i.source.id}]` : ''}${i.source.label ? `, ${i.source.label}` : ''}`, w, '       ')}`, st.dim(wrap(`"${i.source.quote}"`, w, '')));
  }
  return `${out.join('\n')}\n`;
}
