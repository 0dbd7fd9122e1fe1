/** Closed sets the command line offers as choices, kept apart from the code that uses them: listing them loads nothing. */
export const REFERENCE_FORMATS = ['table', 'csv', 'json'] as const;
export type ReferenceFormat = (typeof REFERENCE_FORMATS)[number];
