/**
 * The grading settings that hold for one step: the rubric's, with its group's overrides (its
 * section's, else its layer's). Every decision about a step reads them from here.
 */
import { sectionId, type Step } from '../engine/graph.js';
import type { Rubric } from '../rubric/schema.js';
import type { Grading } from './tolerance.js';

export interface StepSettings {
  readonly grading: Grading;
  readonly maxPoints: number;
}

/** The settings for `step`, and its maximum points (prepareReference keeps them per step). */
export function settingsFor(rubric: Rubric, step: Pick<Step, 'id' | 'layer' | 'phase'>): StepSettings {
  const { grading } = rubric;
  const group = grading.groups[sectionId(step.layer, step.phase)] ?? grading.groups[step.layer];
  const maxPoints = grading.points.steps[step.id] ?? group?.points ?? grading.points.default;
  if (group === undefined) return { grading, maxPoints };
  return {
    grading: {
      ...grading,
      decimals: group.decimals ?? grading.decimals,
      tolerance: { ...grading.tolerance, ...definedOnly(group.tolerance ?? {}) },
    },
    maxPoints,
  };
}

function definedOnly<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}
