// The behavioural suite: builds every case from the bases, generators and templates, scores
// it with the scorer it is given, and says which cases fail. Shared by scripts/behaviour.js
// (scorer from dist/) and test/behaviour/behaviour.test.ts (scorer from src/).

import { BASES } from './bases.js';
import * as g from './generators.js';
import { TEMPLATES } from './templates.js';

const RANK = { low: 0, medium: 1, high: 2 };

// Expectations: each returns null when the case passes, or a short reason when it fails.
const sameLevel = (b, a) => (a.level === b.level ? null : 'level changed');
const notLower = (b, a) =>
  RANK[a.level] < RANK[b.level] ? 'level went down' : a.score < b.score ? 'score went down' : null;
const notHigher = (b, a) =>
  RANK[a.level] > RANK[b.level] ? 'level went up' : a.score > b.score ? 'score went up' : null;
const lower = (b, a) => (RANK[a.level] > RANK[b.level] ? 'level went up' : a.score < b.score ? null : 'score did not go down');
const capMedium = (check) => (b, a, base) =>
  check(b, a) ?? (base.kind === 'behavioural' && a.level === 'high' ? 'high without a result/own story' : null);

const hasKey = (base) => base.key.length > 0;
const all = () => true;
const behavioural = (base) => base.kind === 'behavioural';

/**
 * Perturbation tests. applies: which bases; gen(base, seed): the new answer or null (does not apply).
 */
export const TESTS = [
  // INVARIANCE: the level must not change.
  { family: 'INV', name: 'speech-to-text', applies: all, gen: g.speech, check: sameLevel },
  { family: 'INV', name: 'no-punctuation', applies: all, gen: g.noPunct, check: sameLevel },
  { family: 'INV', name: 'lowercase-i', applies: all, gen: g.lowerI, check: sameLevel },
  { family: 'INV', name: 'fillers', applies: all, gen: g.fillers, check: sameLevel },
  { family: 'INV', name: 'typo', applies: all, gen: g.typo, check: sameLevel },
  { family: 'INV', name: 'swap-names-places', applies: all, gen: g.swapNames, check: sameLevel },
  { family: 'INV', name: 'contractions', applies: all, gen: g.contractions, check: sameLevel },
  { family: 'INV', name: 'uk-us-spelling', applies: all, gen: g.spelling, check: sameLevel },
  { family: 'INV', name: 'bullet-notes', applies: all, gen: g.bullets, check: sameLevel },
  // DIRECTIONAL: the score moves the right way and the level does not move the wrong way.
  { family: 'DIR', name: 'add-result', applies: behavioural, gen: g.addResult, check: notLower },
  { family: 'DIR', name: 'remove-result', applies: all, gen: g.removeResult, check: capMedium(notHigher) },
  { family: 'DIR', name: 'actions-to-colleague', applies: hasKey, gen: g.toColleague, check: lower },
  { family: 'DIR', name: 'negate-actions', applies: hasKey, gen: g.negate, check: lower },
  { family: 'DIR', name: 'hypothetical', applies: (b) => behavioural(b) && hasKey(b), gen: g.hypothetical, check: capMedium(notHigher) },
  { family: 'DIR', name: 'add-blame', applies: hasKey, gen: g.blame, check: lower },
  { family: 'DIR', name: 'add-excuse', applies: all, gen: g.excuse, check: notHigher },
  { family: 'DIR', name: 'i-to-we', applies: all, gen: g.allWe, check: notHigher },
  { family: 'DIR', name: 'add-upsell', applies: all, gen: g.upsell, check: notHigher },
  { family: 'DIR', name: 'add-probing', applies: (b) => b.level === 'medium', gen: g.addHigh('probe'), check: notLower },
  { family: 'DIR', name: 'add-two-options', applies: (b) => b.level === 'medium', gen: g.addHigh('options'), check: notLower },
  { family: 'DIR', name: 'add-follow-up', applies: (b) => b.level === 'medium', gen: g.addHigh('followUp'), check: notLower },
  { family: 'DIR', name: 'add-process-fix', applies: (b) => b.level === 'medium', gen: g.addHigh('processFix'), check: notLower },
];

/** One question per (competency, kind), taken from the bases. */
function questionsByKind() {
  const seen = new Map();
  for (const b of BASES) {
    const k = `${b.competency}/${b.kind}`;
    if (!seen.has(k)) seen.set(k, b);
  }
  return [...seen.values()];
}

