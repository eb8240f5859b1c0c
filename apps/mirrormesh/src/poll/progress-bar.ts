import { type PollProgress } from './poller';

const WIDTH = 28;

/** One line, redrawn in place: `[#######-----]  180/500  36%  20.1 req/s  errors 0`. */
export function renderProgress(progress: PollProgress): string {
  const fraction = progress.planned === 0 ? 1 : progress.done / progress.planned;
  const filled = Math.round(fraction * WIDTH);
  const rate = progress.elapsedMs === 0 ? 0 : (progress.done * 1000) / progress.elapsedMs;
  const width = String(progress.planned).length;
  return (
    `[${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${String(progress.done).padStart(width)}/${progress.planned}` +
    `  ${String(Math.floor(fraction * 100)).padStart(3)}%  ${rate.toFixed(1)} req/s  errors ${progress.errors}`
  );
}

/** Draws on a terminal only; piped output stays clean for the summary. */
export function progressBarOn(stream: NodeJS.WriteStream): { update(p: PollProgress): void; end(): void } {
  if (!stream.isTTY) return { update: () => undefined, end: () => undefined };
  let drawn = false;
  return {
    update(progress) {
      stream.write(`\r${renderProgress(progress)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write('\n');
    },
  };
}
