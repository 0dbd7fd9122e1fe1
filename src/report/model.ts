/**
 * What a student's report says, as plain strings and numbers: the header, a summary per section, the
 * network picture's nodes and every step. Nothing here knows about pages or PDF, and nothing is
 * recomputed: every verdict, point and value comes from the GradeResult.
 */
import type { Lookup } from '../engine/exact.js';
import { refsOf } from '../engine/expr.js';
import { sectionId, type Graph, type Phase, type Step, type StepKind } from '../engine/graph.js';
import { formatNumber, renderSubstituted, renderSymbolic } from '../engine/text.js';
import { STATUSES, type GradeResult, type Status, type StepResult } from '../grade/result.js';
import { msg, sayWith, type Say, type Voice } from '../i18n/index.js';
import { localizeResult } from './localize.js';
import { sectionHeading } from './sections.js';
import { MARKS } from './terminal.js';

export interface ReportOptions {
  /** Show each step's expected value (the rubric's `feedback.revealExpected` for this audience). */
  readonly revealExpected: boolean;
  /** ISO date of the grading, passed in (never read from a clock here): printed, and the PDF's dates. */
  readonly gradedAt: string;
  /** Printed above the rubric's title. */
  readonly courseTitle?: string;
  /** The rubric's title in the report's language (the graph's title when absent). */
  readonly rubricTitle?: string;
  /** The language and the course's words the report speaks (English when absent). */
  readonly voice?: Voice;
}

export interface StatusCount {
  readonly status: Status;
  readonly mark: string;
  readonly count: number;
}

export interface ReportHeader {
  /** The course title, or the rubric's when there is none. */
  readonly title: string;
  /** The rubric's title under a course title; null without one. */
  readonly subtitle: string | null;
  readonly studentId: string | null;
  readonly studentName: string | null;
  /** Id and name as printed (`2023000001  王晓东`); "" when the file names neither. */
  readonly student: string;
  readonly file: string;
  readonly gradedAt: string;
  /** `2024-06-01`: the date part of `gradedAt` as written. */
  readonly date: string;
  readonly score: string;
  readonly maxScore: string;
  /** `85.7%` */
  readonly percent: string;
  readonly counts: readonly StatusCount[];
}

export interface SectionRow {
  /** `CC · forward` */
  readonly id: string;
  /** The section as the reader calls it: `CC · forward`, `CC 层 · 正向传播` (the id when absent). */
  readonly heading?: string;
  readonly layer: string;
  readonly phase: Phase;
  readonly score: string;
  readonly maxScore: string;
  /** Score over maximum, 0 to 1 (0 for a section worth nothing): the length of its bar. */
  readonly fraction: number;
  readonly counts: readonly StatusCount[];
}

export interface NetworkNode {
  readonly id: string;
  readonly status: Status;
  readonly mark: string;
}

/** The steps of one kind in one section, drawn as one column of nodes (`in_cc1..8`). */
export interface NetworkColumn {
  readonly label: string;
  readonly nodes: readonly NetworkNode[];
}

/** One layer of the picture: its forward columns, and its backward columns in the order computed. */
export interface NetworkLayer {
  readonly name: string;
  readonly forward: readonly NetworkColumn[];
  readonly backward: readonly NetworkColumn[];
}

export interface StepRow {
  readonly id: string;
  readonly section: string;
  readonly description: string;
  /** The right-hand side with step and parameter names: `σ(in_cc1)`. */
  readonly symbolic: string;
  /**
   * The right-hand side with the student's numbers (a step they gave no number for reads as its
   * exact value); null when that would show an expected value the audience may not see.
   */
  readonly substituted: string | null;
  /** Steps the formula reads for which the student gave no number. */
  readonly notGiven: readonly string[];
  /** As the student wrote it; "" when missing. */
  readonly submitted: string;
  /** Null unless expected values are revealed. */
  readonly expected: string | null;
  readonly status: Status;
  readonly mark: string;
  readonly points: string;
  readonly maxPoints: string;
  readonly message: string;
  /** Where the answer was read (`Answers!C12`), or null. */
  readonly cell: string | null;
}

export interface ReportModel {
  /** The language and words of every sentence in the report (the layout says its headings with it too). */
  readonly voice?: Voice;
  readonly header: ReportHeader;
  readonly revealExpected: boolean;
  /** Why the whole file could not be read, or null. */
  readonly error: string | null;
  readonly problems: readonly string[];
  readonly sections: readonly SectionRow[];
  readonly network: readonly NetworkLayer[];
  readonly steps: readonly StepRow[];
}

/** Significant digits of a value shown to a person, and of the numbers in a substituted formula. */
const VALUE_DIGITS = 5;
const FORMULA_DIGITS = 6;


/**
 * The report of one graded submission.
 *
 * @example
 * const model = reportModel(result, graph, { revealExpected: false, gradedAt: '2024-06-01T09:00:00Z' });
 * model.steps.find((s) => s.id === 'out_cc1')?.mark; // '✓'
 */
export function reportModel(graded: GradeResult, graph: Graph, options: ReportOptions): ReportModel {
  const say = sayWith(options.voice);
  const result = localizeResult(graded, say);
  const results = new Map(result.steps.map((s) => [s.id, s]));
  const resultOf = (id: string): StepResult => {
    const found = results.get(id);
    if (!found) throw new Error(`the grade result of ${result.file} has no step ${id}: was it graded against another rubric?`);
    return found;
  };
  return {
    ...(options.voice === undefined ? {} : { voice: options.voice }),
    header: header(result, graph, options),
    revealExpected: options.revealExpected,
    error: result.error,
    problems: result.problems,
    sections: sectionRows(result, graph, resultOf, say),
    network: network(graph, resultOf, say),
    steps: graph.steps.map((step) => stepRow(step, resultOf(step.id), graph, resultOf, options.revealExpected, say)),
  };
}