/** Every case, before scoring: {id, family, test, question, competency, answer, base?, expect?}. */
export function buildCases() {
  const cases = [];
  for (const base of BASES) {
    cases.push({ id: `${base.id}:base`, family: 'BASE', test: 'intended-level', base, answer: base.answer });
  }
  for (const t of TESTS) {
    for (const base of BASES) {
      if (!t.applies(base)) continue;
      const answer = t.gen(base, g.seedOf(base.id, t.name));
      if (answer == null) continue;
      cases.push({ id: `${base.id}:${t.name}`, family: t.family, test: t.name, base, answer, check: t.check });
    }
  }
  const qs = questionsByKind();
  for (const tpl of TEMPLATES) {
    tpl.texts.forEach((text, i) => {
      for (const q of qs) {
        if (!tpl.kinds.includes(q.kind)) continue;
        cases.push({
          id: `${tpl.name}#${i + 1}@${q.id}`,
          family: 'MFT',
          test: tpl.name,
          question: q.question,
          competency: q.competency,
          answer: text ?? q.question,
          expect: tpl.expect,
        });
      }
    });
  }
  return cases;
}

/**
 * Runs the suite. score(question, answer, competency) -> {level, score}.
 * Returns every case with before/after and a failure reason (null when it passes).
 */
export function runSuite(score) {
  const baseScores = new Map();
  const scoreBase = (base) => {
    if (!baseScores.has(base.id)) baseScores.set(base.id, pick(score(base.question, base.answer, base.competency)));
    return baseScores.get(base.id);
  };
  return buildCases().map((c) => {
    if (c.family === 'BASE') {
      const after = scoreBase(c.base);
      return { ...c, before: { level: c.base.level, score: null }, after, failure: after.level === c.base.level ? null : `scored ${after.level}, intended ${c.base.level}` };
    }
    if (c.family === 'MFT') {
      const after = pick(score(c.question, c.answer, c.competency));
      const bad = c.expect === 'low' ? after.level !== 'low' : after.level === 'high';
      return { ...c, before: null, after, failure: bad ? `scored ${after.level}, expected ${c.expect}` : null };
    }
    const before = scoreBase(c.base);
    const after = pick(score(c.base.question, c.answer, c.base.competency));
    return { ...c, before, after, failure: c.check(before, after, c.base) };
  });
}

const pick = (a) => ({ level: a.level, score: a.score });

const FAMILY_ORDER = ['BASE', 'INV', 'DIR', 'MFT'];

/** Failure counts and rates per test, per family and overall. */
export function summarise(results) {
  const tests = new Map();
  for (const r of results) {
    const k = `${r.family}/${r.test}`;
    const row = tests.get(k) ?? { family: r.family, test: r.test, cases: 0, failures: 0 };
    row.cases++;
    if (r.failure) row.failures++;
    tests.set(k, row);
  }
  const rate = (row) => ({ ...row, rate: row.cases ? row.failures / row.cases : 0 });
  const rows = [...tests.values()].map(rate);
  const families = FAMILY_ORDER.map((family) => {
    const rs = rows.filter((r) => r.family === family);
    return rate({ family, cases: rs.reduce((n, r) => n + r.cases, 0), failures: rs.reduce((n, r) => n + r.failures, 0) });
  }).filter((f) => f.cases > 0);
  const overall = rate({ cases: results.length, failures: results.filter((r) => r.failure).length });
  return { rows, families, overall };
}

/** Bars a little above the given rates (a ratchet: lower them as the scorer improves). */
export function barsFrom(summary) {
  const up = (x) => (x === 0 ? 0 : Math.min(1, Math.ceil((x + 0.02) * 100) / 100));
  return {
    families: Object.fromEntries(summary.families.map((f) => [f.family, up(f.rate)])),
    tests: Object.fromEntries(summary.rows.map((r) => [`${r.family}/${r.test}`, up(r.rate)])),
  };
}

/** Each family or test whose failure rate is above its bar (or has no bar). */
export function overBars(summary, bars) {
  const out = [];
  for (const f of summary.families) {
    const bar = bars.families[f.family];
    if (bar === undefined || f.rate > bar + 1e-9) out.push({ name: f.family, rate: f.rate, bar });
  }
  for (const r of summary.rows) {
    const k = `${r.family}/${r.test}`;
    const bar = bars.tests[k];
    if (bar === undefined || r.rate > bar + 1e-9) out.push({ name: k, rate: r.rate, bar });
  }
  return out;
}
