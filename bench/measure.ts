/** Time `n` sequential runs of `one` after `warmup` unmeasured ones; returns instances per second. */
export async function throughput(n: number, warmup: number, one: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < warmup; i++) await one(i);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await one(i);
  return perSecond(n, process.hrtime.bigint() - t0);
}

export function perSecond(n: number, elapsedNs: bigint): number {
  return n / (Number(elapsedNs) / 1e9);
}

export const fmt = (x: number, digits = 0) => x.toFixed(digits);
