/** The benchmark's two small statistics, shared by the turn, fan-out and burst measurements. */

/** Nearest-rank percentile (NaN for no samples). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Milliseconds to two decimals, as the JSON line reports them. */
export const round = (ms: number) => Math.round(ms * 100) / 100;
