// Plain data shapes shared by the rubric loader (which produces them from YAML) and the core
// (which compiles and scores against them). No behaviour lives here.

export const LEVELS = ['low', 'medium', 'high'] as const;
export type Level = (typeof LEVELS)[number];
export const KINDS = ['behavioural', 'situational', 'opinion'] as const;
export type QuestionKind = (typeof KINDS)[number];
export const STAR_PARTS = ['situation', 'task', 'action', 'result'] as const;
export type StarPartName = (typeof STAR_PARTS)[number];

/** A source document of the rubric (rubrics/sources.yaml). */
export interface SourceData {
  /** Stable id, e.g. drake-top-priority. */
  id: string;
  /** The document's file name in the project's source collection (kept for version 1 readers). */
  file: string;
  title: string;
  author?: string | undefined;
  publication?: string | undefined;
  publisher?: string | undefined;
  year?: string | undefined;
  note?: string | undefined;
}

/**
 * A citation: a quote of whole sentences from a source document. The rubric loader fills in the
 * document's id, title and who published it, so every output can name it.
 */
export interface SourceRef {
  /** Stable source id (rubrics/sources.yaml), e.g. drake-top-priority. */
  id?: string | undefined;
  /** Source document file name, e.g. 003_e9bd570a2da6908b.txt (version 1 field). */
  file: string;
  title?: string | undefined;
  author?: string | undefined;
  publication?: string | undefined;
  publisher?: string | undefined;
  year?: string | undefined;
  /** The heading in the document that the quote sits under ("Probe"). */
  label?: string | undefined;
  quote: string;
}

export interface IndicatorData {
  id: string;
  level: Level;
  name: string;
  /** Competency ids this indicator belongs to, or ['all']. */
  competencies: string[];
  /**
   * 'action': counts only when shown in something the candidate did (or, where the question kind
   * allows, a concrete "I would" step); 'outcome': counts when it happened, whoever did it (a
   * result); 'stated': saying it is enough (warning signs).
   */
  evidence: 'action' | 'outcome' | 'stated';
  /** Indicators sharing a behaviour of levels.md count once towards the level. Defaults to the id. */
  behaviour: string;
  /** A low-level warning sign that pulls the answer down. */
  warning: boolean;
  /** Counts only when nothing better is shown ("I told my manager" as the whole solution). */
  alone: boolean;
  /** Stock phrases ("calm and professional"): with named concepts, they pull an answer with no story down. */
  generic: boolean;
  /** Supports a level but cannot reach it alone: an apology or listening without fixing anything is not medium. */
  supporting: boolean;
  /** Sarcasm and scorn: the good practice named in the same sentence is mocked, not shown. */
  mocks: boolean;
  /**
   * A rule described as the scene ("our policy is...", "the system wouldn't let me") before the
   * candidate's first step, said of the rule, not by them: the situation, not the sign.
   */
  scene: boolean;
  /** A warning that does not count when one of these indicators does (a target missed for the customer is no sales push). */
  unless: string[];
  /** Phrases that show the indicator. */
  cues: string[];
  /** Phrases that merely name the concept ("underlying needs", "win-win"): reported, never counted. */
  named: string[];
  /** Phrases that cancel a cue match they overlap ("asked my manager if I could" is not probing). */
  except: string[];
  source: SourceRef;
  /** What to do to show it, in the words of the sources. */
  feedback: string;
}

export interface CompetencyData {
  id: string;
  name: string;
  summary: string;
  sources: string[];
  /** Phrases in a question that point to this competency (used when an answer names none). */
  questionCues: string[];
}

export interface QuestionData {
  id: string;
  competency: string;
  kind: QuestionKind;
  text: string;
  guidance: string;
}

