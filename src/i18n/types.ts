/**
 * The words a person reads, kept out of the code: code builds a message as a catalog key and its
 * parameters (plain data, so it crosses worker threads and JSON), and one catalog per language says
 * it. A catalog entry is a function of the parameters, so a sentence is written whole in each
 * language (its own word order, plurals, measure words), never glued from fragments.
 */

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Words a course may name its own way (the rubric's `terms:`): `delta` is the word in sentences
 * ("误差项"), `coef` the short name shown over a column of deltas; the others are what they say.
 */
export const TERM_KEYS = [
  'delta', 'coef', 'preActivation', 'output', 'kernel', 'window', 'map', 'unit', 'layer',
  'forward', 'backward', 'learningRate', 'loss', 'avgpool', 'maxpool',
] as const;
export type TermKey = (typeof TERM_KEYS)[number];
export type Terms = Readonly<Record<TermKey, string>>;

/** A message in no language yet: what a catalog entry's parameters may hold. */
export interface Said {
  readonly key: string;
  readonly params: Readonly<Record<string, Param>>;
}

/** A parameter: a name, a number, a list of names or numbers (a shape), or a message said inside another. */
export type Param = string | number | boolean | null | readonly string[] | readonly number[] | Said | Readonly<Record<string, string>>;

/** What an entry may use besides its parameters. */
export interface Context {
  /** The course's words (the rubric's `terms:` over the language's own). */
  readonly t: Terms;
  /** Says a message given as a parameter (a reason inside "could not read …: reason"); a string is kept as it is. */
  readonly say: (message: Said | string) => string;
}

/** One entry: a whole sentence from its parameters. */
export type Entry<P> = (params: P, c: Context) => string;

/** The catalog of another language for the same keys, with the same parameters. */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends (params: infer P, c: Context) => string ? Entry<P> : never };

/** A language and the course's words in it: all that is needed to say messages, as plain data. */
export interface Voice {
  readonly language: Language;
  readonly terms?: Partial<Terms>;
}
