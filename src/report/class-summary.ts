/**
 * The class at a glance, as plain data for the class summary PDF: how scores spread, which
 * steps the class found hardest, and which mistakes were most common.
 *
 * Only files that were read count: a file that could not be read says nothing about a step
 * (every step of it is "missing"), so those are counted apart, in `unreadableFiles`.
 */
import { STATUSES, type GradeReport, type GradeResult, type Status, type StepResult } from '../grade/result.js';
import { percentOf } from './gradebook.js';

export interface HistogramBin {
  /** Percent of the maximum score, `from` included; `to` excluded except for the last bin (100). */
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface StepSummary {
  readonly id: string;
  /** How many graded files have this step with each status. */
  readonly counts: Readonly<Record<Status, number>>;
  /** The same as shares of `total` (0 to 1). */
  readonly shares: Readonly<Record<Status, number>>;
  readonly total: number;
}

export interface DiagnosisSummary {
  readonly diagnosis: NonNullable<StepResult['diagnosis']>;
  readonly count: number;
  /** The steps it was found on, most frequent first. */
  readonly steps: readonly { readonly id: string; readonly count: number }[];
}

export interface ClassSummary {
  readonly rubric: string;
  /** Files in the report, read or not. */
  readonly files: number;
  readonly unreadableFiles: number;
  /** Over the files that were read; null when none was. */
  readonly meanPercent: number | null;
  readonly medianPercent: number | null;
  /** Ten bins of 10%, lowest first. */
  readonly histogram: readonly HistogramBin[];
  /** Hardest first: the smallest share credited (correct or follow-through), then the smallest share correct. */
  readonly steps: readonly StepSummary[];
  /** Most frequent first; at most `topDiagnoses`. */
  readonly diagnoses: readonly DiagnosisSummary[];
}

const BINS = 10;

/** @example classSummary(report).steps[0]?.id // the step the fewest students got right */
export function classSummary(report: GradeReport, options: { topDiagnoses?: number } = {}): ClassSummary {
  const graded = report.results.filter((result) => result.error === null);
  const percents = graded.map((result) => percentOf(result.score, result.maxScore)).sort((a, b) => a - b);
  return {
    rubric: report.rubric,
    files: report.results.length,
    unreadableFiles: report.results.length - graded.length,
    meanPercent: percents.length === 0 ? null : percents.reduce((a, p) => a + p, 0) / percents.length,
    medianPercent: median(percents),
    histogram: histogram(graded),
    steps: stepSummaries(graded),
    diagnoses: diagnosisSummaries(graded, options.topDiagnoses ?? 10),
  };
}

function median(sorted: readonly number[]): number | null {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return null;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The bin is taken from `10·score/max`, not from a rounded percentage, so exactly 90% lands in 90–100. */
function histogram(graded: readonly GradeResult[]): HistogramBin[] {
  const counts = new Array<number>(BINS).fill(0);
  for (const { score, maxScore } of graded) {
    const bin = maxScore === 0 ? 0 : Math.min(BINS - 1, Math.max(0, Math.floor((BINS * score) / maxScore)));
    counts[bin]!++;
  }
  return counts.map((count, i) => ({ from: (100 * i) / BINS, to: (100 * (i + 1)) / BINS, count }));
}

const zeroCounts = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

function stepSummaries(graded: readonly GradeResult[]): StepSummary[] {
  const counts = new Map<string, Record<Status, number>>();
  for (const result of graded) {
    for (const step of result.steps) {
      const forStep = counts.get(step.id) ?? zeroCounts();
      forStep[step.status]++;
      counts.set(step.id, forStep);
    }
  }
  const summaries = [...counts].map(([id, forStep]): StepSummary => {
    const total = STATUSES.reduce((sum, s) => sum + forStep[s], 0);
    const shares = Object.fromEntries(STATUSES.map((s) => [s, total === 0 ? 0 : forStep[s] / total])) as Record<Status, number>;
    return { id, counts: forStep, shares, total };
  });
  const credited = (s: StepSummary) => s.shares.correct + s.shares['follow-through'];
  // Array.prototype.sort is stable: equally hard steps stay in graph order.
  return summaries.sort((a, b) => credited(a) - credited(b) || a.shares.correct - b.shares.correct);
}

function diagnosisSummaries(graded: readonly GradeResult[], top: number): DiagnosisSummary[] {
  const found = new Map<DiagnosisSummary['diagnosis'], Map<string, number>>();
  for (const step of graded.flatMap((result) => result.steps)) {
    if (step.diagnosis === null) continue;
    const onSteps = found.get(step.diagnosis) ?? new Map<string, number>();
    onSteps.set(step.id, (onSteps.get(step.id) ?? 0) + 1);
    found.set(step.diagnosis, onSteps);
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  return [...found]
    .map(([diagnosis, onSteps]) => {
      const steps = [...onSteps].map(([id, count]) => ({ id, count })).sort(byCount);
      return { diagnosis, count: steps.reduce((sum, s) => sum + s.count, 0), steps };
    })
    .sort(byCount)
    .slice(0, top);
}
