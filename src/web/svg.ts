/**
 * The report's positioned items (report/layout.ts: text, boxes, lines in points) as SVG markup, so
 * the page draws the network with the same layout code as the PDF (report/pdf-network.ts).
 */
import type { Item } from '../report/layout.js';

/** The font the page measures with and draws in (system fonts only: nothing is fetched). */
export const SVG_FONT = "'DejaVu Sans', 'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', Arial, sans-serif";

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const n = (value: number): string => String(Math.round(value * 100) / 100);

function itemSvg(item: Item): string {
  switch (item.kind) {
    case 'text':
      return `<text x="${n(item.x)}" y="${n(item.y)}" font-size="${n(item.size)}"${item.font === 'bold' ? ' font-weight="bold"' : ''} fill="${escapeXml(item.color)}">${escapeXml(item.text)}</text>`;
    case 'box': {
      const fill = `fill="${item.fill === null ? 'none' : escapeXml(item.fill)}"`;
      const stroke = item.stroke === null ? '' : ` stroke="${escapeXml(item.stroke)}" stroke-width="0.7"${item.dashed ? ' stroke-dasharray="2 1.2"' : ''}`;
      return `<rect x="${n(item.x)}" y="${n(item.y)}" width="${n(item.width)}" height="${n(item.height)}" rx="${n(item.radius)}" ${fill}${stroke}/>`;
    }
    case 'line':
      return `<line x1="${n(item.x1)}" y1="${n(item.y1)}" x2="${n(item.x2)}" y2="${n(item.y2)}" stroke="${escapeXml(item.color)}" stroke-width="${n(item.width)}"/>`;
  }
}

/** An `<svg>` of `width` × `height` points holding `items`; `label` is what a screen reader says for it. */
export function svgMarkup(items: readonly Item[], width: number, height: number, label: string): string {
  const body = items.map(itemSvg).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${escapeXml(label)}" font-family="${escapeXml(SVG_FONT)}"><title>${escapeXml(label)}</title>${body}</svg>`;
}
