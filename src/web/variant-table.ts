/**
 * Each student's numbers, as the self-check page carries them: by a key of their id, never by the
 * id itself, and without names, so that the page handed to the class does not publish the roster.
 *
 * The key is PBKDF2-HMAC-SHA256(id, per-page random salt, ID_KEY_ITERATIONS), 128 bits, as hex.
 * A plain salted SHA-256 of a student number would be no cover: the ids of a school are a few
 * million numbers of a known shape, and a laptop hashes that many in a second. The slow hash makes
 * trying a million ids cost about an hour of a core, while one lookup in the page costs a few
 * milliseconds. It cannot hide whether one id the reader already knows is in the class (a page that
 * checks an id offline has to be able to tell), nor a short run of consecutive ids for long. The salt is new for each page, so nothing
 * computed for one page serves for another. The same function runs in Node (writing the page)
 * and in the page's worker (WebCrypto in both).
 */
import { variantKey } from '../variants/key.js';

/** PBKDF2 rounds per key: a few ms per id (Node's WebCrypto); a class of 500 keyed in 2.2–3.6 s on this shared 2-core machine (measured). */
export const ID_KEY_ITERATIONS = 50_000;

/** What the page embeds (`PageConfig.variants`). */
export interface PageVariants {
  /** 16 random bytes, base64. */
  readonly salt: string;
  readonly iterations: number;
  /** The names drawn (`i1`, `KK12`, `learningRate`), in the plan's order. */
  readonly names: readonly string[];
  /** By the key of a student's id, their values in the order of `names`; keys in sorted order (not the roster's). */
  readonly rows: Readonly<Record<string, readonly number[]>>;
}

const base64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
const hex = (bytes: ArrayBuffer): string => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** The key of a student id typed anywhere (compared as variants.csv compares ids). */
export async function idKey(id: string, salt: string, iterations: number): Promise<string> {
  const { subtle } = globalThis.crypto;
  const secret = await subtle.importKey('raw', new TextEncoder().encode(variantKey(id)), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt) as Uint8Array<ArrayBuffer>, iterations }, secret, 128);
  return hex(bits);
}

/** The page's table from every student's values (by `variantKey(id)`, as variants.csv is read). */
export async function pageVariants(names: readonly string[], byId: ReadonlyMap<string, ReadonlyMap<string, number>>, iterations = ID_KEY_ITERATIONS): Promise<PageVariants> {
  const salt = base64(globalThis.crypto.getRandomValues(new Uint8Array(16)));
  const keyed = await Promise.all([...byId].map(async ([id, values]) => [await idKey(id, salt, iterations), names.map((name) => values.get(name)!)] as const));
  keyed.sort(([a], [b]) => (a < b ? -1 : 1));
  return { salt, iterations, names, rows: Object.fromEntries(keyed) };
}

/** A student's values from the page's table, by name; null for an id the table does not hold. */
export async function lookUpVariant(table: PageVariants, id: string): Promise<Map<string, number> | null> {
  const key = await idKey(id, table.salt, table.iterations);
  const row = Object.hasOwn(table.rows, key) ? table.rows[key] : undefined;
  return row === undefined ? null : new Map(table.names.map((name, k) => [name, row[k]!]));
}
