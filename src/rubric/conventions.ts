/** The course conventions a rubric may name (schema.ts validates them; the command line lists them). */
export const CONVENTIONS = ['updated-weights', 'standard'] as const;
