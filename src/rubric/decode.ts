/** A rubric file's bytes -> its text (no YAML here: a thread that only reads files never loads the rubric's parser). */

/**
 * A rubric file's bytes as text: UTF-8 (with or without a BOM), or UTF-16 as Windows Notepad
 * saves "Unicode" (with a BOM, or told from its zero bytes).
 */
export function decodeRubric(bytes: Uint8Array): string {
  const decode = (label: string) => new TextDecoder(label).decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode('utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode('utf-16be');
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return decode('utf-16le');
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return decode('utf-16be');
  return decode('utf-8');
}
