import type { ReadProgress } from '../../io/read-progress.js';

/** What the progress bar needs to know: how many answers so far, and how far reading has got. */
export interface ProgressSource {
  answers(): number;
  read: ReadProgress;
}

const SHOW_AFTER_MS = 1000;

/**
 * A cli-progress bar on standard error for `coach score` runs longer than a second: answers
 * scored, the rate, and (when the inputs' size is known) how far through and the time left.
 * Created only when standard error is a terminal and --quiet was not given; cli-progress is
 * loaded only if a run lasts long enough to show it.
 */
export class ScoreProgress {
  private bar: import('cli-progress').SingleBar | null = null;
  private loading = false;
  private readonly started = Date.now();
  private lastUpdate = 0;

  constructor(private readonly src: ProgressSource, private readonly stream: NodeJS.WriteStream) {}

  /** Called as answers are scored; cheap when nothing is due. */
  tick(): void {
    const now = Date.now();
    if (now - this.lastUpdate < 100) return;
    this.lastUpdate = now;
    if (!this.bar) {
      if (!this.loading && now - this.started >= SHOW_AFTER_MS) void this.create();
      return;
    }
    this.bar.update(this.value(), this.payload(now));
  }

  private value(): number {
    return this.src.read.total === null ? this.src.answers() : Math.min(this.src.read.bytes, this.src.read.total);
  }

  private payload(now: number): { answers: string; rate: string } {
    const n = this.src.answers();
    const rate = n / Math.max(0.001, (now - this.started) / 1000);
    return { answers: n.toLocaleString('en-US'), rate: Math.round(rate).toLocaleString('en-US') };
  }

  private async create(): Promise<void> {
    this.loading = true;
    const { default: cliProgress } = await import('cli-progress');
    const known = this.src.read.total !== null;
    this.bar = new cliProgress.SingleBar({
      stream: this.stream,
      format: known
        ? 'scoring {bar} {percentage}% | {answers} answers | {rate}/s | {eta_formatted} left'
        : 'scoring | {answers} answers | {rate}/s',
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 40,
      fps: 5,
      noTTYOutput: false,
    }, cliProgress.Presets.shades_classic);
    this.bar.start(known ? Math.max(1, this.src.read.total!) : 0, this.value(), this.payload(Date.now()));
  }

  /** Clears the bar (it leaves no line behind). */
  stop(): void {
    if (this.bar) {
      this.bar.update(this.value(), this.payload(Date.now()));
      this.bar.stop();
    }
  }
}
