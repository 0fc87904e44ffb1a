// The text of one transcript cue, as subtitle files write it, turned into what was said and by
// whom: WebVTT voice tags (<v Name>), "Name:" prefixes, styling and timing tags, entities and
// sound annotations such as whisper.cpp's [BLANK_AUDIO].
import { scanWords } from '../core/spoken-words.js';
import { untidy } from '../core/spoken-cues.js';

export interface CuePart {
  text: string;
  speaker: string | null;
  /** Words said, by which a cue's time is shared out when two people speak in it (1 when one does). */
  words: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/;
/** "Ann:", "Dr. Ann Lee:", "INTERVIEWER:", "Speaker 2:" at the start of a line. */
const PREFIX = /^(\p{Lu}[\p{L}'’.-]*(?:[ \t]+[\p{Lu}\p{N}][\p{L}\p{N}'’.-]*){0,3}):[ \t]+(?=\S)/u;
/** whisper.cpp --diarize in SRT: "(speaker 0) text"; its WebVTT says <v Speaker0>. */
const WHISPER_SPEAKER = /^\(speaker ([0-9]+|\?)\)\s*/i;
/** Words people start a spoken sentence with that are not names ("Result: they came back"). */
const NOT_NAMES = new Set(['situation', 'task', 'action', 'actions', 'result', 'results', 'outcome', 'note', 'example', 'answer', 'so', 'well', 'basically', 'anyway', 'first', 'second', 'then', 'finally', 'step', 'ps']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

/** A line's text with tags, entities and sound annotations removed (spaces not yet collapsed). */
function clean(line: string): string {
  // Most lines of most transcripts carry none of these: skip the replacements for them.
  if (!/[<&[({♪♫]/.test(line)) return /^\s*[>-]/.test(line) ? line.replace(/^\s*(?:>>+|-(?=\s))\s*/, '') : line;
  return line
    .replace(/<(?:\d+:)?\d{2}:\d{2}[.,]\d{3}>/g, ' ') // karaoke-style inline timestamps
    .replace(/<\/?[a-zA-Z][^>]*>/g, '') // <c.x>, <b>, <i>, <u>, <v ...>, <font ...>, <ruby>, <lang>
    .replace(/\{\\[^}]*\}/g, '') // {\an8} positioning some SRT files carry
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/\[[^\]]*\]/g, ' ') // [BLANK_AUDIO], [Music], [laughter]
    .replace(/\(\s*(?:laughs?|laughter|applause|music|inaudible|crosstalk|silence|coughs?|sighs?|pause)\b[^)]*\)/gi, ' ')
    .replace(/[♪♫]/g, ' ')
    .replace(/^\s*(?:>>+|-(?=\s))\s*/, ''); // ">>" and "- " mark a change of speaker in captions
}

/**
 * What one cue says, split where the speaker changes. `carried` is the speaker of the cue
 * before: a cue (or line) without a label continues that person's turn.
 */
export function cueParts(body: string, carried: string | null): CuePart[] {
  // Each speaker's run of lines, joined with spaces as it is read (most cues are one line).
  const texts: string[] = [];
  const speakers: (string | null)[] = [];
  let speaker = carried;
  for (let from = 0; ;) {
    const nl = body.indexOf('\n', from);
    const rawLine = nl < 0 ? (from === 0 ? body : body.slice(from)) : body.slice(from, nl);
    let label: string | null = null;
    // Each pattern is tried only on lines that could hold it (most hold none).
    const voice = rawLine.includes('<v') ? VOICE.exec(rawLine) : null;
    if (voice && voice[1]!.trim() !== '') label = voice[1]!.trim().replace(/\s+/g, ' ');
    let line = clean(rawLine).trim();
    const colon = line.indexOf(':');
    const prefix = colon > 0 && colon < 80 ? PREFIX.exec(line) : null;
    const whisper = line.charCodeAt(0) === 40 /* ( */ ? WHISPER_SPEAKER.exec(line) : null;
    if (prefix && !NOT_NAMES.has(prefix[1]!.toLowerCase())) {
      label = prefix[1]!.replace(/\s+/g, ' ');
      line = line.slice(prefix[0].length);
    } else if (whisper) {
      label = `speaker ${whisper[1]}`;
      line = line.slice(whisper[0].length);
    }
    // whisper.cpp's "(speaker ?)" / <v Speaker?>: it could not tell who spoke.
    if (label !== null && /^speaker\s*\?$/i.test(label)) speaker = null;
    else if (label !== null) speaker = label;
    const k = texts.length - 1;
    if (k >= 0 && speakers[k] === speaker) texts[k] += ` ${line}`;
    else {
      texts.push(line);
      speakers.push(speaker);
    }
    if (nl < 0) break;
    from = nl + 1;
  }
  const out: CuePart[] = [];
  for (let k = 0; k < texts.length; k++) {
    const joined = texts[k]!;
    const text = untidy(joined) ? joined.replace(/\s+/g, ' ').trim() : joined;
    // Words are counted only to share a cue's time between speakers; one speaker needs no count.
    const words = texts.length === 1 ? (WORD_CHAR.test(text) ? 1 : 0) : scanWords(text).count;
    if (words > 0) out.push({ text, speaker: speakers[k]!, words });
  }
  return out;
}