function header(result: GradeResult, graph: Graph, options: ReportOptions): ReportHeader {
  if (!/^\d{4}-\d{2}-\d{2}/.test(options.gradedAt) || Number.isNaN(Date.parse(options.gradedAt))) {
    throw new RangeError(`gradedAt must be an ISO date, not "${options.gradedAt}"`);
  }
  const course = options.courseTitle?.trim();
  const title = options.rubricTitle ?? graph.title;
  return {
    title: course || title,
    subtitle: course ? title : null,
    studentId: result.student.id,
    studentName: result.student.name,
    student: [result.student.id, result.student.name].filter((part) => part !== null && part.trim() !== '').join('  '),
    file: result.file,
    gradedAt: options.gradedAt,
    date: options.gradedAt.slice(0, 10),
    score: formatNumber(result.score, 6),
    maxScore: formatNumber(result.maxScore, 6),
    percent: `${(result.maxScore === 0 ? 0 : (100 * result.score) / result.maxScore).toFixed(1)}%`,
    counts: statusCounts(result.steps),
  };
}

function statusCounts(steps: readonly StepResult[]): StatusCount[] {
  return STATUSES.map((status) => ({ status, mark: MARKS[status], count: steps.filter((s) => s.status === status).length }));
}

function sectionRows(result: GradeResult, graph: Graph, resultOf: (id: string) => StepResult, say: Say): SectionRow[] {
  const scores = new Map(result.sections.map((s) => [s.id, s]));
  return graph.sections.map((section) => {
    const steps = section.stepIds.map(resultOf);
    const score = scores.get(section.id)?.score ?? steps.reduce((total, s) => total + s.points, 0);
    const maxScore = scores.get(section.id)?.maxScore ?? steps.reduce((total, s) => total + s.maxPoints, 0);
    return {
      id: section.id,
      heading: say(sectionHeading(graph, section)),
      layer: section.layer,
      phase: section.phase,
      score: formatNumber(score, 6),
      maxScore: formatNumber(maxScore, 6),
      fraction: maxScore > 0 ? Math.min(1, Math.max(0, score / maxScore)) : 0,
      counts: statusCounts(steps),
    };
  });
}

function network(graph: Graph, resultOf: (id: string) => StepResult, say: Say): NetworkLayer[] {
  const layers = [...new Set(graph.sections.map((s) => s.layer))];
  const columns = (layer: string, phase: Phase): NetworkColumn[] =>
    graph.sections
      .filter((s) => s.layer === layer && s.phase === phase)
      .flatMap((s) => kindColumns(s.stepIds.map((id) => graph.byId.get(id)!), resultOf, say));
  const isLoss = (layer: string) => graph.steps.some((s) => s.layer === layer && s.kind === 'loss');
  return layers.map((name) => ({ name: isLoss(name) ? say(msg('network.loss')) : name, forward: columns(name, 'forward'), backward: columns(name, 'backward') }));
}

/** A section's steps grouped by kind, kinds in the order they first appear. */
function kindColumns(steps: readonly Step[], resultOf: (id: string) => StepResult, say: Say): NetworkColumn[] {
  const kinds = [...new Set(steps.map((s) => s.kind))];
  return kinds.map((kind) => {
    const ids = steps.filter((s) => s.kind === kind).map((s) => s.id);
    // A batch's sample suffix (`_s2`) is no part of the stem: `in_o1_s1`, `in_o1_s2` are both `in_o`.
    const stems = new Set(ids.map((id) => id.replace(/_s\d+$/, '').replace(/\d+$/, '')));
    const nodes = ids.map((id) => ({ id, status: resultOf(id).status, mark: MARKS[resultOf(id).status] }));
    return { label: stems.size === 1 && ids.length > 1 ? [...stems][0]! : say(kindLabel(kind)), nodes };
  });
}

/** Over a column of the picture: `in`, `out`, `pooled`, `loss`, δ (or the course's word), `updated`. */
function kindLabel(kind: StepKind) {
  switch (kind) {
    case 'pre-activation':
      return msg('kind.pre-activation');
    case 'activation':
      return msg('kind.activation');
    case 'pool':
      return msg('kind.pool');
    case 'loss':
      return msg('kind.loss');
    case 'coef':
      return msg('kind.coef');
    case 'update':
      return msg('kind.update');
  }
}

function stepRow(step: Step, result: StepResult, graph: Graph, resultOf: (id: string) => StepResult, reveal: boolean, say: Say): StepRow {
  const notGiven = refsOf(step.expr).filter((id) => resultOf(id).submitted === null);
  const lookup: Lookup<number> = {
    param: (name) => {
      const value = graph.params.get(name);
      if (value === undefined) throw new Error(`step ${step.id} reads an unknown parameter ${name}`);
      return value;
    },
    ref: (id) => resultOf(id).submitted ?? Number(resultOf(id).expected.toPrecision(VALUE_DIGITS)),
  };
  return {
    id: step.id,
    section: sectionId(step.layer, step.phase),
    description: say(step.descriptionNote),
    symbolic: renderSymbolic(step.expr),
    substituted: notGiven.length > 0 && !reveal ? null : renderSubstituted(step.expr, lookup, FORMULA_DIGITS),
    notGiven,
    submitted: result.raw,
    expected: reveal ? formatNumber(result.expected, VALUE_DIGITS) : null,
    status: result.status,
    mark: MARKS[result.status],
    points: formatNumber(result.points, 6),
    maxPoints: formatNumber(result.maxPoints, 6),
    message: result.message,
    cell: result.cell,
  };
}
