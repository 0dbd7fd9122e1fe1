/** The network picture draws a column of 2-D map elements as its maps, each a grid of cells. */
import { describe, expect, it } from 'vitest';
import type { Measure } from '../../src/report/layout.js';
import type { NetworkColumn, NetworkLayer } from '../../src/report/model.js';
import { gridsOf, networkBlock } from '../../src/report/pdf-network.js';
import { createSay, english } from '../../src/i18n/index.js';

const measure: Measure = (text, _font, size) => text.length * 0.55 * size;
const node = (id: string) => ({ id, status: 'correct' as const, mark: '✓' });
const column = (ids: string[]): NetworkColumn => ({ label: 'out', nodes: ids.map(node) });
/** `out_c<m>_<r>_<c>` for every map, row and column, row by row. */
const gridIds = (maps: number, rows: number, columns: number, suffix = '') =>
  Array.from({ length: maps * rows * columns }, (_, k) => {
    const [m, r, c] = [Math.floor(k / (rows * columns)), Math.floor(k / columns) % rows, k % columns];
    return `out_c${m + 1}_${r + 1}_${c + 1}${suffix}`;
  });

describe('2-D maps in the network picture', () => {
  it('reads a column of map elements as its maps, row by row', () => {
    const grids = gridsOf(column(gridIds(2, 3, 4)))!;
    expect(grids.map((g) => [english(g.caption), g.cells.length, g.cells[0]!.length])).toEqual([['map 1', 3, 4], ['map 2', 3, 4]]);
    expect(grids[1]!.cells[2]![3]!.id).toBe('out_c2_3_4');
    expect(english(gridsOf(column(gridIds(1, 2, 2, '_s2')))![0]!.caption)).toBe('map 1, sample 2');
  });

  it('names each map in the report’s language, within its column', () => {
    const layer: NetworkLayer = { name: 'C', forward: [column([...gridIds(2, 2, 2), ...gridIds(1, 2, 2, '_s2').map((id) => id.replace('out_c1', 'out_c3'))])], backward: [] };
    const texts = (say: Parameters<typeof networkBlock>[4]) =>
      networkBlock([layer], 60, 10_000, measure, say).items.flatMap((item) => (item.kind === 'text' ? [item] : []));
    const zh = texts(createSay('zh-CN'));
    expect(zh.map((item) => item.text)).toEqual(expect.arrayContaining(['特征图 1', '特征图 2', '特征图 3，第 2 个样本']));
    expect(zh.map((item) => item.text).join(' ')).not.toMatch(/map|sample/);
    // A caption wider than its column is drawn smaller, never past the column's edge.
    for (const item of zh.filter((i) => i.text.startsWith('特征图'))) expect(item.x + measure(item.text, item.font, item.size)).toBeLessThanOrEqual(60 + 1e-9);
  });

  it('keeps sequences, dense units and incomplete maps as a list', () => {
    expect(gridsOf(column(['in_cc1', 'in_cc2', 'in_cc3']))).toBeNull();
    expect(gridsOf(column(['out_h1_s1', 'out_h2_s1']))).toBeNull();
    expect(gridsOf(column(gridIds(1, 3, 3).slice(0, 8)))).toBeNull();
  });

  it('takes a map’s rows of height, not one row per element', () => {
    const layer = (ids: string[]): NetworkLayer => ({ name: 'C', forward: [column(ids)], backward: [] });
    const grid = networkBlock([layer(gridIds(1, 5, 5))], 300, 10_000, measure);
    const list = networkBlock([layer(Array.from({ length: 25 }, (_, k) => `out_c${k + 1}`))], 300, 10_000, measure);
    // 5 rows and a caption instead of 25 rows: the picture is far shorter, with all 25 cells drawn.
    expect(grid.height).toBeLessThan(list.height / 2);
    expect(grid.items.filter((item) => item.kind === 'box')).toHaveLength(25);
  });
});
