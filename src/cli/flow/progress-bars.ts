import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export type ProgressUpdate = { phase: string; done: number; total: number };

/**
 * Progress bars on stderr, one per phase, when stderr is a terminal (nothing otherwise).
 * `labels` names each phase; phases measured in bytes show MiB.
 */
export function progressBars(
  labels: Readonly<Record<string, { label: string; unit: 'bytes' | 'buckets' }>>,
): { onProgress: (p: ProgressUpdate) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const multi = new MultiBar(
    {
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      format: '{phase} [{bar}] {percentage}% {detail}',
    },
    Presets.shades_classic,
  );
  const bars = new Map<string, SingleBar>();
  const width = Math.max(...Object.values(labels).map((l) => l.label.length));
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  return {
    onProgress: (p) => {
      const spec = labels[p.phase] ?? { label: p.phase, unit: 'buckets' as const };
      const label = spec.label.padEnd(width);
      const detail =
        spec.unit === 'bytes'
          ? `${mib(p.done)} / ${mib(p.total)}`
          : `${p.done}/${p.total} partitions`;
      let bar = bars.get(p.phase);
      if (!bar) {
        bar = multi.create(Math.max(1, p.total), 0, { phase: label, detail });
        bars.set(p.phase, bar);
      }
      bar.setTotal(Math.max(1, p.total));
      bar.update(Math.min(p.done, p.total), { phase: label, detail });
    },
    stop: () => multi.stop(),
  };
}
