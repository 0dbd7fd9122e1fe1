/** Small helpers shared by the report tests. */
import { execFileSync } from 'node:child_process';
import type { Item, Measure } from '../../src/report/layout.js';

/** An item's left and right edge, text measured with `measure`. */
export function horizontal(item: Item, measure: Measure): [number, number] {
  switch (item.kind) {
    case 'text':
      return [item.x, item.x + measure(item.text, item.font, item.size)];
    case 'box':
      return [item.x, item.x + item.width];
    case 'line':
      return [Math.min(item.x1, item.x2), Math.max(item.x1, item.x2)];
  }
}

/** Whether poppler's pdftotext is on this machine (CI may not have it; the tests then decode the PDF themselves). */
export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
