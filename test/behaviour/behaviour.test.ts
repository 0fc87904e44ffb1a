// The behavioural suite (CheckList-style) as a ratchet: each family's and each test's failure
// rate must stay at or below test/behaviour/bars.json. Lower the bars as the scorer improves
// (`node scripts/behaviour.js --write-bars` records the current rates, rounded up a little).
// Also unit tests of the generators: a perturbation that changes nothing is a defect.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { score } from '../unit/rubric-fixture.js';
import { BASES, type Base } from './bases.js';
import * as g from './generators.js';
import { buildCases, overBars, runSuite, summarise, TESTS, type Bars } from './suite.js';

const bars = JSON.parse(readFileSync(new URL('./bars.json', import.meta.url), 'utf8')) as Bars;
const results = runSuite(score);
const summary = summarise(results);

describe('behavioural suite against its bars', () => {
  it('runs several hundred cases over every family', () => {
    expect(results.length).toBeGreaterThan(600);
    expect(summary.families.map((f) => f.family)).toEqual(['BASE', 'INV', 'DIR', 'MFT']);
  });

  it.each(summary.families.map((f) => [f.family, f] as const))('%s failure rate is within its bar', (name, f) => {
    expect(bars.families[name], `no bar for ${name}`).toBeDefined();
    expect(f.rate).toBeLessThanOrEqual(bars.families[name]! + 1e-9);
  });

  it('a rate above its bar, or a test with no bar, is reported', () => {
    const over = overBars(summary, { families: { BASE: 1, INV: 1, DIR: 1, MFT: -1 }, tests: {} });
    expect(over.map((o) => o.name)).toContain('MFT');
    expect(over.filter((o) => o.name.includes('/'))).toHaveLength(summary.rows.length);
  });

  it('every test is within its own bar, and has one', () => {
    const over = overBars(summary, bars).filter((o) => o.name.includes('/'));
    expect(over).toEqual([]);
  });
});

/** A small base to see the generators' output exactly. */
const tiny: Base = {
  id: 'tiny',
  competency: 'problem-solving',
  kind: 'behavioural',
  level: 'medium',
  question: 'Tell me about a time you dealt with a customer who was angry about a mistake your company had made.',
  answer:
    "At the library in Leeds, Mrs Kaur's reservation had been cancelled. I apologised and I asked what she needed the book for. " +
    "I didn't wait for the supplier. She collected it the next day.",
  key: ['I asked what she needed the book for'],
  result: ['She collected it the next day.'],
};

