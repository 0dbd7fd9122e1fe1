/**
 * Building a layer is linear in its connections (issue 9): each weight's update gathers its
 * gradient terms from an index built in one pass, instead of scanning every connection for every
 * parameter (1,000 units took 40 s). Counted, not timed: every read of a connection's weight is
 * counted, and a quadratic builder reads them parameters × connections times.
 */
import { describe, expect, it } from 'vitest';
import { Builder } from '../../src/engine/builder.js';
import { param } from '../../src/engine/expr.js';
import { LinearLayer, type Connection, type LinearSpec, type Unit } from '../../src/engine/linear.js';

describe('building a dense layer', () => {
  it('reads each connection a bounded number of times, whatever the layer size', () => {
    const inputs = 40;
    const units = 40;
    let reads = 0;
    const connection = (input: number, weight: string): Connection => ({
      input,
      get weight() {
        reads++;
        return weight;
      },
    });
    const unitList: Unit[] = Array.from({ length: units }, (_, o) => ({
      connections: Array.from({ length: inputs }, (_, h) => connection(h, `w${o * inputs + h + 1}`)),
      bias: `b${o + 1}`,
      map: 0,
      at: [o],
      label: `unit ${o + 1}`,
    }));
    const spec: LinearSpec = {
      name: 'FC', path: ['layers', 0], steps: { in: 'in_o', out: 'out_o', coef: 'coef_o' }, activation: 'sigmoid', slope: 0.01,
      units: unitList,
      parameters: [...Array.from({ length: units * inputs }, (_, k) => `w${k + 1}`), ...Array.from({ length: units }, (_, o) => `b${o + 1}`)],
      mapCount: 1, outDims: [units],
    };
    const builder = new Builder('updated-weights', '_new');
    const x = Array.from({ length: inputs }, (_, h) => builder.addParam(`x${h + 1}`, 0.1, ['input']));
    const layer = new LinearLayer(spec, [{ dims: [inputs], maps: [x] }], builder);
    layer.backward([[layer.outputs[0]!.maps[0]!.map(() => [param('x1')])]], null);

    const connections = units * inputs;
    // Forward (pre-activation), the gradient index and the deltas below: a few reads each.
    expect(reads).toBeLessThanOrEqual(4 * connections);
    // The quadratic builder read (weights + biases) × connections = 2.6 million.
    expect(builder.steps.filter((s) => s.kind === 'update')).toHaveLength(connections + units);
  });
});
