// False alarms of the diagnosis rules: hand-rounded correct solutions of random networks, each with
// one ARBITRARY wrong value (not a planted mistake), graded; how often is a mistake named anyway?
// Plain JS with the engine passed in, so the bench (over dist/) and a test (over src/) share it.

/** A deterministic pseudo-random sequence in [0, 1). */
export function lcg(seed) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const pick = (random, items) => items[Math.floor(random() * items.length)];
const homework = (random) => Math.round(200 * random() - 100) / 100;

/**
 * The seed rubric's shape with everything else drawn at random: every given value (2 decimals),
 * the convention, the learning rate, each conv layer's flip and activation, each pool's kind, and
 * the loss (cross-entropy over softmax, or mse over sigmoid, tanh or identity outputs).
 */
export function randomLike(rubric, random) {
  const values = (list) => list.map(() => homework(random));
  const layers = rubric.layers.map((layer) => {
    switch (layer.kind) {
      case 'conv1d':
        return { ...layer, flip: random() < 0.5, activation: pick(random, ['sigmoid', 'tanh', 'relu', 'identity']),
          kernels: { ...layer.kernels, values: layer.kernels.values.map(values) },
          ...(layer.biases ? { biases: { ...layer.biases, values: values(layer.biases.values) } } : {}) };
      case 'avgpool':
      case 'maxpool':
        return { ...layer, kind: pick(random, ['avgpool', 'maxpool']) };
      case 'dense':
        return { ...layer, weights: { ...layer.weights, values: layer.weights.values.map(values) },
          ...(layer.biases ? { biases: { ...layer.biases, values: values(layer.biases.values) } } : {}) };
      default:
        return layer;
    }
  });
  const outputs = rubric.target.values.length;
  const mse = random() < 0.5;
  const top = layers.length - 1;
  const hot = Math.floor(random() * outputs);
  layers[top] = { ...layers[top], activation: mse ? pick(random, ['sigmoid', 'tanh', 'identity']) : 'softmax' };
  return {
    ...rubric,
    convention: pick(random, ['standard', 'updated-weights']),
    learningRate: Math.ceil(10 * random() + 1e-9) / 10,
    input: { ...rubric.input, values: values(rubric.input.values) },
    target: { ...rubric.target, values: rubric.target.values.map((_, k) => (mse ? Math.round(10 * random()) / 10 : k === hot ? 1 : 0)) },
    layers,
    loss: mse ? { kind: 'mse', step: rubric.loss.step, factor: 0.5 } : { kind: 'cross-entropy', step: rubric.loss.step },
  };
}

/** Every value written with `decimals` decimals, as a submission read from a sheet would hold it. */
function submissionOf(values, decimals) {
  const answers = new Map();
  for (const [id, value] of values) {
    const raw = value.toFixed(decimals);
    answers.set(id, { stepId: id, label: id, sheet: 'Answers', labelCell: 'A1', valueCell: 'C1',
      value: { kind: 'number', value: Number(raw), decimals, raw } });
  }
  return { file: 'memory.xlsx', format: 'xlsx', student: { id: null, name: null }, answers, problems: [] };
}

/**
 * Grades `trials` solutions whose one wrong value is graded incorrect (values the tolerance or
 * follow-through accept are drawn again). The wrong value is the hand-rounded right one plus an
 * offset of 2 to 2000 units in the last decimal written, log-uniform (as many offsets of 2–20 units
 * as of 200–2000), either sign. Returns how many of them got a diagnosis, and which.
 *
 * engine: { buildNetwork, evaluateGraph, prepareReference, gradeSubmission }
 * nextRubric(random, attempt): a valid rubric to build.
 */
export function measureFalseAlarms({ engine, nextRubric, trials = 1000, seed = 1 }) {
  const random = lcg(seed);
  const byCode = {};
  let claimed = 0;
  let counted = 0;
  for (let attempt = 0; counted < trials; attempt++) {
    if (attempt > 10 * trials) throw new Error('too few wrong values were graded incorrect');
    const rubric = nextRubric(random, attempt);
    const built = engine.buildNetwork(rubric);
    if (!built.ok) throw new Error(`invalid random network: ${built.problems[0]?.message}`);
    const { graph } = built;
    const decimals = rubric.grading.decimals + Math.floor(random() * 2);
    const round = (x) => Number(x.toFixed(decimals));
    const step = pick(random, graph.steps);
    const right = engine.evaluateGraph(graph, { round }).get(step.id);
    const offset = (random() < 0.5 ? -1 : 1) * Math.round(2 * 1000 ** random()) * 10 ** -decimals;
    const values = engine.evaluateGraph(graph, { round, given: new Map([[step.id, round(right + offset)]]) });
    const result = engine.gradeSubmission(engine.prepareReference(rubric, graph), submissionOf(values, decimals));
    if (result.steps.find((s) => s.id === step.id).status !== 'incorrect') continue;
    counted++;
    const named = result.steps.filter((s) => s.diagnosis !== null);
    if (named.length > 0) claimed++;
    for (const s of named) byCode[s.diagnosis] = (byCode[s.diagnosis] ?? 0) + 1;
  }
  return { trials, claimed, rate: claimed / trials, byCode };
}
