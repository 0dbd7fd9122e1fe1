/**
 * The page's `node:zlib` (src/web/browser/shims/zlib.ts) must keep the reader's contract exactly:
 * the bytes Node gives, a RangeError past the cap (zip.ts says "too large once unpacked"), another
 * error for broken data (zip.ts says "damaged"), and bytes after the stream's end ignored.
 */
import { deflateRawSync, inflateRawSync as nodeInflate } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inflateRawSync as pageInflate } from '../../src/web/browser/shims/zlib.js';
import { inspectZip } from '../../src/ingest/zip.js';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.js';
import { zipOf } from '../ingest/hostile.js';

/** What an inflater does with some input and cap: its bytes, or the kind of error it throws. */
function outcome(inflate: (data: Uint8Array, options: { maxOutputLength: number }) => Uint8Array, data: Uint8Array, cap: number) {
  try {
    return { bytes: Buffer.from(inflate(data, { maxOutputLength: cap })).toString('hex') };
  } catch (error) {
    return { error: error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'damaged' };
  }
}

const compressible = fc.array(fc.oneof(fc.constant(0x41), fc.integer({ min: 0, max: 255 })), { maxLength: 60_000 }).map((bytes) => new Uint8Array(bytes));

describe("the page's inflateRawSync", () => {
  it('gives what node:zlib gives, within any cap, with any trailing bytes', () => {
    fc.assert(
      fc.property(compressible, fc.nat({ max: 70_000 }), fc.uint8Array({ maxLength: 64 }), (plain, cap, trailing) => {
        const data = new Uint8Array([...deflateRawSync(plain), ...trailing]);
        const capped = Math.max(1, cap);
        expect(outcome(pageInflate, data, capped)).toEqual(outcome(nodeInflate, data, capped));
      }),
      { numRuns: 150 },
    );
  });

  it('fails as damaged where node:zlib does, on cut or garbled streams', () => {
    fc.assert(
      fc.property(compressible, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }), (plain, at, noise) => {
        const whole = deflateRawSync(plain);
        const cut = whole.subarray(0, at % Math.max(1, whole.length));
        const garbled = new Uint8Array(whole);
        garbled.set(noise.subarray(0, garbled.length), at % Math.max(1, garbled.length - noise.length));
        for (const data of [cut, garbled]) expect(outcome(pageInflate, data, 1 << 24)).toEqual(outcome(nodeInflate, data, 1 << 24));
      }),
      { numRuns: 150 },
    );
  });

  it('stops a zip bomb at the cap without inflating it: 200 MB of zeros against a 1 MB cap', () => {
    const bomb = deflateRawSync(Buffer.alloc(200 * 1024 * 1024));
    const before = process.memoryUsage().arrayBuffers;
    expect(() => pageInflate(bomb, { maxOutputLength: 1024 * 1024 })).toThrow(RangeError);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('lets the reader say the same about an archive as it does with node:zlib', () => {
    const parts = [{ name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(5_000_000) }];
    const limits = { ...DEFAULT_LIMITS, maxUnzippedBytes: 1_000_000 };
    const archive = zipOf(parts);
    const viaNode = inspectZip(archive, limits);
    expect(viaNode).toMatchObject({ ok: false, reason: 'too-large' });
    // The same walk with the page's inflater in place of node:zlib's.
    expect(outcome(pageInflate, archive.subarray(30 + parts[0]!.name.length), 1_000_000)).toEqual({ error: 'too-large' });
  });
});
