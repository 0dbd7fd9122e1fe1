/**
 * Hostile and mistaken files for the tests: hand-made ZIP archives (with sizes that lie), OLE
 * containers, and other files students hand in by mistake.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';

export interface ZipPart {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** Deflate the data (default) or store it. */
  readonly deflate?: boolean;
  /** The uncompressed size written in the headers, if it should lie. */
  readonly declaredSize?: number;
}

/** A ZIP archive built byte by byte, so its headers can say anything. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.from(part.data);
    const deflate = part.deflate ?? true;
    const stored = deflate ? deflateRawSync(data) : data;
    const name = Buffer.from(part.name, 'utf8');
    const fields = { method: deflate ? 8 : 0, crc: crc32(data), compressed: stored.length, size: part.declaredSize ?? data.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(fields.method, 8);
    local.writeUInt32LE(fields.crc, 14);
    local.writeUInt32LE(fields.compressed, 18);
    local.writeUInt32LE(fields.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(fields.method, 10);
    central.writeUInt32LE(fields.crc, 16);
    central.writeUInt32LE(fields.compressed, 20);
    central.writeUInt32LE(fields.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    directory.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const directorySize = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...directory, end]));
}

/** The parts that make SheetJS take an archive for an xlsx workbook. */
export const XLSX_SKELETON: readonly ZipPart[] = [
  { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
  { name: 'xl/workbook.xml', data: '<?xml version="1.0"?><workbook/>' },
];

/** An OLE compound file holding the given streams (a .doc, an encrypted xlsx...). */
export function cfbOf(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb: unknown = XLSX.CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, name, data);
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]);
export const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
export const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);

/** A ZIP archive (an xlsx written by SheetJS) with one part rewritten. */
export function editZipPart(bytes: Uint8Array, path: string, edit: (text: string) => string): Uint8Array {
  const container = XLSX.CFB.read(bytes, { type: 'array' }) as {
    FullPaths: string[];
    FileIndex: { type: number; content: Uint8Array | number[] }[];
  };
  const root = container.FullPaths[0] ?? '';
  const parts = container.FileIndex.flatMap((entry, i): ZipPart[] => {
    const name = (container.FullPaths[i] ?? '').slice(root.length);
    if (entry.type !== 2 || name.includes('\u0001')) return [];
    const content = Buffer.from(entry.content);
    return [{ name, data: name === path ? edit(content.toString('utf8')) : content }];
  });
  if (!parts.some((part) => part.name === path)) throw new Error(`no part ${path}`);
  return zipOf(parts);
}
