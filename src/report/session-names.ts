import type { HistoryRecord } from '../io/history.js';

// Sessions as a person names them: when, and what was practised ("Tue 1 Dec 2026, 14:05 ·
// Retail sales assistant set"), never the internal id a history keeps them by. Pure: the caller
// gives the time zone (the user's own, at the command line) and the rubric's names.

/** What a session's plan can be turned into words with: titles of sets, names of competencies, question texts. */
export interface SessionNaming {
  sets?: ReadonlyMap<string, string>;
  competencies?: ReadonlyMap<string, string>;
  questions?: ReadonlyMap<string, string>;
  /** IANA time zone for the date and time; the process's own when absent. */
  timeZone?: string | undefined;
}

/** When and how a session was started, from its session record. */
export interface SessionPlan {
  at: string;
  how: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "Tue 1 Dec 2026, 14:05" in the given time zone; a date that cannot be read is returned as it is. */
export function whenLabel(at: string, timeZone?: string): string {
  const d = new Date(at);
  if (!/^\d{4}-\d{2}-\d{2}/.test(at) || Number.isNaN(d.getTime())) return at;
  const p = Object.fromEntries(formatter(timeZone).formatToParts(d).map((x) => [x.type, x.value]));
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}, ${p['hour']}:${p['minute']}`;
}

/** "1 Dec", or "1 Dec 2026" with the year: a short date for a chart's axis. */
export function shortDate(at: string, timeZone?: string, withYear = false): string {
  const full = whenLabel(at, timeZone);
  const m = /^\S+ (\d+ \S+) (\d{4}),/.exec(full);
  return m ? (withYear ? `${m[1]} ${m[2]}` : m[1]!) : full.slice(0, 10);
}

const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/**
 * What a session practised, in words, from the plan its session record keeps: "Retail sales
 * assistant set", "Customer focus questions", "Mock interview of 5 questions", "coach score
 * answers.yaml" (file names without their folders).
 */
export function planLabel(how: string, naming: SessionNaming = {}): string {
  let m: RegExpExecArray | null;
  if ((m = /^set (.+)$/.exec(how))) return `${naming.sets?.get(m[1]!) ?? m[1]} set`;
  if ((m = /^competency (.+)$/.exec(how))) return `${naming.competencies?.get(m[1]!) ?? m[1]} questions`;
  if ((m = /^question (.+)$/.exec(how))) {
    const text = naming.questions?.get(m[1]!);
    return text ? `One question: “${clip(text, 60)}”` : `One question (${m[1]})`;
  }
  if ((m = /^mock interview of (\d+)$/.exec(how))) return `Mock interview of ${m[1]} question${m[1] === '1' ? '' : 's'}`;
  if (how === 'random mix') return 'Random mix of questions';
  if (how.startsWith('coach score ')) return clip(how.replace(/(^|\s)(?:\S*[\\/])([^\s\\/]+)/g, '$1$2'), 80);
  return clip(how, 80);
}

/** "Tue 1 Dec 2026, 14:05 · Retail sales assistant set", or the date and time alone when the plan is not known. */
export function sessionName(at: string | null, how: string | null | undefined, naming: SessionNaming = {}): string {
  const when = at ? whenLabel(at, naming.timeZone) : '';
  const what = how && how !== 'unknown' ? planLabel(how, naming) : '';
  return [when, what].filter(Boolean).join(' · ') || 'Undated session';
}

/** Each session's start and plan, from the session records of a history. */
export function sessionPlans(records: HistoryRecord[]): Map<string, SessionPlan> {
  const out = new Map<string, SessionPlan>();
  for (const r of records) {
    if (typeof r !== 'object' || r === null || r.type !== 'session' || typeof r.session !== 'string' || typeof r.at !== 'string') continue;
    const how = typeof r.plan === 'object' && r.plan !== null && typeof r.plan.how === 'string' ? r.plan.how : 'unknown';
    out.set(r.session, { at: r.at, how });
  }
  return out;
}

/** The names a rubric gives sets, competencies and questions, for naming sessions. */
export function namingFromRubric(data: { sets: Array<{ name: string; title: string }>; competencies: Array<{ id: string; name: string }>; questions: Array<{ id: string; text: string }> }, timeZone?: string): SessionNaming {
  return {
    sets: new Map(data.sets.map((s) => [s.name, s.title])),
    competencies: new Map(data.competencies.map((c) => [c.id, c.name])),
    questions: new Map(data.questions.map((q) => [q.id, q.text])),
    timeZone,
  };
}
