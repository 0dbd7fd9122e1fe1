/**
 * File paths as the disk has them. A name that is not valid UTF-8 (a Windows zip with Chinese
 * names, unpacked on Linux) is kept as its bytes, so it can still be opened, and shown decoded
 * as a person would read it.
 */
import { TextDecoder } from 'node:util';
import { basename, join } from 'node:path';
import { decodeLegacy } from '../ingest/text.js';

export type FilePath = string | Buffer;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The name's bytes as a string when they are UTF-8 (the usual case), else the bytes themselves. */
export function pathFromBytes(bytes: Buffer): FilePath {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** A path back from a worker thread (where a Buffer arrives as a Uint8Array). */
export const revivePath = (path: string | Uint8Array): FilePath =>
  typeof path === 'string' ? path : Buffer.from(path.buffer, path.byteOffset, path.byteLength);

/** The path for a person: bytes that are not UTF-8 read as GBK (Chinese Windows) or cp1252. */
export function displayPath(path: FilePath): string {
  if (typeof path === 'string') return path;
  return decodeLegacy(path);
}

export function joinPath(folder: FilePath, name: FilePath): FilePath {
  if (typeof folder === 'string' && typeof name === 'string') return join(folder, name);
  const bytes = (part: FilePath) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
  const head = bytes(folder);
  const separator = head.at(-1) === 0x2f ? [] : [Buffer.from('/')];
  return Buffer.concat([head, ...separator, bytes(name)]);
}

export const displayBasename = (path: FilePath): string => basename(displayPath(path));
