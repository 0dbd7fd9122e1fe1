/**
 * A bounded look through an xlsx/ods (ZIP) archive before SheetJS opens it.
 *
 * SheetJS inflates every entry with no bound on the output, so a 20 MB file can ask for many
 * gigabytes (a zip bomb). Here every entry SheetJS will inflate is inflated first through
 * node:zlib with a hard cap on the total output; the sizes an archive declares are not trusted.
 * The archive is walked exactly as SheetJS walks it (last end-of-directory record, entry count
 * from it, data found through each local header), so what is checked is what it will read. Each
 * part is pre-scanned as it is inflated (prescan.ts): sheets, shared strings, cells, ods repeats.
 */
import { TextDecoder } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { english, type Message } from '../i18n/index.js';
import type { IngestLimits } from './limits.js';
import { MESSAGES } from './messages.js';
import { partScanner } from './prescan.js';

export type ZipInspection =
  | {
      readonly ok: true;
      readonly names: readonly string[];
      /** Small text entries kept for telling formats apart (`mimetype`, `META-INF/manifest.xml`). */
      readonly texts: ReadonlyMap<string, string>;
    }
  | { readonly ok: false; readonly reason: 'damaged' | 'too-large' | 'password-protected'; readonly detail: Message };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const KEPT_TEXTS = new Set(['mimetype', 'META-INF/manifest.xml']);
const MAX_KEPT_TEXT = 1024 * 1024;

class ZipProblem extends Error {
  constructor(
    readonly reason: 'damaged' | 'too-large' | 'password-protected',
    readonly detail: Message,
  ) {
    super(english(detail));
  }
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

export function inspectZip(bytes: Uint8Array, limits: IngestLimits): ZipInspection {
  try {
    return { ok: true, ...walk(bytes, limits) };
  } catch (error) {
    if (error instanceof ZipProblem) return { ok: false, reason: error.reason, detail: error.detail };
    throw error;
  }
}

function walk(bytes: Uint8Array, limits: IngestLimits): { names: string[]; texts: Map<string, string> } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  const count = view.getUint16(end + 8, true);
  if (count > limits.maxZipEntries) {
    throw new ZipProblem('too-large', MESSAGES.tooManyParts(count, limits.maxZipEntries));
  }
  const names: string[] = [];
  const texts = new Map<string, string>();
  let position = view.getUint32(end + 16, true);
  let budget = limits.maxUnzippedBytes;
  const scan = partScanner(limits);
  for (let i = 0; i < count; i += 1) {
    need(view, position, 46);
    if (view.getUint32(position, true) !== DIRECTORY_ENTRY) throw damaged();
    const nameLength = view.getUint16(position + 28, true);
    need(view, position + 46, nameLength);
    const name = latin1.decode(bytes.subarray(position + 46, position + 46 + nameLength));
    const content = inflateEntry(bytes, view, view.getUint32(position + 42, true), budget, limits);
    budget -= content.length;
    const refusal = scan(name, content);
    if (refusal !== null) throw new ZipProblem('too-large', refusal);
    names.push(name);
    if (KEPT_TEXTS.has(name) && content.length <= MAX_KEPT_TEXT) texts.set(name, utf8.decode(content));
    position += 46 + nameLength + view.getUint16(position + 30, true) + view.getUint16(position + 32, true);
  }
  return { names, texts };
}

/** The last end-of-directory record, as SheetJS finds it; one cut short is refused. */
function findEndOfDirectory(view: DataView): number {
  for (let i = view.byteLength - 4; i >= 0; i -= 1) {
    if (view.getUint32(i, true) !== END_OF_DIRECTORY) continue;
    need(view, i, 22);
    return i;
  }
  throw damaged(MESSAGES.zipNoDirectory());
}

/** One entry's data, inflated within what is left of the budget. */
function inflateEntry(bytes: Uint8Array, view: DataView, offset: number, budget: number, limits: IngestLimits): Uint8Array {
  need(view, offset, 30);
  if (view.getUint32(offset, true) !== LOCAL_HEADER) throw damaged();
  if ((view.getUint16(offset + 6, true) & 0x2041) !== 0) {
    throw new ZipProblem('password-protected', MESSAGES.passwordProtected());
  }
  const method = view.getUint16(offset + 8, true);
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start > view.byteLength) throw damaged();
  switch (method) {
    case 0:
      return bytes.subarray(start, Math.min(view.byteLength, start + view.getUint32(offset + 18, true)));
    case 8:
      return inflateWithin(bytes.subarray(start), budget, limits);
    default:
      throw damaged(MESSAGES.zipMethod(method));
  }
}

function inflateWithin(data: Uint8Array, budget: number, limits: IngestLimits): Uint8Array {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ZipProblem('too-large', MESSAGES.unzippedTooLarge(limits.maxUnzippedBytes));
    }
    throw damaged();
  }
}

function need(view: DataView, offset: number, length: number): void {
  if (offset + length > view.byteLength) throw damaged();
}

const damaged = (detail = MESSAGES.zipDamaged()): ZipProblem =>
  new ZipProblem('damaged', detail);
