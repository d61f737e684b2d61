/** Timing helpers: medians of repeated runs, so one noisy sample on a shared 2-core machine moves nothing. */
export function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The p-th percentile (nearest rank, from below) of unsorted samples; NaN when there are none. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

/** Median of `runs` timings after `warmup` untimed runs. */
export function medianTime(runs: number, f: () => void, warmup = 2): number {
  for (let i = 0; i < warmup; i++) f();
  return median(Array.from({ length: runs }, () => time(f)));
}

export const ms = (x: number) => `${x.toFixed(2)} ms`;
export const ratio = (x: number) => x.toFixed(2);
