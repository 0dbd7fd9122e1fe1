/**
 * Where a student's numbers come from: HMAC-SHA256(course secret, student id), stretched into a
 * stream of uniform choices. The HMAC sits behind a small interface so that a browser build can
 * pass WebCrypto's (`crypto.subtle.sign('HMAC', ...)`) where the command line passes node:crypto's.
 */

/** HMAC-SHA256 of `message` under `key`: 32 bytes. */
export type HmacSha256 = (key: Uint8Array, message: Uint8Array) => Promise<Uint8Array>;

/** The seed of one student's variant. Ids are compared as typed, after Unicode normalisation (NFC) and trimming. */
export function variantSeed(hmac: HmacSha256, secret: Uint8Array, studentId: string): Promise<Uint8Array> {
  return hmac(secret, new TextEncoder().encode(studentId.normalize('NFC').trim()));
}

/**
 * A deterministic stream of integers in [0, n) from a 32-byte seed: xoshiro128** (Blackman and
 * Vigna) with its 128-bit state taken from the seed's two halves XORed together. Not for
 * secrets: the seed is the secret part; this only spreads it over as many choices as needed.
 */
export function choiceStream(seed: Uint8Array): (n: number) => number {
  if (seed.length < 32) throw new Error('a variant seed has 32 bytes');
  const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength);
  const word = (k: number) => (view.getUint32(4 * k) ^ view.getUint32(16 + 4 * k)) >>> 0;
  let [a, b, c, d] = [word(0), word(1), word(2), word(3)];
  if ((a | b | c | d) === 0) a = 1; // the one state xoshiro cannot leave
  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
  const next = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c = (c ^ a) >>> 0;
    d = (d ^ b) >>> 0;
    b = (b ^ c) >>> 0;
    a = (a ^ d) >>> 0;
    c = (c ^ t) >>> 0;
    d = rotl(d, 11);
    return result;
  };
  // Multiply-and-shift on 32 random bits: the bias for the few hundred options a value has is below 1e-7.
  return (n) => Math.floor((next() / 2 ** 32) * n);
}