export interface StarPartData {
  hint: string;
  cues: string[];
  /** Result only: phrases that make a result too vague to check ("I think it went well"). */
  vague?: string[];
  /**
   * Result only: outcomes on the way, such as the customer's choice ("she picked the burner"): a
   * result only when the candidate does nothing after it, as a story's last word.
   */
  interim?: string[];
  /**
   * Result only: time phrases and outcome verbs ("the next morning", "afterwards", "dropped",
   * "stopped"): a result where they tell what happened, not in a step of the candidate's own
   * ("I called her the next morning", "I'd drop two heaters round").
   */
  not_own_step?: string[];
  /** The next step when the part is missing, in the words of the sources. */
  feedback: string;
  source: SourceRef;
}

/** Notes on how an answer is said, not what it shows. */
export interface StyleData {
  /** Speaking pace used to turn words into seconds. */
  wordsPerMinute: number;
  /** How long a good spoken answer takes: [shortest, longest] seconds. */
  targetSeconds: [number, number];
  /** Filler and hedging phrases ("um", "kind of", "I guess"). */
  fillers: string[];
  /** Usual ranges a spoken answer's delivery is compared with (README cites their sources). */
  delivery: DeliveryNorms;
}

/** A range of usual values, inclusive. */
export interface Range {
  min: number;
  max: number;
}

/** What a spoken answer's delivery is measured against: data from rubrics/structure.yaml. */
export interface DeliveryNorms {
  /** Usual speaking pace, words a minute. */
  pace: Range;
  /** Usual fillers a minute. */
  fillersPerMinute: Range;
  /** A silence between cues longer than this is counted as a long pause (ms). */
  longPauseMs: number;
  /** The longest silence usual in conversation (ms): each long pause is compared with it. */
  usualMaxSilenceMs: number;
  /** Filler words and phrases counted, lower case ("um", "you know", "like"). */
  fillers: string[];
}

export interface StructureData {
  star: Record<StarPartName, StarPartData>;
  kinds: Record<QuestionKind, string[]>;
  style: StyleData;
  relevance: RelevanceData;
}

/** What makes an answer about serving someone: the people served, and colleagues where they count. */
export interface RelevanceData {
  /** Phrases for people served: customers, guests, patients, callers... */
  served: string[];
  /** Phrases for colleagues, who count as the people served in the competencies listed. */
  colleagues: string[];
  colleague_competencies: string[];
  /** Phrases of someone telling the service they received ("my washing machine broke", "as a customer"). */
  customer_role: string[];
}

/** An example answer to a bank question at one level, shown on request in practice. */
export interface ModelAnswerData {
  question: string;
  level: Level;
  answer: string;
}

/** An ordered list of bank questions for a role, run in order by `coach practice --set NAME`. */
export interface QuestionSetData {
  name: string;
  title: string;
  questions: string[];
  /** Seconds per question, when the set is timed. */
  time?: number | undefined;
}

/**
 * The gaps an interviewer follows up on, biggest first (src/core/follow-ups.ts finds them):
 * no real example, no action of the candidate's own, a warning sign said, nothing put right,
 * no concrete step, no result, a high-level behaviour not shown, no situation.
 */
export const GAPS = ['story', 'own-action', 'warning', 'fix', 'steps', 'result', 'behaviour', 'situation'] as const;
export type Gap = (typeof GAPS)[number];
/** What a follow-up question may name from the answer: a clause it quotes, the candidate's last action, the person served. */
export const FOLLOW_UP_SLOTS = ['quote', 'action', 'customer'] as const;
export type FollowUpSlot = (typeof FOLLOW_UP_SLOTS)[number];

/** A follow-up question an interviewer asks about one gap (rubrics/follow-ups.yaml). */
export interface FollowUpData {
  gap: Gap;
  /** The question kinds it suits; empty for all. */
  kinds: QuestionKind[];
  /** The competencies it suits; empty for all. */
  competencies: string[];
  /**
   * For a warning: the warning signs (indicator behaviours) it answers. For a behaviour: the
   * high-level behaviours it asks about, none of which the answer shows yet.
   */
  behaviours: string[];
  /** The interviewer's words, tried in order: the first whose {slots} the answer can fill is asked. */
  ask: string[];
}

export interface FollowUpsData {
  /** Words for the people served ("customer", "student"): the {customer} slot names the one in the answer. */
  people: string[];
  questions: FollowUpData[];
}

