/**
 * A one-line progress bar on standard error, for long imports and exports. It draws only when
 * stderr is a terminal (never into a log file or a pipe) and at most ten times a second.
 */
import { terminal } from "./command.ts";
export interface Progress {
  update(phase: string, done: number, total: number): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function progressBar(enabled: boolean, stream: NodeJS.WriteStream = terminal.stderr): Progress {
  if (!enabled || !stream.isTTY) return silent;
  let last = 0;
  let drawn = false;
  const width = 28;
  return {
    update(phase, done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      if (total <= 0) {
        stream.write(`\r\x1b[2K${phase}…`);
        drawn = true;
        return;
      }
      const ratio = Math.min(1, done / total);
      const filled = Math.round(ratio * width);
      const numbers = ` ${done.toLocaleString("en-CA")}/${total.toLocaleString("en-CA")}`;
      stream.write(
        `\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${phase}${numbers}`,
      );
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
