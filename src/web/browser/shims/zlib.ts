/**
 * `node:zlib` for the page's bundle: the one call the reader makes (ingest/zip.ts), with the same
 * contract. The bundler maps `node:zlib` here (scripts/build-web.js); the library never learns it
 * runs in a browser.
 *
 * The output is capped as Node caps it: over `maxOutputLength` throws a RangeError (zip.ts reports
 * "too large once unpacked"); anything else wrong throws another error (reported as damaged). The
 * input is fed in small pieces so a zip bomb costs at most one piece's worth (DEFLATE expands at
 * most ~1032:1, so 16 KB in gives at most ~17 MB out) past the cap before it is stopped. As with
 * Node, bytes after the end of the stream are ignored: the reader passes everything to the end of
 * the archive.
 */
import { Inflate } from 'fflate';

const PIECE = 16 * 1024;

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const cap = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > cap) throw new RangeError(`inflated output is over ${cap} bytes`);
    if (chunk.length > 0) chunks.push(chunk);
  });
  if (data.length === 0) inflate.push(data, true);
  for (let at = 0; at < data.length; at += PIECE) inflate.push(data.subarray(at, at + PIECE), at + PIECE >= data.length);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
