import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STAR_PARTS, type Level, type StarPartName } from '../../src/core/types.js';
import { evaluate, type LabelledOutcome } from '../../src/eval/metrics.js';
import { score } from './rubric-fixture.js';

// Agreement with human labels on the committed labelled sets, written independently of the
// rubric (test/fixtures/labelled). A guard against calibration regressions: a rubric or rule
// change that costs agreement fails here. The scorer never sees `expected`.
interface Labelled {
  id: string;
  question: string;
  competency: string;
  answer: string;
  expected: { level: Level; star: Record<StarPartName, boolean> };
}

function agreement(file: string) {
  const items = parse(readFileSync(file, 'utf8')) as Labelled[];
  const outcomes: LabelledOutcome[] = items.map((it) => {
    const a = score(it.question, it.answer, it.competency);
    return {
      id: it.id,
      competency: it.competency,
      expected: it.expected.level,
      predicted: a.level,
      expectedStar: it.expected.star,
      predictedStar: Object.fromEntries(STAR_PARTS.map((p) => [p, a.star[p].present])) as Record<StarPartName, boolean>,
    };
  });
  return evaluate(outcomes);
}

describe.each(['test/fixtures/labelled/blind.yaml', 'test/fixtures/labelled/holdout.yaml', 'test/fixtures/labelled/fresh.yaml', 'test/fixtures/labelled/fresh2.yaml'])('agreement on %s', (file) => {
  const r = agreement(file);
  it('meets the bars: QWK and exact agreement at least 0.70, no answer two levels off', () => {
    expect(r.qwk).toBeGreaterThanOrEqual(0.7);
    expect(r.exact).toBeGreaterThanOrEqual(0.7);
    expect(r.twoOff).toEqual([]);
  });
  it('finds every STAR part with F1 at least 0.85', () => {
    for (const p of STAR_PARTS) expect(r.star[p]?.f1, p).toBeGreaterThanOrEqual(0.85);
  });
});

// The sets in new voices and the gaming set are held to what this version reaches (a ratchet: a
// change that loses agreement on them fails here), at or above the judgement issue's QWK 0.80.
describe('agreement on the new-voice and gaming sets', () => {
  it('voices: exact at least 0.78, QWK at least 0.85, none two levels off, STAR F1 as measured', () => {
    const r = agreement('test/fixtures/labelled/voices.yaml');
    expect(r.exact).toBeGreaterThanOrEqual(0.78);
    expect(r.qwk).toBeGreaterThanOrEqual(0.85);
    expect(r.twoOff).toEqual([]);
    for (const p of ['situation', 'action', 'result'] as const) expect(r.star[p]?.f1, p).toBeGreaterThanOrEqual(0.85);
    expect(r.star.task?.f1).toBeGreaterThanOrEqual(0.7);
  });
  // Each set's ratchet, with where it came from (first runs are before any change it prompted).
  const RATCHETS: Array<{ set: string; exact: number; qwk: number; about: string }> = [
    { set: 'gaming', exact: 0.9, qwk: 0.85, about: 'answers written to fool a keyword scorer' },
    { set: 'fresh3', exact: 0.9, qwk: 0.9, about: 'advice-site pairs, red team, newcomers, transcripts, perturbations (first run 73.3%, QWK 0.717)' },
    { set: 'fresh4', exact: 0.85, qwk: 0.89, about: 'speech, non-native writers, notes, red team, perturbations, situational and opinion (first run 73.6%, QWK 0.779)' },
    { set: 'fresh5', exact: 0.85, qwk: 0.89, about: 'newcomers, industry jargon, typed fast, perturbations, gaming (first run 73.3%, QWK 0.789)' },
    { set: 'fresh6', exact: 0.85, qwk: 0.88, about: 'spoken, second language, notes, career-changers, plain words, perturbed (first run 81.3%, QWK 0.862)' },
    { set: 'fresh7', exact: 0.9, qwk: 0.92, about: 'newcomers, a red team, six stories with perturbed variants (first run 76.7%, QWK 0.836)' },
    { set: 'fresh8', exact: 0.9, qwk: 0.92, about: 'careers-site samples weak/okay/strong, six new voices, minimal-change triples (first run 75.0%, QWK 0.741, two off 2)' },
    { set: 'fresh9', exact: 0.9, qwk: 0.92, about: 'speech-to-text, ten second languages, notes, career-changers, red team, variants (first run 71.7%, QWK 0.675, two off 3)' },
    { set: 'fresh10', exact: 0.85, qwk: 0.88, about: 'speech-to-text, second languages, notes, career-changers, newcomers, red team (first run 87.5%, QWK 0.866, two off 1)' },
    { set: 'fresh11', exact: 0.9, qwk: 0.92, about: 'second languages, career-changers, plain words, speech, notes, buzzwords, red team, minimal-change triples (first run 76.7%, QWK 0.773, two off 1)' },
    { set: 'fresh12', exact: 0.9, qwk: 0.92, about: 'careers-site samples, speech, second languages, jargon, plain words, red team, pairs (first run 66.7%, QWK 0.701, two off 1; 71.7% held out while fresh11 was tuned)' },
    { set: 'fresh13', exact: 0.8, qwk: 0.85, about: 'nervous speech, six second languages, notes, career-changers, small roles, present tense and all-we, red team, pairs (first run 77.1%, QWK 0.788, two off 1)' },
    { set: 'fresh14', exact: 0.72, qwk: 0.72, about: 'dictation, six second languages, short plain answers, older career-changers, second-person voice, internal customers, red team, pairs (first run 70.8%, QWK 0.675, two off 2)' },
  ];
  for (const t of RATCHETS) {
    it(`${t.set} (${t.about}): exact at least ${t.exact}, QWK at least ${t.qwk}, none two levels off`, () => {
      const r = agreement(`test/fixtures/labelled/${t.set}.yaml`);
      expect(r.exact).toBeGreaterThanOrEqual(t.exact);
      expect(r.qwk).toBeGreaterThanOrEqual(t.qwk);
      expect(r.twoOff).toEqual([]);
    });
  }
});
