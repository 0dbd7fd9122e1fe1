/** A message as data: a key of the catalogs and its parameters, checked against the English catalog's types. */
import type { en } from './en/index.js';
import type { Said } from './types.js';

type Catalog = typeof en;
export type MessageKey = keyof Catalog;

/** An entry's parameters; `undefined` for an entry that takes none. */
export type ParamsOf<K extends MessageKey> = Catalog[K] extends (params: infer P, ...rest: never[]) => string
  ? unknown extends P ? undefined : P
  : never;

/** A message any catalog can say. */
export type Message = { [K in MessageKey]: { readonly key: K; readonly params: ParamsOf<K> extends undefined ? Record<string, never> : ParamsOf<K> } }[MessageKey];

type Args<K extends MessageKey> = ParamsOf<K> extends undefined ? [] : [params: ParamsOf<K>];

/**
 * @example msg('grade.fromYourValues', { steps: ['out_pp1'] }) // said as "correct from your value of out_pp1"
 */
export function msg<K extends MessageKey>(key: K, ...args: Args<K>): Message & Said {
  return { key, params: args[0] ?? {} } as unknown as Message & Said;
}
