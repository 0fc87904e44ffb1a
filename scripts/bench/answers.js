// Bench input: reads examples/answers.yaml (with a tiny YAML reader, so the bench needs only node
// built-ins) and derives N varied, deterministic answers from it.

/** A seeded PRNG (mulberry32), so every bench run scores the same file. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function unquote(v) {
  const s = v.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) return JSON.parse(s);
  if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) return s.slice(1, -1).replace(/''/g, "'");
  return s;
}

/**
 * Reads a YAML list of flat records (`- key: value`, block scalars `|` / `>`, quoted scalars) —
 * the shape of examples/answers.yaml. Throws on anything else rather than guessing.
 */
export function parseRecordList(text) {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const records = [];
  let cur = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^(- |  )([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!m) throw new Error(`answers.yaml:${i + 1}: unsupported YAML for the bench reader: ${line}`);
    if (m[1] === '- ') records.push((cur = {}));
    else if (!cur) throw new Error(`answers.yaml:${i + 1}: field outside a list entry`);
    const key = m[2];
    const raw = (m[3] ?? '').replace(/\s+#.*$/, '');
    const block = /^([|>])([+-]?)$/.exec(raw.trim());
    if (!block) {
      cur[key] = unquote(raw);
      continue;
    }
    const body = [];
    let indent = -1;
    while (i + 1 < lines.length) {
      const next = lines[i + 1];
      if (next.trim() === '') { body.push(''); i++; continue; }
      const ind = /^ */.exec(next)[0].length;
      if (ind <= 2) break;
      if (indent < 0) indent = ind;
      body.push(next.slice(indent));
      i++;
    }
    while (body.length && body[body.length - 1] === '') body.pop();
    cur[key] = block[1] === '|' ? body.join('\n') : body.join(' ').replace(/ {2,}/g, ' ');
    if (block[2] !== '-') cur[key] += '\n';
  }
  return records;
}

const wordCount = (s) => s.split(/\s+/).filter(Boolean).length;

const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'fifteen', 'twenty', 'thirty', 'forty', 'fifty'];
const NUMBER_WORD_RE = new RegExp(`\\b(${NUMBER_WORDS.join('|')})\\b(?! o'clock)`, 'g');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = new RegExp(`\\b(${MONTHS.join('|')})\\b`, 'g');
const WHEN = ['Last year', 'Last Christmas', 'Last summer', 'Two years ago', 'A few months ago', 'In my last job', 'During my gap year'];
const WHEN_RE = new RegExp(`^(${WHEN.join('|')})\\b`);
const HIS = ['Tom', 'Mark', 'Kwame', 'Daniel', 'Sean', 'Greg', 'Raj', 'Piotr'];
const HER = ['Priya', 'Aisha', 'Joanne', 'Lucy', 'Mei', 'Fatima', 'Sarah', 'Ewa'];
const NAMES = [...HIS, ...HER];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** Short detail sentences (a name, a number, a day), fitting both past stories and "I would" answers. */
const DETAILS = [
  (r) => `I'd been in that job about ${2 + Math.floor(r() * 22)} months at the time.`,
  (r) => `My colleague ${pick(r, NAMES)} was on the same shift as me.`,
  (r) => `It was a busy ${pick(r, DAYS)} and there were about ${3 + Math.floor(r() * 25)} people waiting.`,
  (r) => `I had something similar with a customer called ${pick(r, NAMES)} about ${2 + Math.floor(r() * 10)} years ago.`,
  (r) => `My trainer, ${pick(r, NAMES)}, always said the first ${2 + Math.floor(r() * 9)} minutes of a call decide how it goes.`,
];
/** Workplaces and roles that appear in the examples, with plausible swaps. */
const SWAPS = [
  [/\bphone shop\b/g, ['phone shop', 'mobile phone store', 'electronics shop', 'broadband shop']],
  [/\bdepartment store\b/g, ['department store', 'clothing store', 'shoe shop', 'sports shop']],
  [/\bbank branch\b/g, ['bank branch', 'building society branch', 'credit union office']],
  [/\bcinema box office\b/g, ['cinema box office', 'theatre box office', 'leisure centre front desk']],
  [/\bcomputer shop\b/g, ['computer shop', 'electronics store', 'tech retailer']],
  [/\benergy company's call centre\b/g, ["energy company's call centre", "water company's call centre", "broadband provider's help desk"]],
  [/\bmy manager\b/g, ['my manager', 'my supervisor', 'my team leader', 'the store manager']],
  [/\bcoat\b/g, ['coat', 'jacket', 'dress', 'suit']],
  [/\blaptop\b/g, ['laptop', 'tablet', 'notebook']],
];
const OPENERS = [
  "That's a good question.",
  'Let me think of a good example.',
  "I've got a clear example of this.",
  'One example comes to mind straight away.',
];
const CLOSERS = [
  'Looking back, it taught me to listen properly before jumping to a solution.',
  "It's something I still think about when a customer is having a bad day.",
  'I learned that small follow-ups make a big difference to how people feel about a service.',
  "I'd handle it the same way again, though I'd write things down sooner.",
  'It showed me how much customers notice when someone takes ownership.',
  'My manager later used it as an example in a training session for new staff.',
];

const pick = (r, list) => list[Math.floor(r() * list.length)];

function splitSentences(text) {
  return text.trim().match(/[^.!?]+[.!?]+["')]*\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [text.trim()];
}

/** One varied answer from a base answer: numbers, names, places, time words and sentence order change. */
function vary(base, r) {
  let text = base.trim().replace(/\s+/g, ' ');
  text = text.replace(/\b\d+\b/g, (n) => String(Math.max(2, Math.round(Number(n) * (0.5 + r() * 1.5)))));
  // A nearby number word, so "three weeks late" stays plausible.
  text = text.replace(NUMBER_WORD_RE, (w) => {
    const k = NUMBER_WORDS.indexOf(w) + Math.floor(r() * 5) - 2;
    return NUMBER_WORDS[Math.min(NUMBER_WORDS.length - 1, Math.max(0, k))];
  });
  text = text.replace(MONTH_RE, () => pick(r, MONTHS));
  for (const [re, options] of SWAPS) {
    const choice = pick(r, options); // one choice per answer, so the story stays consistent
    text = text.replace(re, choice);
  }
  // Give the person in the story a name now and then (matching the pronoun used later).
  text = text.replace(/\b(A|a) (man|woman|student|customer)\b(?= (came|had|rang|phoned|walked|was)\b)/, (m, a, who, _v, at) => {
    if (r() >= 0.5) return m;
    const pron = /\b(he|his|him|she|her)\b/i.exec(text.slice(at));
    const names = who === 'man' || (who !== 'woman' && pron && /^h[ei]/i.test(pron[1])) ? HIS : HER;
    return `${a} ${who} called ${pick(r, names)}`;
  });
  let sentences = splitSentences(text);
  if (WHEN_RE.test(sentences[0]) && r() < 0.7) sentences[0] = sentences[0].replace(WHEN_RE, pick(r, WHEN));
  // Swap two neighbouring sentences after the opening, or drop one, as different speakers would.
  if (sentences.length > 5 && r() < 0.25) {
    const j = 2 + Math.floor(r() * (sentences.length - 4));
    [sentences[j], sentences[j + 1]] = [sentences[j + 1], sentences[j]];
  }
  if (sentences.length > 5 && r() < 0.25) sentences.splice(1 + Math.floor(r() * (sentences.length - 2)), 1);
  if (r() < 0.6) sentences.splice(1 + Math.floor(r() * Math.min(2, sentences.length - 1)), 0, pick(r, DETAILS)(r));
  if (r() < 0.3) sentences.unshift(pick(r, OPENERS));
  if (r() < 0.4) sentences.push(pick(r, CLOSERS));
  // Keep realistic lengths: 60 to 200 words.
  while (wordCount(sentences.join(' ')) < 60) sentences.push(pick(r, CLOSERS));
  while (wordCount(sentences.join(' ')) > 200 && sentences.length > 3) sentences.splice(sentences.length - 2, 1);
  return sentences.join(' ');
}

function varyQuestion(q, r) {
  if (r() < 0.2 && /^(Tell me|Describe)\b/.test(q)) return `Can you ${q[0].toLowerCase()}${q.slice(1).replace(/\.$/, '?')}`;
  return q;
}

/**
 * `count` records {id, question, competency?, answer} cycling through the examples, all with
 * distinct answer text. About a third omit the competency, so it is inferred from the question.
 */
/**
 * N answers as JSONL lines, one at a time (nothing kept: a million of them need no memory), for
 * the scale runs. Not deduplicated, unlike generateAnswers.
 */
export function* answerLines(examples, count, seed = 20240601) {
  if (examples.length === 0) throw new Error('no example answers to vary');
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const ex = examples[i % examples.length];
    const rec = { id: `scale-${String(i + 1).padStart(7, '0')}`, question: varyQuestion(ex.question, r) };
    if (ex.competency && r() >= 1 / 3) rec.competency = ex.competency; // as generateAnswers: a third left to inference
    rec.answer = vary(ex.answer, r);
    yield `${JSON.stringify(rec)}\n`;
  }
}

export function generateAnswers(examples, count, seed = 20240601) {
  if (examples.length === 0) throw new Error('no example answers to vary');
  const r = rng(seed);
  const seen = new Set();
  const out = [];
  for (let i = 0; i < count; i++) {
    const ex = examples[i % examples.length];
    let answer = vary(ex.answer, r);
    for (let tries = 0; seen.has(answer) && tries < 50; tries++) answer = vary(ex.answer, r);
    while (seen.has(answer)) answer = `${answer} ${pick(r, DETAILS)(r)}`;
    seen.add(answer);
    const rec = { id: `bench-${String(i + 1).padStart(5, '0')}`, question: varyQuestion(ex.question, r) };
    if (ex.competency && r() >= 1 / 3) rec.competency = ex.competency;
    rec.answer = answer;
    out.push(rec);
  }
  const words = out.map((o) => wordCount(o.answer)).sort((a, b) => a - b);
  return {
    records: out,
    stats: {
      count: out.length,
      distinct: seen.size,
      bases: examples.length,
      words: { min: words[0], median: words[Math.floor(words.length / 2)], max: words[words.length - 1], mean: words.reduce((a, b) => a + b, 0) / words.length },
    },
  };
}
