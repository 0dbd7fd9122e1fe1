/**
 * `node:zlib` for the page's bundle: the one call the reader makes (ingest/zip.ts), with the same
 * contract, through pako (a port of zlib itself, so a broken stream fails where Node's does). The
 * bundler maps `node:zlib` here (scripts/build-web.js); the library never learns it runs in a
 * browser.
 *
 * The output is capped as Node caps it: past `maxOutputLength` throws a RangeError (zip.ts says
 * "too large once unpacked"); a broken stream throws another error (zip.ts says "damaged"). pako
 * hands the output over one 16 KB chunk at a time, so a zip bomb is stopped within a chunk of the
 * cap. As with Node, bytes after the end of the stream are ignored: the reader passes everything
 * to the end of the archive.
 */
import { Inflate } from 'pako';

const CHUNK = 16 * 1024;

export function inflateRawSync(data: Uint8Array, options: { maxOutputLength?: number } = {}): Uint8Array {
  const cap = options.maxOutputLength ?? Number.MAX_SAFE_INTEGER;
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflate = new Inflate({ raw: true, chunkSize: CHUNK });
  inflate.onData = (chunk) => {
    total += chunk.length;
    if (total > cap) throw new RangeError(`inflated output is over ${cap} bytes`);
    chunks.push(chunk);
  };
  inflate.push(data, true);
  if (inflate.err !== 0) throw new Error(inflate.msg || `inflate error ${inflate.err}`);
  if (!inflate.ended) throw new Error('unexpected end of file');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
