// Measurement helpers shared by the benchmarks: throughput as the median of several rounds,
// and command wall time as the median of several runs. Figures are compared as ratios within
// one run, never against a number from another machine.

import { spawnSync } from "node:child_process";

/** Median ops/s of `fn` over `rounds` rounds of about `ms` milliseconds each, after a warm-up. */
export function opsPerSecond(fn, { rounds = 7, ms = 200 } = {}) {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) fn();
  const figures = [];
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < ms) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
      now = performance.now();
    }
    figures.push((n * 1000) / (now - start));
  }
  return median(figures);
}

/** Median wall time in seconds of running `node args…` `runs` times. */
export function commandSeconds(args, { runs = 5, cwd } = {}) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
    times.push((performance.now() - start) / 1000);
    if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  }
  return median(times);
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(0)}k` : n.toFixed(2));

/** Prints one result line: name, figure, and a verdict against a target. */
export function report(name, figure, target, ok) {
  console.log(`${ok ? "ok  " : "MISS"} ${name}: ${figure} (target ${target})`);
  return ok;
}