describe('generators', () => {
  it('are deterministic', () => {
    const a = buildCases().map((c) => `${c.id}\n${c.answer}`);
    const b = buildCases().map((c) => `${c.id}\n${c.answer}`);
    expect(a).toEqual(b);
  });

  it('never return the text unchanged, and each applies to enough bases', () => {
    for (const t of TESTS) {
      let applied = 0;
      for (const base of BASES.filter(t.applies)) {
        const out = t.gen(base, g.seedOf(base.id, t.name));
        if (out === null) continue;
        applied++;
        expect(out, `${t.name} on ${base.id}`).not.toBe(base.answer);
      }
      expect(applied, t.name).toBeGreaterThanOrEqual(10);
    }
  });

  it('speech-to-text and no-punctuation leave only lower-case words', () => {
    expect(g.speech(tiny, 1)).toBe(
      "at the library in leeds mrs kaur's reservation had been cancelled i apologised and i asked what she needed the book for i didn't wait for the supplier she collected it the next day",
    );
    expect(g.noPunct(tiny, 1)).toMatch(/^[a-z ]+$/);
    expect(g.noPunct(tiny, 1)).toContain('i didnt wait');
  });

  it('lowercase-i, fillers, bullets', () => {
    expect(g.lowerI(tiny, 1)).toContain('i apologised and i asked');
    const f = g.fillers(tiny, 7)!;
    expect(g.sentences(f)).toHaveLength(g.sentences(tiny.answer).length);
    expect(f).toMatch(/^(Um|You know|Like|So yeah|Basically|Uh|I mean), at the library/);
    expect(g.bullets(tiny, 1)!.split('\n')).toEqual([
      "- At the library in Leeds, Mrs Kaur's reservation had been cancelled",
      '- I apologised and I asked what she needed the book for',
      "- I didn't wait for the supplier",
      '- She collected it the next day',
    ]);
  });

  it('typo changes one ordinary word by one letter, never a key action or a verb after "I"', () => {
    for (const base of [tiny, ...BASES]) {
      const out = g.typo(base, g.seedOf(base.id, 'typo'))!;
      const a = base.answer.split(' ');
      const b = out.split(' ');
      expect(b).toHaveLength(a.length);
      const diff = a.map((w, i) => [w, b[i]!] as const).filter(([x, y]) => x !== y);
      expect(diff, base.id).toHaveLength(1);
      const [before, after] = diff[0]!;
      expect(Math.abs(before.length - after.length)).toBeLessThanOrEqual(1);
      for (const k of base.key) expect(out, base.id).toContain(k);
      expect(Object.keys(g.PAST)).not.toContain(before.replace(/\W/g, ''));
    }
  });

  it('swaps names and places, contractions, spelling', () => {
    expect(g.swapNames(tiny, 1)).toContain("At the library in Dundee, Mrs Whitfield's reservation");
    expect(g.contractions(tiny, 1)).toContain('I did not wait');
    expect(g.spelling(tiny, 1)).toContain('canceled. I apologized');
    expect(g.swapNames({ ...tiny, answer: 'No names here.' }, 1)).toBeNull();
  });

  it('directional edits: result, colleague, negation, hypothetical, we', () => {
    expect(g.removeResult(tiny, 1)).not.toContain('collected');
    expect(g.removeResult({ ...tiny, result: [] }, 1)).toBeNull();
    expect(g.addResult(tiny, 1)).toMatch(/\d/);
    expect(g.toColleague(tiny, 1)).toContain('I apologised and my colleague Sam asked what she needed');
    expect(g.negate(tiny, 1)).toContain("I didn't ask what she needed the book for");
    expect(g.hypothetical(tiny, 1)).toContain('I would apologise and I would ask what she needed');
    expect(g.allWe(tiny, 1)).toBe(
      "At the library in Leeds, Mrs Kaur's reservation had been cancelled. We apologised and we asked what she needed the book for. " +
        "We didn't wait for the supplier. She collected it the next day.",
    );
    expect(g.excuse(tiny, 1)).toContain('We were short-staffed, so I apologised');
    expect(g.negate({ ...tiny, kind: 'situational', key: ["I'd ring them"], answer: "I'd ring them back." }, 1)).toBe(
      "I wouldn't ring them back.",
    );
  });

  it('adds high behaviours in the tense of the question kind', () => {
    expect(g.addHigh('followUp')(tiny, 1)).toContain('I rang them a few days later');
    expect(g.addHigh('followUp')({ ...tiny, kind: 'situational' }, 1)).toContain("I'd ring them a few days later");
    const probe = g.sentences(g.addHigh('probe')(tiny, 1)!);
    expect(probe[1]).toMatch(/^Before doing anything I asked/);
    const fix = g.sentences(g.addHigh('processFix')(tiny, 1)!);
    expect(fix.at(-1)).toBe('She collected it the next day.');
  });
});

describe('bases', () => {
  it('annotations are exact substrings, and every key verb can be negated', () => {
    for (const b of BASES) {
      for (const s of [...b.key, ...b.result]) expect(b.answer, b.id).toContain(s);
      for (const k of b.key) {
        const m = /^I(?:'d)? (?:(?:also|then|just|first|immediately) )?(\w+)/.exec(k);
        expect(m, `${b.id}: ${k}`).not.toBeNull();
        if (!k.startsWith("I'd")) expect(g.PAST[m![1]!], `${b.id}: ${m![1]}`).toBeDefined();
      }
    }
  });

  it('cover the 8 competencies, the 3 kinds and the 3 levels in fair shares', () => {
    expect(new Set(BASES.map((b) => b.competency)).size).toBe(8);
    const count = (k: keyof Base, v: string) => BASES.filter((b) => b[k] === v).length;
    for (const l of ['low', 'medium', 'high']) expect(count('level', l)).toBeGreaterThanOrEqual(10);
    for (const k of ['behavioural', 'situational', 'opinion']) expect(count('kind', k)).toBeGreaterThanOrEqual(8);
    expect(new Set(BASES.map((b) => b.id)).size).toBe(BASES.length);
  });
});
