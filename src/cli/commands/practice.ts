import type { CompiledRubric } from '../../core/compile.js';
import type { Assessment, IndicatorData, Level, QuestionData, QuestionKind, RubricData } from '../../core/types.js';
import { HistoryFileError, HistoryStore } from '../../io/history.js';
import { usableDataDir } from '../data-dir.js';
import type { SummaryRow } from '../../render/practice.js';
import { inert } from '../../render/inert.js';
import { wrap, type Style } from '../../render/style.js';
import { unknownCompetency } from '../../io/errors.js';
import { didYouMean } from '../../io/did-you-mean.js';
import { CliError, EXIT } from '../errors.js';
import { getAnswer, type PreviousAnswer } from './practice-answer.js';
import type { MenuChoice } from '../prompts/menu.js';
import { loadRubricOrFail } from '../rubric.js';
import { styleFor } from '../style.js';
import { Drafts, draftOf, isCtrlC } from '../practice/drafts.js';
import type { MockTurn } from '../../report/debrief.js';
import { scoreAnswer, type PracticeQuestion } from '../practice/score-answer.js';

export type AnswerMode = 'free' | 'guided' | 'editor' | 'transcript';

export interface PracticeOptions {
  set?: string;
  candidate?: string;
  adviser?: boolean;
  competency?: string;
  question?: string;
  count?: number;
  mock?: boolean;
  time?: number;
  mode?: AnswerMode;
  /** How many follow-up questions to ask after each answer: 0, 1 or 2 (default 1). */
  followUps?: string | number;
  /** A question of the candidate's own, to practise instead of a bank question. */
  ask?: string;
  /** With --ask: the kind of question, instead of the one read from its wording. */
  kind?: QuestionKind;
  /** A drill: "weakest" picks questions from the weakest and never practised areas in the history. */
  focus?: string;
  data?: string;
  rubrics: string[];
  color?: boolean;
}

/**
 * What a session needs, loaded so that the first prompt shows quickly: the bank's data and the
 * answer prompt first; the scorer, the compiled rubric and the other prompts once it is up.
 */
export interface Prompts {
  /** A menu; choice names are wrapped to the terminal's width (prompts/menu.ts). */
  select: <T>(config: { message: string; choices: ReadonlyArray<MenuChoice<T>>; pageSize?: number }) => Promise<T>;
  input: () => Promise<typeof import('@inquirer/input').default>;
  answer: typeof import('../prompts/answer-prompt.js').answerPrompt;
  /** A menu filtered by what is typed. */
  search: () => Promise<typeof import('@inquirer/search').default>;
}

export interface Scorer {
  rubric: CompiledRubric;
  followUps: typeof import('../../core/follow-ups.js');
  followUpViews: typeof import('../../render/follow-ups.js');
  infer: typeof import('../../core/question.js').inferQuestion;
  assess: typeof import('../../core/assess.js').assess;
  styleNotes: typeof import('../../core/style-notes.js').styleNotes;
  compare: typeof import('../../core/compare.js').compareAssessments;
  render: typeof import('../../render/practice.js');
}

function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= load());
}

