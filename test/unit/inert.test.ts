import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell, csvRecord } from '../../src/render/csv.js';
import { inert, inertData, inertJson, toJson } from '../../src/render/inert.js';
import { md } from '../../src/render/markdown.js';
import { renderFeedback } from '../../src/render/practice.js';
import { makeStyle } from '../../src/render/style.js';
import { listSome } from '../../src/io/list-some.js';
import { styleFor } from '../../src/cli/style.js';
import { rubric, score } from './rubric-fixture.js';

// Every character a terminal would act on, from an answer, id or rubric.
const TITLE = '\x1b]0;pwned\x07';
const CLEAR = '\x1b[2J\x1b[H';
const CLIPBOARD = '\x1b]52;c;cm0gLXJmIH4=\x07';
const LINK = '\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\';
const C1_CSI = '\x9b31m';
const BIDI = '\u202eevil\u202c \u2066x\u2069 \u200f';
const OVERWRITE = 'paid\rrefund\b\b';
const HOSTILE = `${TITLE}${CLEAR}${CLIPBOARD}${LINK}${C1_CSI}${BIDI}${OVERWRITE}\x00\x7f`;
// eslint-disable-next-line no-control-regex
const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('inert', () => {
  it('shows C0 controls and DEL as control pictures, C1 and bidirectional controls as U+FFFD', () => {
    expect(inert('a\x1b[2Jb')).toBe('a␛[2Jb');
    expect(inert('bell\x07 nul\x00 del\x7f bs\b cr\r')).toBe('bell␇ nul␀ del␡ bs␈ cr␍');
    expect(inert('\x9b31m \x85')).toBe('�31m �');
    expect(inert('\u202edcba\u202c \u2066i\u2069 \u200e\u200f\u061c')).toBe('�dcba� �i� ���');
  });

  it('keeps newline and tab, and turns a Windows line end into a space and a newline', () => {
    expect(inert('one\ntwo\tthree')).toBe('one\ntwo\tthree');
    expect(inert('one\r\ntwo')).toBe('one \ntwo');
  });

  it('keeps every length, so offsets into an answer still hold, and returns clean text as it is', () => {
    expect(inert(HOSTILE)).toHaveLength(HOSTILE.length);
    expect(RAW.test(inert(HOSTILE))).toBe(false);
    const clean = 'Tell me about a time you helped a customer — “quotes” and émigré.';
    expect(inert(clean)).toBe(clean);
  });

  it('inertData reaches every string of a view\'s data, keys included, and copies only what changed', () => {
    const shared = { file: 'a.txt', quote: 'fine' };
    const data = { id: `x${CLEAR}`, list: [{ name: BIDI, source: shared }], byKey: { [`k${TITLE}`]: 1 }, n: 3, ok: true, none: null };
    const out = inertData(data);
    expect(RAW.test(JSON.stringify(out))).toBe(false);
    expect(out.list[0]!.source).toBe(shared);
    expect(Object.keys(out.byKey)).toEqual(['k␛]0;pwned␇']);
    expect(data.id).toBe(`x${CLEAR}`);
    const clean = { a: ['b', { c: 'd' }] };
    expect(inertData(clean)).toBe(clean);
  });

  it('inertData keeps a "__proto__" key an ordinary key', () => {
    const data = JSON.parse('{"__proto__": {"polluted": "\\u001b"}, "x": "\\u001b"}') as Record<string, unknown>;
    const out = inertData(data);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('inertJson writes C1 and bidirectional controls as \\u escapes: the same value when parsed', () => {
    const value = { id: HOSTILE, list: [BIDI, C1_CSI] };
    const json = toJson(value, 2);
    expect(RAW.test(json)).toBe(false);
    expect(JSON.parse(json)).toEqual(value);
    expect(inertJson('{"a":"\u202e"}')).toBe('{"a":"\\u202e"}');
  });
});

describe('CSV cells against formula injection (OWASP)', () => {
  it('prefixes a cell that begins with = + - @ tab or CR with a single quote, and quotes it', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+2')).toBe('"\'+1+2"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\t=1')).toBe('"\'\t=1"');
    expect(csvCell('\r=1')).toBe('"\'␍=1"');
    expect(csvCell('＝1+1')).toBe('"\'＝1+1"');
  });

  it('leaves other text as it is, quoting only for commas, quotes and line breaks', () => {
    expect(csvCell('Sam Patel')).toBe('Sam Patel');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('one\ntwo')).toBe('"one\ntwo"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('')).toBe('');
  });

  it('writes the tool\'s own numbers as numbers, and data inert', () => {
    expect(csvCell(82)).toBe('82');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(`x${CLEAR}`)).toBe('x␛[2J␛[H');
  });

  it('reads back with a CSV parser as the prefixed text', () => {
    const row = csvRecord(['=1+2', 'a,"b"', 7, '@x\ny']);
    expect(parse(row)).toEqual([["'=1+2", 'a,"b"', '7', "'@x\ny"]]);
  });
});

