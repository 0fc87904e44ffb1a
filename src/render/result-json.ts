import type { Delivery, Evidence, FeedbackItem, IndicatorFinding, MinuteWindow, Range, SourceRef, StarPartResult } from '../core/types.js';
import type { ResultRecord } from '../report/score-report.js';
import { inertJson } from './inert.js';

/*
 * A result record as JSON, byte for byte what toJson(record) gives (JSON.stringify, then
 * inertJson: a test holds it to that), in less than half the time: a batch's output is mostly the
 * same rubric strings (indicator names, cues, source quotes, next steps) over and over, so their
 * escaped forms are kept, and only the answer's own text is escaped each time. Each string is made
 * inert as it is written, so the record needs no second pass over its whole text.
 */

// eslint-disable-next-line no-control-regex
const JSON_UNSAFE = /[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
/** A string as JSON, with C1 and bidirectional controls as \u escapes (see inert.ts). */
function json(s: string): string {
  const j = JSON.stringify(s);
  return JSON_UNSAFE.test(j) ? inertJson(j) : j;
}

// Escaped forms of strings that recur from answer to answer. Bounded: questions and ids come from
// the input, and a stream of a million distinct ones must not grow memory.
const MAX_CACHED = 20_000;
const escaped = new Map<string, string>();
function str(s: string): string {
  let v = escaped.get(s);
  if (v === undefined) {
    v = json(s);
    if (escaped.size < MAX_CACHED) escaped.set(s, v);
  }
  return v;
}

// Source references are the rubric's own objects, shared by every finding that cites them.
const sources = new WeakMap<SourceRef, string>();
function source(s: SourceRef): string {
  let v = sources.get(s);
  if (v === undefined) sources.set(s, (v = inertJson(JSON.stringify(s))));
  return v;
}

function part(p: StarPartResult): string {
  let o = `{"present":${p.present},"spans":[`;
  for (let i = 0; i < p.spans.length; i++) {
    const s = p.spans[i]!;
    o += `${i ? ',' : ''}{"start":${s.start},"end":${s.end},"text":${json(s.text)}}`;
  }
  return `${o}]}`;
}

function evidence(e: Evidence): string {
  return `{"start":${e.start},"end":${e.end},"text":${json(e.text)},"cue":${str(e.cue)},"shown":"${e.shown}"}`;
}

function indicator(f: IndicatorFinding): string {
  let o = `{"id":${str(f.id)},"name":${str(f.name)},"level":"${f.level}","warning":${f.warning},"shown":"${f.shown}","counted":${f.counted},"evidence":[`;
  for (let i = 0; i < f.evidence.length; i++) o += (i ? ',' : '') + evidence(f.evidence[i]!);
  return `${o}],"source":${source(f.source)}}`;
}

function feedback(f: FeedbackItem): string {
  return `{"indicator":${str(f.indicator)},"name":${str(f.name)},"target":"${f.target}","message":${str(f.message)},"source":${source(f.source)}}`;
}

/** A number as JSON writes it (null for NaN and the infinities). */
const num = (n: number): string => (Number.isFinite(n) ? String(n) : 'null');
const orNull = (n: number | null): string => (n === null ? 'null' : num(n));
const range = (r: Range): string => `{"min":${num(r.min)},"max":${num(r.max)}}`;
const minute = (m: MinuteWindow | null): string => (m === null ? 'null' : `{"startMs":${num(m.startMs)},"endMs":${num(m.endMs)},"words":${num(m.words)}}`);

/** The delivery object, in the order measureDelivery and estimateDelivery build it. */
export function deliveryJson(d: Delivery): string {
  const p = d.pace;
  let o = `{"estimated":${d.estimated},"words":${num(d.words)},"speakingMs":${num(d.speakingMs)},"pace":{"wordsPerMinute":${num(p.wordsPerMinute)},"compared":${p.compared === null ? 'null' : `"${p.compared}"`},"usual":${range(p.usual)},"slowestMinute":${minute(p.slowestMinute)},"fastestMinute":${minute(p.fastestMinute)}},"pauses":`;
  const q = d.pauses;
  if (q === null) o += 'null';
  else {
    o += `{"overMs":${num(q.overMs)},"count":${num(q.count)},"longestMs":${num(q.longestMs)},"perMinute":${num(q.perMinute)},"compared":"${q.compared}","usualMaxMs":${num(q.usualMaxMs)},"at":[`;
    for (let i = 0; i < q.at.length; i++) o += `${i ? ',' : ''}{"startMs":${num(q.at[i]!.startMs)},"endMs":${num(q.at[i]!.endMs)}}`;
    o += ']}';
  }
  const f = d.fillers;
  o += `,"fillers":{"count":${num(f.count)},"perMinute":${num(f.perMinute)},"compared":"${f.compared}","usual":${range(f.usual)},"byPhrase":{`;
  let first = true;
  for (const k of Object.keys(f.byPhrase)) {
    o += `${first ? '' : ','}${str(k)}:${num(f.byPhrase[k]!)}`;
    first = false;
  }
  o += '},"at":[';
  for (let i = 0; i < f.at.length; i++) {
    const x = f.at[i]!;
    o += `${i ? ',' : ''}{"start":${num(x.start)},"end":${num(x.end)},"text":${json(x.text)},"phrase":${str(x.phrase)},"startMs":${orNull(x.startMs)},"endMs":${orNull(x.endMs)}}`;
  }
  return `${o}]}}`;
}

/**
 * The record's JSON after the opening brace, so a JSONL line can put its own fields first.
 * Field order is the contract's (toResultRecord).
 */
export function resultJsonBody(r: ResultRecord): string {
  const questionId = r.questionId === null ? 'null' : str(r.questionId);
  const star = r.star;
  let o = `"id":${json(r.id)},"question":${str(r.question)},"questionId":${questionId},"competency":${str(r.competency)},"competencyInferred":${r.competencyInferred},"kind":"${r.kind}","kindSource":"${r.kindSource}","level":"${r.level}","score":${r.score},"star":{"situation":${part(star.situation)},"task":${part(star.task)},"action":${part(star.action)},"result":${part(star.result)}},"indicators":[`;
  for (let i = 0; i < r.indicators.length; i++) o += (i ? ',' : '') + indicator(r.indicators[i]!);
  o += '],"feedback":[';
  for (let i = 0; i < r.feedback.length; i++) o += (i ? ',' : '') + feedback(r.feedback[i]!);
  o += '],"reasons":[';
  for (let i = 0; i < r.reasons.length; i++) o += (i ? ',' : '') + str(r.reasons[i]!);
  return `${o}],"source":{"file":${str(r.source.file)},"line":${r.source.line}},"delivery":${deliveryJson(r.delivery)}}`;
}

/** toJson(record), faster. */
export function resultJson(r: ResultRecord): string {
  return `{${resultJsonBody(r)}`;
}
