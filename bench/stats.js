// Timing helpers for the benchmarks: medians of repeated batches, so one noisy moment on a shared
// machine moves nothing.

/** Runs `fn` `inner` times per sample, `samples` times; returns per-call times in microseconds. */
export function measure(fn, { samples = 31, inner = 100, warmup = 3 } = {}) {
  for (let w = 0; w < warmup; w++) for (let i = 0; i < inner; i++) fn();
  const times = [];
  for (let s = 0; s < samples; s++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < inner; i++) fn();
    times.push(Number(process.hrtime.bigint() - start) / 1000 / inner);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), p10: at(0.1), p90: at(0.9) };
}

export function line(name, { median, p10, p90 }, unit = 'µs') {
  const f = (x) => x.toFixed(x < 10 ? 2 : 1).padStart(9);
  return `${name.padEnd(44)} median ${f(median)} ${unit}   (p10 ${f(p10)}, p90 ${f(p90)})`;
}
