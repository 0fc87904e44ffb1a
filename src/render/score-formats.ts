import { STAR_PARTS } from '../core/types.js';
import type { ResultRecord, ScoreReport } from '../report/score-report.js';
import { inertData, inertJson, toJson } from './inert.js';
import { md } from './markdown.js';
import { resultJsonBody } from './result-json.js';
import { citation, sourceName } from './citation.js';
import { plural } from './plural.js';
import { deliveryPhrases } from './delivery-text.js';
import { renderWhole, type ScoreEnd, type ScoreView } from './score-view.js';

/** One JSON object per line: {"type":"result",...} per answer, {"type":"error",...} per failed input, then {"type":"summary",...}. */
export function renderScoreJsonl(report: ScoreReport): string {
  return [...jsonlLines(report)].join('');
}

/** Prefixes the type and version to an object's JSON without copying the object. */
export function jsonlLine(type: 'result' | 'error' | 'summary', value: object): string {
  const body = toJson(value);
  return `{"type":"${type}","version":1${body.length > 2 ? `,${body.slice(1)}` : '}'}\n`;
}

/** A result's JSONL line: jsonlLine('result', r), by the faster serializer (inert as it is written). */
export function resultLine(r: ResultRecord): string {
  return `{"type":"result","version":1,${resultJsonBody(r)}\n`;
}

/** The JSONL document line by line, so a large batch can be written as it is rendered. */
export function* jsonlLines(report: ScoreReport): Generator<string> {
  for (const r of report.results) yield resultLine(r);
  for (const e of report.errors) yield jsonlLine('error', e);
  yield jsonlLine('summary', report.summary);
}

/** JSONL: errors take their place among the results (the command writes them), then the summary. */
export const jsonlView: ScoreView = {
  head: '',
  separator: 0,
  result: resultLine,
  tail: (end) => jsonlLine('summary', end.summary),
};

/**
 * A value's indented JSON, as it reads nested `depth` levels (1 or 2) inside a document indented
 * by 2: JSON.stringify indents it inside one or two arrays, whose brackets are cut off (one string
 * made, not a second for re-indenting: a million results stay within the memory bar).
 */
const nested = (value: unknown, depth: 1 | 2): string => {
  const wrapped = depth === 1 ? JSON.stringify([value], null, 2) : JSON.stringify([[value]], null, 2);
  return inertJson(depth === 1 ? wrapped.slice(4, -2) : wrapped.slice(10, -6));
};

/**
 * The JSON contract as one document, written as it is scored: `results` first, one at a time,
 * then `errors` and `summary`. Byte for byte what JSON.stringify(report, null, 2) gives.
 */
export const jsonView: ScoreView = {
  head: '{\n  "version": 1,\n  "results": [',
  separator: 1,
  result: (r) => `,\n    ${nested(r, 2)}`,
  tail: (end) => {
    let out = `${end.results > 0 ? '\n  ' : ''}],\n  "errors": ${nested(end.errors, 1)},\n  "summary": ${nested(end.summary, 1)}`;
    if (end.errorsNotListed !== undefined) out += `,\n  "errorsNotListed": ${end.errorsNotListed}`;
    return `${out}\n}\n`;
  },
};

export function renderScoreJson(report: ScoreReport): string {
  return renderWhole(jsonView, report);
}

const tick = (present: boolean): string => (present ? '✓' : '–');

/** One answer's section; every piece of data through md(), as coach report's Markdown does. */
function markdownResult(record: ResultRecord): string {
  const r = inertData(record);
  const out: string[] = [`## ${md(r.id)}: ${r.level} (${r.score}/100)`, ''];
  out.push(`**Question** (${r.kind}, ${md(r.competency)}): ${md(r.question)}`, '');
  out.push(`**STAR**: ${STAR_PARTS.map((p) => `${p} ${tick(r.star[p].present)}`).join(' · ')}`, '');
  for (const reason of r.reasons) out.push(`- ${md(reason)}`);
  out.push('', `**${r.delivery.estimated ? 'Spoken (estimated)' : 'Spoken (from the transcript)'}**`, '');
  for (const d of deliveryPhrases(r.delivery)) out.push(`- ${md(d)}`);
  const shown = r.indicators.filter((f) => f.counted);
  if (shown.length) {
    out.push('', '**Evidence**', '');
    for (const f of shown) {
      const ev = f.evidence.find((e) => e.shown === f.shown) ?? f.evidence[0]!;
      out.push(`- ${f.warning ? 'Warning: ' : ''}${md(f.name)}: "${md(ev.text)}" (${md(sourceName(f.source))})`);
    }
  }
  if (r.feedback.length) {
    out.push('', '**Next steps**', '');
    r.feedback.forEach((f, i) => out.push(`${i + 1}. ${md(f.message)} (${md(citation(f.source))})`));
  }
  return `\n${out.join('\n')}\n`;
}

function markdownTail(end: ScoreEnd): string {
  const s = end.summary;
  const out: string[] = ['', '## Summary', ''];
  out.push(`${plural(s.inputs, 'input')}: ${s.scored} scored, ${s.failed} failed.`, '');
  out.push('| level | answers |', '|---|---:|');
  for (const l of ['high', 'medium', 'low'] as const) out.push(`| ${l} | ${s.levels[l]} |`);
  if (s.meanScore !== null) out.push('', `Mean score: ${s.meanScore} out of 100.`);
  if (s.failUnder) out.push('', `Below ${s.failUnder.level}: ${plural(s.failUnder.below, 'answer')}.`);
  if (end.errors.length) {
    out.push('', '## Inputs that could not be scored', '');
    for (const e of inertData(end.errors)) out.push(`- ${md(`${e.file}:${e.line}:${e.column}:`)} ${md(e.message)}`);
    if (end.errorsNotListed) out.push(`- and ${plural(end.errorsNotListed, 'more input')} not listed`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * The batch as Markdown, written as it is scored: a section per answer (level, question, STAR
 * parts, reasons, evidence, next steps), then the summary and the inputs that failed.
 */
export const markdownView: ScoreView = {
  head: '# Interview answers: assessment\n',
  separator: 0,
  result: markdownResult,
  tail: markdownTail,
};

export function renderScoreMarkdown(report: ScoreReport): string {
  return renderWhole(markdownView, report);
}
