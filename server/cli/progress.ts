import type { Io } from "./io.ts";

/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
export function progressBar(io: Io, total: number, label: string): { tick(done: number): void; done(): void } {
  const width = 30;
  let last = -1;
  return {
    tick(done) {
      if (!io.errIsTty) return;
      const filled = Math.round((done / total) * width);
      if (filled === last && done !== total) return;
      last = filled;
      io.err(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (io.errIsTty) io.err("\n");
    },
  };
}
