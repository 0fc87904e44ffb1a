import type { CandidateReport } from './candidate-report.js';
import { toReportAnswer } from './from-history.js';
import { ReportBuilder } from './report-builder.js';
import type { ResultRecord } from './score-report.js';

/**
 * `coach score --format html`: the batch as one report, fed each result as it is scored and
 * keeping only counts, sums and a bounded few example answers (see ReportBuilder), so memory
 * stays flat for any number of answers. The run is one session, named by when it started and
 * the command ("Tue 1 Dec 2026, 14:05 · coach score answers.yaml").
 */
export class BatchReport {
  private readonly builder: ReportBuilder;
  private readonly candidate: string | null;
  private readonly startedAt: string;

  constructor(competencies: ReadonlyArray<{ id: string; name: string }>, run: { inputs: string[]; candidate?: string | undefined; startedAt: string; timeZone?: string | undefined }) {
    this.candidate = run.candidate ?? null;
    this.startedAt = run.startedAt;
    this.builder = new ReportBuilder(new Map(competencies.map((c) => [c.id, c.name])), {
      sessions: new Map([['batch', { at: run.startedAt, how: `coach score ${run.inputs.join(' ')}` }]]),
      naming: { timeZone: run.timeZone },
    });
  }

  /** One scored answer, with its text and the candidate its record names (else the run's --candidate). */
  add(r: ResultRecord, answer: string, candidate: string | undefined): void {
    this.builder.add(toReportAnswer(r, answer, { candidate: candidate ?? this.candidate, session: 'batch', at: this.startedAt }, r.delivery));
  }

  build(generatedAt: string, notScored: number): CandidateReport {
    return this.builder.build({ candidate: this.candidate, since: null, generatedAt, notScored });
  }
}
