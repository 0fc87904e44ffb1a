import type { Compared, Delivery, Range } from '../core/types.js';

// Pace and fillers over time, for reports: built one answer at a time in bounded memory, like
// the rest of the report (a history or batch of any size).

/** The delivery figures every view of pace and fillers over time shows for one spoken answer. */
export interface DeliveryFigures {
  speakingMs: number;
  wordsPerMinute: number;
  pace: Compared | null;
  fillersPerMinute: number;
  fillers: Compared;
  longPauses: number | null;
}

/** One spoken answer's delivery, as a report lists it over time. */
export interface DeliveryPoint extends DeliveryFigures {
  at: string | null;
  session: string | null;
  question: string;
  competency: string;
  longestPauseMs: number | null;
}

/** How the answers were said, from those given as transcripts. */
export interface DeliveryTrend {
  /** Answers given as transcripts (delivery measured). */
  spoken: number;
  /** Typed answers, whose delivery is an estimate from the words (a scored batch). */
  estimated: number;
  /** The usual ranges the latest spoken answer was compared with. */
  usual: { pace: Range; fillersPerMinute: Range } | null;
  /** The first spoken answer and the latest ones (at most POINTS_KEPT in all), oldest first. */
  points: DeliveryPoint[];
}

/** Spoken answers listed in a report: the first, and the latest up to this many. */
export const POINTS_KEPT = 100;

export class DeliveryTrendBuilder {
  private spoken = 0;
  private estimated = 0;
  private first: { seq: number; point: DeliveryPoint } | null = null;
  private latest: Array<{ seq: number; point: DeliveryPoint }> = [];
  private usual: DeliveryTrend['usual'] = null;

  add(a: { at: string | null; session: string | null; question: string; competency: string; delivery?: Delivery | undefined }): void {
    const d = a.delivery;
    if (!d) return;
    if (d.estimated) {
      this.estimated++;
      return;
    }
    const seq = this.spoken++;
    const point: DeliveryPoint = {
      at: a.at, session: a.session, question: a.question, competency: a.competency,
      speakingMs: d.speakingMs, wordsPerMinute: d.pace.wordsPerMinute, pace: d.pace.compared,
      fillersPerMinute: d.fillers.perMinute, fillers: d.fillers.compared,
      longPauses: d.pauses?.count ?? null, longestPauseMs: d.pauses?.longestMs ?? null,
    };
    this.first ??= { seq, point };
    this.latest.push({ seq, point });
    // Dropped in blocks, so the list is not shifted on every answer.
    if (this.latest.length >= 2 * POINTS_KEPT) this.latest = this.latest.slice(-POINTS_KEPT);
    this.usual = { pace: d.pace.usual, fillersPerMinute: d.fillers.usual };
  }

  build(): DeliveryTrend | null {
    if (this.spoken === 0 && this.estimated === 0) return null;
    const kept = this.latest.slice(-(POINTS_KEPT - 1));
    const all = this.first && kept[0]?.seq !== this.first.seq ? [this.first, ...kept] : kept;
    // Oldest first; answers without a time (a batch) keep their order.
    const points = all.sort((x, y) => (x.point.at ?? '').localeCompare(y.point.at ?? '') || x.seq - y.seq).map((x) => x.point);
    return { spoken: this.spoken, estimated: this.estimated, usual: this.usual, points };
  }
}