describe('md', () => {
  it('escapes what Markdown acts on: images, links, raw HTML, headings, tables, emphasis, entities', () => {
    expect(md('![x](http://evil/t.png)')).toBe('\\!\\[x\\](http://evil/t.png)');
    expect(md('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(md('# Heading')).toBe('\\# Heading');
    expect(md('a | b *c* _d_ `e` ~f~ &#x202e;')).toBe('a \\| b \\*c\\* \\_d\\_ \\`e\\` \\~f\\~ \\&\\#x202e;');
    expect(md('back\\slash')).toBe('back\\\\slash');
  });

  it('puts data on one line and makes it inert', () => {
    expect(md('one\n# two\r\n')).toBe('one \\# two');
    expect(RAW.test(md(HOSTILE))).toBe(false);
  });
});

describe('listSome', () => {
  it('names the first ten, each cut short, then how many more', () => {
    const names = Array.from({ length: 1_000_000 }, (_, i) => `column${i}`);
    expect(listSome(names)).toBe('column0,column1,column2,column3,column4,column5,column6,column7,column8,column9,… and 999990 more');
    expect(listSome(['a'.repeat(100), 'b'])).toBe(`${'a'.repeat(39)}…,b`);
    expect(listSome(['id', 'question'])).toBe('id,question');
  });
});

describe('practice feedback', () => {
  it('shows an answer with escapes inert, with its sentences still tagged', () => {
    const answer = `Last summer I worked on the tills at a garden centre.${CLEAR} A man said his new hose had split, so I asked what he needed it for and offered him a refund or a stronger hose.${TITLE} He chose the stronger one and came back to thank me.${BIDI}`;
    const a = score('Tell me about a time you helped a customer.', answer, 'customer-focus');
    const out = renderFeedback(answer, a, { messages: [] } as never, [], makeStyle(null, 80));
    expect(RAW.test(out)).toBe(false);
    expect(out).toContain('␛[2J␛[H A man said');
    expect(out).toMatch(/\[S\S*\] +Last summer/);
    expect(rubric()).toBeDefined();
  });
});

describe('colour', () => {
  const tty = { isTTY: true, columns: 80 } as NodeJS.WriteStream;
  const withEnv = async (env: Record<string, string | undefined>, f: () => Promise<void>): Promise<void> => {
    const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
    try { await f(); } finally { for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v; }
  };

  it('is off at a terminal with TERM=dumb, as with NO_COLOR, and on with another TERM', async () => {
    await withEnv({ TERM: 'dumb', NO_COLOR: undefined, FORCE_COLOR: undefined }, async () => {
      expect((await styleFor(tty, undefined)).bold('x')).toBe('x');
    });
    await withEnv({ TERM: 'xterm-256color', NO_COLOR: '1', FORCE_COLOR: undefined }, async () => {
      expect((await styleFor(tty, undefined)).bold('x')).toBe('x');
    });
    await withEnv({ TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined }, async () => {
      expect((await styleFor(tty, undefined)).bold('x')).toBe('\x1b[1mx\x1b[22m');
    });
  });
});
