/**
 * Boxes and lines as PDF content operators, byte for byte what pdfkit's own calls write (`save`,
 * `lineWidth`, `dash`, `rect` or `roundedRect`, `fill`/`stroke`/`fillAndStroke`, `restore`), built
 * as one string and written in one piece (test/report/pdf-runs.test.ts compares them with pdfkit's).
 */
import type { BoxItem, LineItem } from './layout.js';

/** pdfkit's number format: at most six decimals. */
export const number = (n: number) => Math.round(n * 1e6) / 1e6;

const colors = new Map<string, string>();

/** `fillColor('#rrggbb')` (or `strokeColor`) as pdfkit writes it. */
export function colorOps(hex: string, stroke = false): string {
  const key = stroke ? `S${hex}` : hex;
  let written = colors.get(key);
  if (written === undefined) {
    if (!/^#[0-9a-f]{6}$/i.test(hex)) throw new Error(`report colors are #rrggbb, not "${hex}"`);
    const value = parseInt(hex.slice(1), 16);
    const rgb = [value >> 16, (value >> 8) & 0xff, value & 0xff].map((part) => part / 255).join(' ');
    written = stroke ? `/DeviceRGB CS\n${rgb} SCN\n` : `/DeviceRGB cs\n${rgb} scn\n`;
    colors.set(key, written);
  }
  return written;
}

const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);
const point = (x: number, y: number) => `${number(x)} ${number(y)}`;

/** pdfkit's `roundedRect` with one radius for every corner. */
function roundedRect(x: number, y: number, w: number, h: number, radius: number): string {
  const r = Math.max(0, Math.min(radius, Math.min(0.5 * w, 0.5 * h)));
  const cp = r * (1.0 - KAPPA);
  let ops = `${point(x + r, y)} m\n${point(x + w - r, y)} l\n`;
  if (r > 0) ops += `${point(x + w - cp, y)} ${point(x + w, y + cp)} ${point(x + w, y + r)} c\n`;
  ops += `${point(x + w, y + h - r)} l\n`;
  if (r > 0) ops += `${point(x + w, y + h - cp)} ${point(x + w - cp, y + h)} ${point(x + w - r, y + h)} c\n`;
  ops += `${point(x + r, y + h)} l\n`;
  if (r > 0) ops += `${point(x + cp, y + h)} ${point(x, y + h - cp)} ${point(x, y + h - r)} c\n`;
  ops += `${point(x, y + r)} l\n`;
  if (r > 0) ops += `${point(x, y + cp)} ${point(x + cp, y)} ${point(x + r, y)} c\n`;
  return `${ops}h\n`;
}

export function boxOps(item: BoxItem): string {
  let ops = 'q\n0.6 w\n';
  if (item.dashed) ops += '[1.6 1.2] 0 d\n';
  ops += item.radius > 0
    ? roundedRect(item.x, item.y, item.width, item.height, item.radius)
    : `${point(item.x, item.y)} ${point(item.width, item.height)} re\n`;
  if (item.fill !== null && item.stroke !== null) ops += `${colorOps(item.fill)}${colorOps(item.stroke, true)}B\n`;
  else if (item.fill !== null) ops += `${colorOps(item.fill)}f\n`;
  else if (item.stroke !== null) ops += `${colorOps(item.stroke, true)}S\n`;
  return `${ops}Q\n`;
}

export function lineOps(item: LineItem): string {
  return `q\n${number(item.width)} w\n${point(item.x1, item.y1)} m\n${point(item.x2, item.y2)} l\n${colorOps(item.color, true)}S\nQ\n`;
}

/** Writes operators to the current page of a pdfkit document, as bytes (pdfkit would copy a string one character at a time). */
export function writeOps(doc: unknown, ops: string): void {
  if (ops !== '') (doc as { page: { write(chunk: Uint8Array): void } }).page.write(Buffer.from(ops, 'latin1'));
}
