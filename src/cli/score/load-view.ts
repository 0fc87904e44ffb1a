import type { ScoreView } from '../../render/score-view.js';
import { styleOf, type StyleSpec } from '../style.js';

/** The formats written as a stream of results (html keeps aggregates and is rendered at the end). */
export type StreamedFormat = 'text' | 'json' | 'jsonl' | 'csv' | 'markdown';

/** A format's view, loaded on demand (each renderer is imported only by the format that uses it). */
export async function loadView(format: StreamedFormat, style: StyleSpec): Promise<ScoreView> {
  switch (format) {
    case 'jsonl': return (await import('../../render/score-formats.js')).jsonlView;
    case 'json': return (await import('../../render/score-formats.js')).jsonView;
    case 'markdown': return (await import('../../render/score-formats.js')).markdownView;
    case 'csv': return (await import('../../render/score-csv.js')).csvView;
    case 'text': return (await import('../../render/score-text.js')).textView(await styleOf(style));
  }
}
