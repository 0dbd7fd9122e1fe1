/** Batch progress: a bar on a terminal, one plain line per file otherwise (logs, CI). */
import cliProgress from 'cli-progress';
import { english, type Say } from '../../i18n/index.js';
import { msg } from '../../i18n/index.js';
import type { Io } from '../io.js';

export interface Progress {
  /** One file is done; `line` describes it. */
  done(line: string, failed: boolean): void;
  stop(): void;
}

export function createProgress(io: Io, total: number, say: Say = english): Progress {
  if (!io.isTTY) {
    return { done: (line) => io.stdout(`${line}\n`), stop: () => {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: say(msg('cli.progress')), hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let failed = 0;
  bar.start(total, 0, { failed });
  return {
    done: (_line, isFailure) => {
      if (isFailure) failed++;
      bar.increment(1, { failed });
    },
    stop: () => bar.stop(),
  };
}
