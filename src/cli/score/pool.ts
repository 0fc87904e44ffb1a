import { Worker } from 'node:worker_threads';
import type { ScoredBatch, ScoreJob } from './score-batch.js';
import type { BatchRequest, WorkerSetup } from './score-worker.js';

/** A worker thread failed: the batch it held cannot be scored. */
export class WorkerFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailure';
  }
}

interface Pending {
  resolve: (b: ScoredBatch) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * N worker threads, each with its own compiled rubric. Batches go to the least busy worker and
 * come back by sequence number; the caller awaits them in the order it submitted them, so output
 * order is input order whatever finishes first.
 */
export class ScorePool {
  private readonly slots: Slot[] = [];
  private seq = 0;

  constructor(size: number, setup: WorkerSetup) {
    // Beside this module in dist/cli/score/, and beside the bundle's chunks in dist/bundle/.
    const url = new URL('./score-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(url, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 8 } }), pending: new Map() };
      slot.worker.on('message', (m: { seq: number; batch?: ScoredBatch; error?: string }) => {
        const p = slot.pending.get(m.seq);
        if (!p) return;
        slot.pending.delete(m.seq);
        if (m.batch) p.resolve(m.batch);
        else p.reject(new WorkerFailure(m.error ?? 'a worker failed'));
      });
      const fail = (e: Error): void => {
        for (const p of slot.pending.values()) p.reject(new WorkerFailure(e.message));
        slot.pending.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => { if (slot.pending.size > 0) fail(new Error(`a worker stopped (exit code ${code})`)); });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** The fewest batches any worker holds: 0 when one is idle. */
  leastBusy(): number {
    let least = Infinity;
    for (const s of this.slots) least = Math.min(least, s.pending.size);
    return least;
  }

  submit(jobs: ScoreJob[]): Promise<ScoredBatch> {
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const seq = this.seq++;
    return new Promise<ScoredBatch>((resolve, reject) => {
      slot.pending.set(seq, { resolve, reject });
      // A transcript's joined text is left behind: the worker joins it again rather than copy it.
      const req: BatchRequest = { seq, jobs: jobs.map((j) => (j.timed?.spoken ? { ...j, timed: { cues: j.timed.cues, speaker: j.timed.speaker } } : j)) };
      slot.worker.postMessage(req);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
