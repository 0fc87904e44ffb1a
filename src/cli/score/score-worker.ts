// A worker thread of `coach score --jobs N`: compiles the rubric once, then scores the batches it
// is sent and posts each back, rendered, with its sequence number (the main thread keeps order).
import { parentPort, workerData } from 'node:worker_threads';
import { compiledRubric } from '../rubric.js';
import { encodePieces, scoreBatch, type BatchShape, type ScoreJob } from './score-batch.js';
import { loadView } from './load-view.js';

export interface WorkerSetup {
  rubrics: string[];
  shape: BatchShape;
}

export interface BatchRequest {
  seq: number;
  jobs: ScoreJob[];
}

const setup = workerData as WorkerSetup;
const port = parentPort!;
const ready = (async () => {
  const rubric = await compiledRubric(setup.rubrics);
  const view = setup.shape.output === 'records' ? null : await loadView(setup.shape.output, setup.shape.style);
  return { rubric, view };
})();

port.on('message', (req: BatchRequest) => {
  void ready.then(({ rubric, view }) => {
    let batch;
    try {
      batch = scoreBatch(req.jobs, rubric, setup.shape, view);
    } catch (e) {
      port.postMessage({ seq: req.seq, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      return;
    }
    // Output crosses as bytes, transferred, not copied: the main thread writes them as they are,
    // and they never land in its heap as large strings waiting for a full collection.
    const bytes = Array.isArray(batch.text) && batch.text.length > 0 ? encodePieces(batch.text) : null;
    if (bytes) batch.text = bytes;
    port.postMessage({ seq: req.seq, batch }, bytes ? [bytes.buffer as ArrayBuffer] : []);
  }, (e: unknown) => port.postMessage({ seq: req.seq, error: e instanceof Error ? e.message : String(e) }));
});
