import { STAR_PARTS } from '../core/types.js';
import type { ResultRecord, ScoreReport } from '../report/score-report.js';
import { inertData, inertJson, toJson } from './inert.js';
import { md } from './markdown.js';
import { resultJsonBody } from './result-json.js';
import { citation, sourceName } from './citation.js';
import { plural } from './plural.js';
import { deliveryPhrases } from './delivery-text.js';

export function renderScoreJson(report: ScoreReport): string {
  return `${toJson(report, 2)}\n`;
}

/** One JSON object per line: {"type":"result",...} per answer, {"type":"error",...} per failed input, then {"type":"summary",...}. */
export function renderScoreJsonl(report: ScoreReport): string {
  return [...jsonlLines(report)].join('');
}

/** Prefixes the type and version to an object's JSON without copying the object. */
export function jsonlLine(type: 'result' | 'error' | 'summary', value: object): string {
  const body = toJson(value);
  return `{"type":"${type}","version":1${body.length > 2 ? `,${body.slice(1)}` : '}'}\n`;
}

/** A result's JSONL line: jsonlLine('result', r), by the faster serializer. */
export function resultLine(r: ResultRecord): string {
  return inertJson(`{"type":"result","version":1,${resultJsonBody(r)}\n`);
}

/** The JSONL document line by line, so a large batch can be written as it is rendered. */
export function* jsonlLines(report: ScoreReport): Generator<string> {
  for (const r of report.results) yield resultLine(r);
  for (const e of report.errors) yield jsonlLine('error', e);
  yield jsonlLine('summary', report.summary);
}

/** The batch as Markdown: every piece of data through md(), as coach report's Markdown does. */
export function renderScoreMarkdown(scoreReport: ScoreReport): string {
  const report = inertData(scoreReport);
  const out: string[] = ['# Interview answers: assessment', ''];
  const s = report.summary;
  out.push(`${plural(s.inputs, 'input')}: ${s.scored} scored, ${s.failed} failed; ${s.levels.low} low, ${s.levels.medium} medium, ${s.levels.high} high.`, '');
  out.push('| id | competency | level | score | S | T | A | R |', '|---|---|---|---:|:-:|:-:|:-:|:-:|');
  for (const r of report.results) {
    out.push(`| ${md(r.id)} | ${md(r.competency)} | ${r.level} | ${r.score} | ${STAR_PARTS.map((p) => (r.star[p].present ? '✓' : '–')).join(' | ')} |`);
  }
  for (const r of report.results) {
    out.push('', `## ${md(r.id)}: ${r.level} (${r.score}/100)`, '', `**Question** (${r.kind}, ${md(r.competency)}): ${md(r.question)}`, '');
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
  }
  if (report.errors.length) {
    out.push('', '## Inputs that could not be scored', '');
    for (const e of report.errors) out.push(`- ${md(`${e.file}:${e.line}:${e.column}:`)} ${md(e.message)}`);
  }
  return `${out.join('\n')}\n`;
}
