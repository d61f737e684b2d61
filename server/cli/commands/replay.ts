import { readFileSync } from "node:fs";
import { parseLog } from "../../../shared/log/format.ts";
import { replay as replayLog } from "../../../shared/log/replay.ts";
import { summarize } from "../../../shared/sim/summary.ts";
import { CliError, type Io } from "../io.ts";
import { formatGame } from "../report.ts";

/**
 * `plenipo replay <log.jsonl> [--to SEQ] [--json]`: rebuilds the game, verifies its checkpoints and prints
 * the outcome in the shape of one simulated game; exit 1 naming the seq where the log diverged.
 */
export function replay(file: string, options: { to?: number; json: boolean }, io: Io): number {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = parseLog(text);
  if (!parsed.ok) {
    io.err(`${file}: line ${parsed.line}: ${parsed.message}\n`);
    if (options.json) io.out(JSON.stringify({ ok: false, line: parsed.line, code: "log/unreadable", message: parsed.message }) + "\n");
    return 1;
  }
  const result = replayLog(parsed.log, { to: options.to });
  if (!result.ok) {
    io.err(result.seq !== null ? `${file}: diverged at seq ${result.seq}: ${result.message}\n` : `${file}: ${result.message}\n`);
    if (options.json) io.out(JSON.stringify({ ok: false, seq: result.seq, code: result.code, message: result.message }) + "\n");
    return 1;
  }
  const summary = summarize(result.state, { cards: result.cards });
  const verified = result.public
    ? `public export: ${result.resultsVerified} published results checked against the visible ballots (secret ones cannot be)${result.cards ? "" : "; the delegations' cards are not in it, so there are no scores"}`
    : `${result.checkpoints} checkpoints verified`;
  io.err(`${file}: replayed to seq ${result.state.seq}; ${verified}\n`);
  io.out(options.json ? JSON.stringify(summary) + "\n" : formatGame(summary, result.state.scenario));
  return 0;
}
