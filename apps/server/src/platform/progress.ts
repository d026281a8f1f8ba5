import cliProgress from 'cli-progress';

export type Progress = {
  /** Sets the total when it becomes known (or changes). */
  total(n: number): void;
  /** Adds n units of done work. */
  tick(n?: number): void;
  done(): void;
};

/**
 * Progress of long work: a bar with rate and ETA on a terminal, plain periodic lines otherwise
 * (CI logs, pipes), and nothing at all when `silent`.
 */
export function progress(label: string, opts: { silent?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = opts.stream ?? process.stderr;
  if (opts.silent) return { total() {}, tick() {}, done() {} };
  const started = Date.now();
  let count = 0;
  let totalN = 0;
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { rate: 0 });
    return {
      total(n) {
        totalN = n;
        bar.setTotal(n);
      },
      tick(n = 1) {
        count += n;
        bar.update(count, { rate: Math.round(count / Math.max((Date.now() - started) / 1000, 0.001)) });
      },
      done() {
        bar.update(totalN || count);
        bar.stop();
      },
    };
  }
  let lastLine = 0;
  const line = (final: boolean) => {
    const secs = Math.max((Date.now() - started) / 1000, 0.001);
    const rate = Math.round(count / secs);
    const eta = !final && totalN && rate ? ` ETA ${Math.ceil((totalN - count) / rate)}s` : '';
    stream.write(
      `${label}: ${count}${totalN ? `/${totalN}` : ''} (${rate}/s)${eta}${final ? ` done in ${secs.toFixed(1)}s` : ''}\n`,
    );
  };
  return {
    total(n) {
      totalN = n;
    },
    tick(n = 1) {
      count += n;
      if (Date.now() - lastLine > 2000) {
        lastLine = Date.now();
        line(false);
      }
    },
    done() {
      line(true);
    },
  };
}