export interface RubricData {
  /** The source documents cited (absent in rubric data built before sources were listed). */
  sources?: SourceData[];
  competencies: CompetencyData[];
  indicators: IndicatorData[];
  questions: QuestionData[];
  structure: StructureData;
  models: ModelAnswerData[];
  sets: QuestionSetData[];
  /** Follow-up questions (absent in rubric data built before there were any, and in rubrics without follow-ups.yaml). */
  followUps?: FollowUpsData;
}

// ---- Assessment (the result contract, version 1) ----

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface StarPartResult {
  present: boolean;
  spans: Span[];
}

/** How a piece of evidence appears in the answer. */
export type Shown = 'action' | 'step' | 'stated' | 'named' | 'others' | 'negated';

export interface Evidence extends Span {
  cue: string;
  shown: Shown;
}

export interface IndicatorFinding {
  id: string;
  name: string;
  level: Level;
  warning: boolean;
  /** The strongest way it appears: action > step > stated > named > others > negated. */
  shown: Shown;
  /** Whether it counted towards the level. */
  counted: boolean;
  evidence: Evidence[];
  source: SourceRef;
}

export interface FeedbackItem {
  indicator: string;
  name: string;
  /** The level this step helps reach. */
  target: Level;
  message: string;
  source: SourceRef;
}

export interface AnswerInput {
  question: string;
  competency?: string | undefined;
  /** The question's kind, when the caller knows it (a question of the candidate's own whose kind they chose). */
  kind?: QuestionKind | undefined;
  answer: string;
}

export interface Assessment {
  question: string;
  questionId: string | null;
  competency: string;
  competencyInferred: boolean;
  kind: QuestionKind;
  /** bank: the bank's; wording: read from the question; given: as the caller said (AnswerInput.kind). */
  kindSource: 'bank' | 'wording' | 'given';
  level: Level;
  /** 0-100: low 0-39, medium 40-69, high 70-100; the position inside the band tracks the evidence. */
  score: number;
  star: Record<StarPartName, StarPartResult>;
  indicators: IndicatorFinding[];
  feedback: FeedbackItem[];
  /** Why the level is what it is, in order of the rules applied. */
  reasons: string[];
}

// ---- Delivery (the result contract's `delivery`, version 1, additive) ----

export type Compared = 'below' | 'within' | 'above';

/** A stretch of a recording, in milliseconds from its start. */
export interface TimeRange {
  startMs: number;
  endMs: number;
}

/** The words said in one 60-second window (so, words a minute), and where it is. */
export interface MinuteWindow extends TimeRange {
  words: number;
}

/** One filler said: the phrase, its span of the answer text, and the cue it was said in (null when typed). */
export interface FillerAt extends Span {
  phrase: string;
  startMs: number | null;
  endMs: number | null;
}

/**
 * How a spoken answer was delivered, measured from a transcript's cue timings; for a typed answer,
 * estimated from its word count (`estimated`). Never part of the judgement: the level and score
 * are the same whatever the timings.
 */
export interface Delivery {
  estimated: boolean;
  words: number;
  /** First word to last; one speaker's turns only, the time others spoke between them left out. */
  speakingMs: number;
  pace: {
    wordsPerMinute: number;
    /** Against the usual pace; null for an estimate (the pace is assumed, not measured). */
    compared: Compared | null;
    usual: Range;
    /** The slowest and fastest 60 seconds; null under a minute, or when estimated. */
    slowestMinute: MinuteWindow | null;
    fastestMinute: MinuteWindow | null;
  };
  /** Silences between cues longer than `overMs`; null when estimated. */
  pauses: {
    overMs: number;
    count: number;
    longestMs: number;
    perMinute: number;
    /** The longest pause against the usual maximum silence of conversation. */
    compared: Compared;
    usualMaxMs: number;
    at: TimeRange[];
  } | null;
  fillers: {
    count: number;
    perMinute: number;
    compared: Compared;
    usual: Range;
    byPhrase: Record<string, number>;
    at: FillerAt[];
  };
}