/** Ctrl-C, or Ctrl-D on an empty prompt: inquirer's way of saying the user left. */
function isExit(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

class SessionEnded extends Error {}

// Ctrl-D finishes an answer (the answer prompt catches readline closing); Ctrl-C ends the
// session cleanly, with the summary, and every answer already saved.

function shuffle<T>(list: T[]): T[] {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** A mock interview: questions across competencies in turn, behavioural ones first in each round. */
function mockInterview(data: RubricData, questions: QuestionData[], n: number): QuestionData[] {
  const byCompetency = shuffle(data.competencies.map((c) => c.id)).map((c) => shuffle(questions.filter((q) => q.competency === c)));
  const out: QuestionData[] = [];
  for (let round = 0; out.length < n && round < 20; round++) {
    for (const list of byCompetency) if (out.length < n && list[round]) out.push(list[round]!);
  }
  return out;
}

export async function runPractice(opts: PracticeOptions): Promise<number> {
  const followUps = followUpCount(opts.followUps);
  checkPlanOptions(opts);
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new CliError('coach practice needs an interactive terminal. To score answers from a file or a pipe, use coach score (see coach score --help).');
  }
  if (opts.time !== undefined && (!Number.isFinite(opts.time) || opts.time < 10)) throw new CliError('--time is in seconds, at least 10 (a real answer takes 90-120)');
  const [st, data, answer] = await Promise.all([
    styleFor(process.stdout, opts.color),
    loadRubricOrFail(opts.rubrics),
    import('../prompts/answer-prompt.js').then((m) => m.answerPrompt),
  ]);
  const loadSelect = lazy(() => Promise.all([import('@inquirer/select'), import('../prompts/menu.js')]));
  const prompts: Prompts = {
    select: async (config) => {
      const [{ default: select }, { wrapChoices }] = await loadSelect();
      return select({ ...config, choices: wrapChoices(config.choices) });
    },
    answer,
    input: lazy(() => import('@inquirer/input').then((m) => m.default)),
    search: lazy(() => import('@inquirer/search').then((m) => m.default)),
  };
  const scorer = lazy(async (): Promise<Scorer> => {
    const [{ compileRubric }, { assess }, { styleNotes }, { compareAssessments }, render, followUpsCore, followUpViews, { inferQuestion }] = await Promise.all([
      import('../../core/compile.js'), import('../../core/assess.js'), import('../../core/style-notes.js'), import('../../core/compare.js'), import('../../render/practice.js'),
      import('../../core/follow-ups.js'), import('../../render/follow-ups.js'), import('../../core/question.js'),
    ]);
    return { rubric: compileRubric(data), assess, styleNotes, compare: compareAssessments, render, followUps: followUpsCore, followUpViews, infer: inferQuestion };
  });
  // Compile once the first prompt is on screen, while the user reads it; scoring then never waits.
  setTimeout(() => void scorer(), 200).unref();
  const questions = data.questions;
  const competencyIds = new Set(data.competencies.map((c) => c.id));
  if (opts.competency && !competencyIds.has(opts.competency)) throw new CliError(unknownCompetency(opts.competency, competencyIds));
  if (opts.question && !questions.some((q) => q.id === opts.question)) throw new CliError(`no question "${opts.question}" in the bank${didYouMean(opts.question, questions.map((q) => q.id)) || ' (see coach bank list)'}`);
  const set = opts.set ? data.sets.find((x) => x.name === opts.set) : undefined;
  if (opts.set && !set) throw new CliError(`no question set "${opts.set}"${didYouMean(opts.set, data.sets.map((x) => x.name))}: expected one of ${data.sets.map((x) => x.name).join(', ')}`);
  // A timed set times every question, unless --time says otherwise.
  const seconds = opts.time ?? set?.time;
  const session = { id: '', candidate: opts.candidate };

  const store = new HistoryStore(usableDataDir(opts.data));
  // Time plus a random suffix: unique enough for one person's history, without loading node:crypto.
  session.id = `${new Date().toISOString().replace(/[:.]/g, '-')}-${Math.random().toString(16).slice(2, 8)}`;
  const rows: SummaryRow[] = [];
  const turns: MockTurn[] = [];
  // What is being answered, so that Ctrl-C can keep what was typed as a draft.
  const drafts = new Drafts();
  let mock = false;
  let interrupted = false;
  try {
    let chosen: Plan | 'ask' | 'focus' = set
      ? { how: `set ${set.name}${opts.mock ? ' (mock)' : ''}`, questions: set.questions.map((id) => questions.find((q) => q.id === id)!), ...(opts.mock ? { mock: true } : {}) }
      : opts.ask !== undefined ? 'ask' : opts.focus ? 'focus' : await choosePlan(opts, data, questions, prompts, st);
    if (chosen === 'ask') {
      const text = opts.ask ?? await (await prompts.input())({ message: 'Your question (from a job advert, say):', validate: (v: string) => v.trim() !== '' || 'Type the question you want to practise.' });
      chosen = await askPlan({ ...opts, ask: text }, data, scorer, prompts, st);
    } else if (chosen === 'focus') chosen = await focusPlan(opts, store, data, questions, scorer, st);
    const plan: Plan = chosen;
    mock = plan.mock === true;
    const mode = opts.mode ?? await prompts.select<AnswerMode>({
      message: 'How do you want to answer?',
      choices: [
        { name: 'Free answer (type or paste it)', value: 'free' },
        { name: 'Guided STAR: one prompt for each part, with a hint', value: 'guided' },
        { name: 'In my editor ($VISUAL / $EDITOR)', value: 'editor' },
        { name: 'From a recording\'s transcript (.vtt or .srt)', value: 'transcript' },
      ],
    });
    store.append({
      v: 1, type: 'session', session: session.id, at: new Date().toISOString(),
      plan: { how: plan.how, count: plan.questions.length, ...(seconds ? { seconds } : {}) },
      ...(opts.candidate ? { candidate: opts.candidate } : {}),
    });
    if (mock) {
      const { runMock } = await import('../practice/mock.js');
      await runMock(plan.questions, { mode, seconds, followUps, session }, data, scorer, prompts, store, st, drafts, turns);
    } else {
      for (const [i, q] of plan.questions.entries()) {
        const more = i < plan.questions.length - 1;
        await practiseQuestion(q, i + 1, plan.questions.length, more, mode, { ...opts, ...(seconds ? { time: seconds } : {}) }, followUps, data, scorer, prompts, store, session, st, rows, drafts);
      }
    }
  } catch (e) {
    // A history that is a link, a pipe or a folder: a plain error, as for every command.
    if (e instanceof HistoryFileError) throw new CliError(e.message);
    if (!isExit(e) && !(e instanceof SessionEnded)) throw e;
    interrupted = isCtrlC(e);
    process.stdout.write(`\n${st.dim('Session ended.')}\n`);
    if (interrupted) keepDraft(drafts, draftOf(e), store, session, st);
  }
  if (mock) await debrief(turns, interrupted, scorer, prompts, st);
  else process.stdout.write(`\n${(await import('../../render/practice.js')).renderSummary(rows, st)}`);
  if (rows.length || turns.some((t) => t.result)) process.stdout.write(st.dim(`Saved to ${inert(store.file)}. See coach history and coach progress.\n`));
  // Ctrl-C ends the session as an interrupt does: exit code 130, once everything is saved.
  return interrupted ? EXIT.interrupted : EXIT.ok;
}

interface Plan {
  how: string;
  questions: PracticeQuestion[];
  /** A mock interview: back to back, no feedback until the debrief. */
  mock?: boolean;
}

/** --follow-ups: 0, 1 or 2 (default 1). */
function followUpCount(value: string | number | undefined): number {
  if (value === undefined) return 1;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (n === 0 || n === 1 || n === 2) return n;
  throw new CliError(`--follow-ups is how many follow-up questions to ask after each answer: 0, 1 or 2, not "${String(value)}"`);
}

/** Options that pick the questions in different ways cannot be combined. */
function checkPlanOptions(opts: PracticeOptions): void {
  const ways = [opts.set && '--set', opts.question && '--question', opts.ask !== undefined && '--ask', opts.focus && '--focus'].filter(Boolean) as string[];
  if (ways.length > 1) throw new CliError(`${ways.join(' and ')} each choose the questions: give one of them`);
  if (opts.mock && (opts.question || opts.ask !== undefined)) throw new CliError(`--mock is several questions back to back: it goes with --set, --focus or --count, not ${opts.question ? '--question' : '--ask'}`);
  if (opts.focus !== undefined && opts.focus !== 'weakest') throw new CliError(`--focus takes "weakest", not "${opts.focus}"${didYouMean(opts.focus, ['weakest'])}`);
  if (opts.kind !== undefined && opts.ask === undefined) throw new CliError('--kind is for a question of your own: give it with --ask "..."');
}

/** A question of the candidate's own (--ask), read and shown before it is practised. */
async function askPlan(opts: PracticeOptions, data: RubricData, scorer: () => Promise<Scorer>, p: Prompts, st: Style): Promise<Plan> {
  const { ownQuestion } = await import('../practice/own-question.js');
  const q = await ownQuestion(opts.ask ?? '', { competency: opts.competency, kind: opts.kind }, data, await scorer(), p, st);
  return { how: 'your own question', questions: [q] };
}

/** --focus weakest: questions from the areas the history shows weakest or never practised. */
async function focusPlan(opts: PracticeOptions, store: HistoryStore, data: RubricData, questions: QuestionData[], scorer: () => Promise<Scorer>, st: Style): Promise<Plan> {
  const n = opts.count ?? (opts.mock ? 5 : 3);
  const { weakestPlan } = await import('../practice/focus-plan.js');
  const pool = opts.competency ? questions.filter((q) => q.competency === opts.competency) : questions;
  const picks = weakestPlan(store, data, await scorer(), pool, n);
  process.stdout.write(`${st.bold('A drill on your weakest areas')} ${st.dim('(from your history)')}\n`);
  picks.forEach((x, i) => process.stdout.write(`  ${i + 1}. ${wrap(inert(x.why), st.width, '     ')}\n`));
  return { how: `focus weakest${opts.mock ? ' (mock)' : ''}`, questions: picks.map((x) => x.question), ...(opts.mock ? { mock: true } : {}) };
}

/** Ctrl-C in the middle of an answer or a reply: what was typed is kept as a draft, and the screen says so. */
function keepDraft(drafts: Drafts, typed: string, store: HistoryStore, session: { id: string; candidate: string | undefined }, st: Style): void {
  const d = drafts.context;
  if (!d || !typed) return;
  store.append({
    v: 1, type: 'draft', session: session.id, at: new Date().toISOString(), questionId: d.questionId, question: d.question,
    attempt: d.attempt, mode: d.mode, ...(d.followUp ? { followUp: d.followUp } : {}), text: typed,
    ...(session.candidate ? { candidate: session.candidate } : {}),
  });
  drafts.clear();
  process.stdout.write(st.warn(`What you had typed (${typed.split(/\s+/).filter(Boolean).length} words) is kept as a draft in ${inert(store.file)}; it is not scored.\n`));
}

/** The mock's debrief; then, at the terminal, the full feedback on any answer the candidate asks for. */
async function debrief(turns: MockTurn[], interrupted: boolean, scorer: () => Promise<Scorer>, p: Prompts, st: Style): Promise<void> {
  const [{ buildDebrief }, { renderDebrief, fit }, { scoredTexts }] = await Promise.all([import('../../report/debrief.js'), import('../../render/debrief.js'), import('../practice/mock.js')]);
  const d = buildDebrief(turns);
  process.stdout.write(`\n${renderDebrief(d, st)}`);
  if (interrupted || d.answered === 0) return;
  const s = await scorer();
  for (;;) {
    const pick = await p.select<number>({
      message: 'See the full feedback on an answer?',
      choices: [
        ...turns.filter((t) => t.result).map((t) => ({ name: `${t.n}. ${fit(inert(t.question), Math.max(20, st.width - 12))}`, value: t.n })),
        { name: 'Finish', value: 0 },
      ],
    });
    if (pick === 0) return;
    const shown = scoredTexts.get(turns.find((x) => x.n === pick)!);
    if (!shown) continue;
    // A recorded answer: no length estimated from the words (the recording has its real time).
    const notes = s.styleNotes(shown.text, s.rubric);
    const shownNotes = shown.recorded ? (await import('../prompts/recording-prompt.js')).withoutEstimate(notes) : notes;
    await showLong(`\n${s.render.renderFeedback(shown.text, shown.assessment, shownNotes, missingIndicators(s.rubric, shown.assessment), st)}`);
  }
}

async function choosePlan(opts: PracticeOptions, data: RubricData, questions: QuestionData[], p: Prompts, st: Style): Promise<Plan | 'ask' | 'focus'> {
  const n = opts.count ?? (opts.mock ? 5 : 1);
  if (opts.question) return { how: `question ${opts.question}`, questions: [questions.find((q) => q.id === opts.question)!] };
  if (opts.mock) return { how: `mock interview of ${n}`, questions: mockInterview(data, questions, n), mock: true };
  if (opts.competency) return { how: `competency ${opts.competency}`, questions: shuffle(questions.filter((q) => q.competency === opts.competency)).slice(0, n) };
  process.stdout.write(`${st.bold('coach practice')} ${st.dim('- rehearse customer-service interview answers, with feedback')}\n`);
  const how = await p.select<'competency' | 'mix' | 'question' | 'mock' | 'ask' | 'focus'>({
    message: 'What would you like to practise?',
    choices: [
      { name: 'One competency', value: 'competency' },
      { name: 'A random mix', value: 'mix' },
      { name: 'A question from the bank', value: 'question' },
      { name: 'A mock interview (5 questions across competencies)', value: 'mock' },
      { name: 'A question of my own', value: 'ask' },
      { name: 'My weakest areas, from my history', value: 'focus' },
    ],
  });
  // Both need the scorer (and the drill the history): the caller plans them.
  if (how === 'ask' || how === 'focus') return how;
  if (how === 'competency') {
    const c = await p.select<string>({ message: 'Which competency?', choices: data.competencies.map((x) => ({ name: `${inert(x.name)}  ${st.dim(inert(x.summary))}`, value: x.id, short: inert(x.name) })) });
    return { how: `competency ${c}`, questions: shuffle(questions.filter((q) => q.competency === c)).slice(0, opts.count ?? 3) };
  }
  if (how === 'question') {
    const id = await pickQuestion(questions, p);
    return { how: `question ${id}`, questions: [questions.find((q) => q.id === id)!] };
  }
  if (how === 'mock') return { how: `mock interview of ${opts.count ?? 5}`, questions: mockInterview(data, questions, opts.count ?? 5), mock: true };
  return { how: 'random mix', questions: shuffle(questions).slice(0, opts.count ?? 3) };
}

/** The question picker: type to narrow the list (words of the question, its id or competency). */
async function pickQuestion(questions: QuestionData[], p: Prompts): Promise<string> {
  const [search, { filterQuestions, questionChoices, pickerPageSize }] = await Promise.all([p.search(), import('../prompts/question-picker.js')]);
  return search<string>({
    message: 'Which question? Type to filter:',
    pageSize: pickerPageSize(),
    source: (term) => questionChoices(filterQuestions(questions, term)),
  });
}

function missingIndicators(rubric: CompiledRubric, a: Assessment): IndicatorData[] {
  const target: Level = a.level === 'low' ? 'medium' : 'high';
  const have = new Set(a.indicators.filter((f) => f.counted).map((f) => f.id));
  return (rubric.indicatorsByCompetency.get(a.competency) ?? [])
    .map((i) => rubric.indicators[i]!)
    .filter((ind) => !ind.warning && ind.level === target && !have.has(ind.id))
    .slice(0, 3);
}

async function practiseQuestion(
  q: PracticeQuestion, n: number, total: number, more: boolean, mode: AnswerMode, opts: PracticeOptions, followUps: number,
  data: RubricData, scorer: () => Promise<Scorer>, p: Prompts, store: HistoryStore, session: { id: string; candidate: string | undefined }, st: Style, rows: SummaryRow[],
  drafts: Drafts,
): Promise<void> {
  const questionId = q.own ? null : q.id;
  process.stdout.write(`\n${(await import('../../render/practice.js')).renderQuestionHead(q, n, total, st)}`);
  let attempt = 0;
  let previous: (PreviousAnswer & { assessment: Assessment }) | null = null;
  // The row is updated in place, so a session ended mid-question still reports it.
  let row: SummaryRow | null = null;
  let answerMode: AnswerMode = mode;
  for (;;) {
    drafts.begin({ questionId, question: q.text, attempt: attempt + 1, mode: answerMode });
    const got = await getAnswer(answerMode, q, data, p, st, opts.time, previous ?? undefined);
    if (got === 'skip') return;
    if (got === 'end') throw new SessionEnded();
    answerMode = got.mode;
    attempt++;
    const s = await scorer();
    const { rubric, assess, styleNotes, compare, render } = s;
    // A recorded answer: its delivery, measured from the transcript's timings (never in the level).
    // The replies to the follow-ups are typed, not recorded: the delivery is the recording's.
    const spoken = got.timed ? await import('../prompts/recording-prompt.js') : null;
    const delivery = spoken && got.timed ? spoken.spokenDelivery(got.timed, rubric) : undefined;
    // The interviewer's follow-ups, asked about the answer's biggest gaps; the replies are scored
    // with it. Saved once they are answered, or at Ctrl-C during one.
    const draft = { questionId, question: q.text, attempt, mode: answerMode };
    const scored = await scoreAnswer(q, got.text, followUps, s, p, st, drafts, draft, (x) => {
      store.append({
        v: 1, type: 'answer', session: session.id, at: new Date().toISOString(), attempt, questionId, mode: answerMode,
        ...(opts.time ? { timed: { seconds: opts.time, expired: got.expired } } : {}),
        answer: x.text, assessment: x.assessment, ...(delivery ? { delivery } : {}),
        ...(x.followUps.length ? { followUps: x.followUps, first: { level: x.first.level, score: x.first.score } } : {}),
        ...(session.candidate ? { candidate: session.candidate } : {}),
      });
      row = summarise(row, rows, q, attempt, x.assessment);
    });
    const a = scored.assessment;
    // A summary first, so the level and the menu share one screen; the rest on request.
    process.stdout.write(`\n${render.renderFeedbackSummary(a, st)}`);
    // A recorded answer: how it was said, beside the level (the timings never change it).
    if (spoken && delivery) process.stdout.write(`\n${spoken.renderSpoken(a, delivery, st)}`);
    if (scored.followUps.length) process.stdout.write(s.followUpViews.renderFollowUpGain(compare(scored.first, a), scored.followUps.some((f) => f.reply), st));
    if (previous) process.stdout.write(`\n${render.renderComparison(compare(previous.assessment, a), st)}`);
    // A retry edits the answer with the replies in it (the replies are part of what was scored).
    previous = { text: scored.text, ...(scored.text === got.text && got.parts ? { parts: got.parts } : {}), assessment: a };
    const notes = styleNotes(scored.text, rubric);
    const full = render.renderFeedback(scored.text, a, spoken ? spoken.withoutEstimate(notes) : notes, missingIndicators(rubric, a), st);
    if (opts.adviser) await adviserReview(questionId, attempt, a, p, store, session, st);
    for (;;) {
      const models = rubric.modelsByQuestion.get(q.id) ?? [];
      const next = await p.select<'retry' | 'full' | 'guidance' | 'models' | 'next' | 'end'>({
        message: 'What next?',
        choices: [
          { name: 'Try again: revise this answer', value: 'retry' },
          { name: 'Show full feedback', value: 'full' },
          { name: 'What a strong answer shows', value: 'guidance' },
          ...(models.length ? [{ name: 'Model answers (low, medium, high)', value: 'models' as const }] : []),
          { name: more ? 'Next question' : 'Finish', value: 'next' },
          ...(more ? [{ name: 'End the session', value: 'end' as const }] : []),
        ],
      });
      if (next === 'full') await showLong(`\n${full}`);
      else if (next === 'guidance') process.stdout.write(`\n${render.renderGuidance(q.guidance, st)}\n`);
      else if (next === 'models') {
        const views = models.map((m) => ({ level: m.level, answer: m.answer, assessment: assess({ question: q.text, competency: q.competency, answer: m.answer }, rubric) }));
        process.stdout.write(`\n${render.renderModels(views, st)}\n`);
      } else if (next === 'retry') {
        // A revision edits the previous answer in the same mode (guided: part by part).
        break;
      } else if (next === 'next') return;
      else throw new SessionEnded();
    }
  }
}

/** Text as it is when it fits the terminal, else in a pager (prompts/pager-prompt.ts). */
async function showLong(text: string): Promise<void> {
  if (text.split('\n').length <= (process.stdout.rows || 24) - 2) {
    process.stdout.write(text);
    return;
  }
  const { pagerPrompt } = await import('../prompts/pager-prompt.js');
  await pagerPrompt({ text });
}

/** The question's row of the session summary, updated in place with an attempt saved. */
function summarise(row: SummaryRow | null, rows: SummaryRow[], q: PracticeQuestion, attempt: number, a: Assessment): SummaryRow {
  const score = { level: a.level, score: a.score };
  if (row) {
    row.attempts = attempt;
    if (a.score > row.best.score) row.best = score;
    return row;
  }
  const added = { questionId: q.id, question: q.text, competency: q.competency, attempts: 1, first: score, best: score };
  rows.push(added);
  return added;
}

/** The adviser's own level and comment, saved beside the coach's assessment. */
async function adviserReview(
  questionId: string | null, attempt: number, a: Assessment, p: Prompts, store: HistoryStore, session: { id: string; candidate: string | undefined }, st: Style,
): Promise<void> {
  const level = await p.select<Level | 'skip'>({
    message: `Adviser: your level for this answer? ${st.dim(`(the coach says ${a.level})`)}`,
    choices: [
      { name: 'low', value: 'low' },
      { name: 'medium', value: 'medium' },
      { name: 'high', value: 'high' },
      { name: 'Skip (no adviser view)', value: 'skip' },
    ],
  });
  if (level === 'skip') return;
  const record = { v: 1, type: 'adviser', session: session.id, questionId, attempt, level, ...(session.candidate ? { candidate: session.candidate } : {}) } as const;
  // inquirer drops the text on Ctrl-C: the transformer sees every change, so the comment typed so
  // far is kept, with the level already chosen.
  let typed = '';
  let comment: string;
  try {
    comment = await (await p.input())({ message: 'Adviser: a comment for the candidate (optional)', transformer: (v: string) => ((typed = v), v) });
  } catch (e) {
    if (isCtrlC(e)) {
      store.append({ ...record, at: new Date().toISOString(), comment: typed.trim(), draft: true });
      process.stdout.write(st.warn(`\nThe adviser's level (${level})${typed.trim() ? ' and the comment typed so far were' : ' was'} kept beside the coach's ${a.level}.\n`));
    }
    throw e;
  }
  store.append({ ...record, at: new Date().toISOString(), comment: comment.trim() });
  process.stdout.write(st.dim(`Saved beside the coach's ${a.level}: ${level}${comment.trim() ? `, "${inert(comment.trim())}"` : ''}.\n`));
}
