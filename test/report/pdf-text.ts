/**
 * What a PDF that pdfkit wrote says, read back without poppler: each font's ToUnicode map, and the
 * text of every page decoded through them. Enough for pdfkit's own output (Identity-H fonts, one
 * text call per BT/ET), not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  readonly dict: string;
  readonly stream: Buffer | null;
}

export function pdfObjects(bytes: Uint8Array): Map<number, PdfObject> {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    const body = match[2]!;
    const start = body.indexOf('\nstream\n');
    if (start < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const offset = match.index + match[0].indexOf(body) + start + '\nstream\n'.length;
    const raw = buffer.subarray(offset, offset + Number(/\/Length (\d+)/.exec(body)![1]));
    objects.set(Number(match[1]), { dict: body.slice(0, start), stream: body.includes('/FlateDecode') ? inflateSync(raw) : raw });
  }
  return objects;
}

/** A ToUnicode CMap as pdfkit writes it: `<first> <last> [<unicode> ...]` ranges. */
export function toUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const range of cmap.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
    // A ligature maps to several code units: `<0066 0069>` for "fi".
    [...range[2]!.matchAll(/<([0-9a-f ]+)>/gi)].forEach((hex, k) => {
      map.set(parseInt(range[1]!, 16) + k, Buffer.from(hex[1]!.replaceAll(' ', ''), 'hex').swap16().toString('utf16le'));
    });
  }
  for (const single of cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>\s*$/gim)) {
    map.set(parseInt(single[1]!, 16), Buffer.from(single[2]!, 'hex').swap16().toString('utf16le'));
  }
  return map;
}

/** Every font's name (`/F3`), base font and code → text map. */
export function fonts(objects: Map<number, PdfObject>): Map<string, { baseFont: string; unicode: Map<number, string> }> {
  const byRef = new Map<number, { baseFont: string; unicode: Map<number, string> }>();
  for (const [id, object] of objects) {
    const cmapRef = /\/Subtype \/Type0[\s\S]*\/ToUnicode (\d+) 0 R/.exec(object.dict);
    if (!cmapRef) continue;
    const cmap = objects.get(Number(cmapRef[1]))?.stream?.toString('latin1') ?? '';
    byRef.set(id, { baseFont: /\/BaseFont \/(\S+)/.exec(object.dict)![1]!, unicode: toUnicode(cmap) });
  }
  const names = new Map<string, { baseFont: string; unicode: Map<number, string> }>();
  for (const object of objects.values()) {
    for (const entry of object.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = byRef.get(Number(entry[2]));
      if (font) names.set(entry[1]!, font);
    }
  }
  return names;
}

/** The text of each page, one line per text call, in drawing order. */
export function pageTexts(bytes: Uint8Array): string[] {
  const objects = pdfObjects(bytes);
  const named = fonts(objects);
  const pages = [...objects.values()].filter((o) => /\/Type \/Page\b/.test(o.dict));
  return pages.map((page) => {
    const content = objects.get(Number(/\/Contents (\d+) 0 R/.exec(page.dict)![1]))!.stream!.toString('latin1');
    const lines: string[] = [];
    let font = named.values().next().value;
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|\[([^\]]*)\] TJ/g)) {
      if (op[1]) font = named.get(op[1]);
      else {
        const codes = [...op[2]!.matchAll(/<([0-9a-f]+)>/gi)].flatMap((hex) => hex[1]!.match(/.{4}/g) ?? []);
        lines.push(codes.map((code) => font?.unicode.get(parseInt(code, 16)) ?? '\uFFFD').join(''));
      }
    }
    return lines.join('\n');
  });
}
