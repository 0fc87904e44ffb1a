// Bench input for spoken answers: the generated answers said aloud, as the transcripts speech
// tools write them (a third each: whisper.cpp WebVTT, SRT, a Zoom WebVTT with the interviewer's
// question and a backchannel), one file per answer, and a JSONL of records that point at them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './answers.js';

const pad2 = (n) => String(n).padStart(2, '0');
function stamp(ms, sep) {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor(ms / 60000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}${sep}${String(ms % 1000).padStart(3, '0')}`;
}

/** The answer's sentences as timed cues: about 2.3 words a second, short gaps, now and then a long pause. */
function cues(answer, r) {
  const sentences = answer.replace(/\s+/g, ' ').trim().split(/(?<=[.!?])\s+/);
  const out = [];
  let t = Math.round(r() * 800);
  for (const s of sentences) {
    const words = s.split(' ').length;
    const dur = Math.round((words / (2.0 + r() * 0.7)) * 1000);
    out.push({ start: t, end: t + dur, text: s });
    t += dur + (r() < 0.15 ? 2100 + Math.round(r() * 2000) : Math.round(r() * 600));
  }
  return out;
}

/**
 * Writes `records` (from generateAnswers) as transcripts under dir/t/ and returns the JSONL of
 * records that point at them (question and competency kept, the answer replaced by the file).
 */
export function writeTranscripts(records, dir, seed = 20240614) {
  const r = rng(seed);
  mkdirSync(join(dir, 't'), { recursive: true });
  const lines = [];
  records.forEach((rec, i) => {
    const cs = cues(rec.answer, r);
    const kind = i % 3;
    const name = `t/${String(i + 1).padStart(5, '0')}.${kind === 1 ? 'srt' : 'vtt'}`;
    let text;
    if (kind === 0) text = `WEBVTT\n\n${cs.map((c) => `${stamp(c.start, '.')} --> ${stamp(c.end, '.')}\n ${c.text}\n`).join('\n')}`;
    else if (kind === 1) text = cs.map((c, k) => `${k + 1}\n${stamp(c.start, ',')} --> ${stamp(c.end, ',')}\n ${c.text}\n`).join('\n');
    else {
      const shift = 5000;
      const zoom = [{ start: 500, end: 4200, who: 'Jo Fraser', text: rec.question }];
      cs.forEach((c, k) => {
        zoom.push({ start: c.start + shift, end: c.end + shift, who: 'Amir Haddad', text: c.text });
        if (k === 1) zoom.push({ start: c.end + shift + 100, end: c.end + shift + 600, who: 'Jo Fraser', text: 'Mm-hm.' });
      });
      text = `WEBVTT\n\n${zoom.map((c, k) => `${k + 1}\n${stamp(c.start, '.')} --> ${stamp(c.end, '.')}\n${c.who}: ${c.text}\n`).join('\n')}`;
    }
    writeFileSync(join(dir, name), text);
    const out = { id: rec.id, question: rec.question };
    if (rec.competency) out.competency = rec.competency;
    out.transcript = name;
    if (kind === 2) out.speaker = 'Amir Haddad';
    lines.push(JSON.stringify(out));
  });
  const file = join(dir, 'transcripts.jsonl');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
