import { applyParsed, parseAction } from "../engine/apply.ts";
import { createGame } from "../engine/create.ts";
import type { State } from "../engine/state.ts";
import { loadScenario } from "../scenario/load.ts";
import { isCheckpoint, type GameLog, type LogEntry, type LogLine } from "./format.ts";

const OFFER_ACTIONS = new Set(["offer", "accept_offer", "decline_offer", "retract_offer"]);

/**
 * The public export of a full log (DESIGN §5): each secret ballot's choice and its reason become null, so do
 * the contents of private offers (and the reasons around them); each entry that closes a ballot carries its
 * result; checkpoints are dropped. Built by replaying the full log, so it knows which ballots were secret.
 */
export function publicExport(log: GameLog): GameLog {
  const loaded = loadScenario(log.header.scenario);
  if (!loaded.ok) throw new Error(`cannot export: the embedded scenario is invalid (${loaded.issues[0]?.path}: ${loaded.issues[0]?.message})`);
  let state: State = createGame(loaded.scenario, { rule: log.header.rule, seed: log.header.seed, scenarioHash: loaded.hash });
  const lines: LogLine[] = [];
  for (const line of log.lines) {
    if (isCheckpoint(line)) continue;
    const parsed = parseAction(state, line.action);
    if (!parsed.ok) throw new Error(`cannot export: seq ${line.seq}: ${parsed.error.message}`);
    const out: LogEntry = { ...line, action: { ...line.action } };
    const type = parsed.action.type;
    if (type === "vote" && state.ballot?.method === "secret") {
      out.action.choice = null;
      if (out.why !== undefined) out.why = null;
    }
    if (OFFER_ACTIONS.has(type) && out.why !== undefined) out.why = null;
    if (type === "offer") {
      out.action.to = null;
      out.action.give = null;
      out.action.ask = null;
    }
    const applied = applyParsed(state, line.by, parsed.action);
    if (!applied.ok) throw new Error(`cannot export: seq ${line.seq}: ${applied.error.message}`);
    const closed = applied.state.ballots.length > state.ballots.length ? applied.state.ballots[applied.state.ballots.length - 1] : undefined;
    if (closed) out.action.result = { ...closed.result };
    state = applied.state;
    lines.push(out);
  }
  return { header: { ...log.header, public: true }, lines };
}
