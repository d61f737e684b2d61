import { applyParsed, parseAction } from "../engine/apply.ts";
import { createGame } from "../engine/create.ts";
import type { GameEvent } from "../engine/context.ts";
import type { State } from "../engine/state.ts";
import { loadScenario } from "../scenario/load.ts";
import { ANONYMOUS_ANSWERS } from "../engine/redacted.ts";
import { isCheckpoint, type GameLog, type LogEntry, type LogLine } from "./format.ts";
import { withoutCards } from "./publicScenario.ts";

const OFFER_ACTIONS = new Set(["offer", "accept_offer", "decline_offer", "retract_offer"]);

/** The texts of the events everyone sees (events addressed to some seats are theirs alone). */
export function publicEventTexts(events: readonly GameEvent[]): string[] {
  return events.filter((e) => !e.to).map((e) => e.text);
}

/**
 * The public form of one log entry (DESIGN §5), given the states before and after it: a secret ballot's
 * choice and reason become null; so do an offer's contents and the reasons around offers; an answer to an
 * offer keeps its place but not who answered nor which offer (offer ids count up in log order: together they
 * would pair an offer's maker with its recipient); a bot's reason that names a pledge gives way to its public
 * form; an entry that closed a ballot carries its result. The server uses it for the live record, and
 * publicExport for whole logs.
 */
export function redactEntry(entry: LogEntry, before: State, after: State): LogEntry {
  const { whyPublic, ...kept } = entry;
  const out: LogEntry = { ...kept, action: { ...entry.action } };
  if (whyPublic !== undefined) out.why = whyPublic;
  const type = entry.action.type;
  if (type === "vote" && before.ballot?.method === "secret") {
    out.action.choice = null;
    if (out.why !== undefined) out.why = null;
  }
  if (typeof type === "string" && OFFER_ACTIONS.has(type) && out.why !== undefined) out.why = null;
  if (type === "offer") {
    out.action.to = null;
    out.action.give = null;
    out.action.ask = null;
  }
  if (typeof type === "string" && ANONYMOUS_ANSWERS.has(type)) {
    out.by = null;
    out.action.offer = null;
  }
  const closed = after.ballots.length > before.ballots.length ? after.ballots[after.ballots.length - 1] : undefined;
  if (closed) out.action.result = { ...closed.result };
  return out;
}

/**
 * The public export of a full log: every entry redacted, checkpoints dropped, the header marked public.
 * Built by replaying the full log, so it knows which ballots were secret. The delegations' cards stay out
 * of it (the header carries the public scenario) unless `cards` says the teacher has revealed them at the
 * debrief (docs/log-format.md, "The public export").
 */
export function publicExport(log: GameLog, options: { cards?: boolean } = {}): GameLog {
  const loaded = loadScenario(log.header.scenario);
  if (!loaded.ok) throw new Error(`cannot export: the embedded scenario is invalid (${loaded.issues[0]?.path}: ${loaded.issues[0]?.message})`);
  let state: State = createGame(loaded.scenario, { rule: log.header.rule, seed: log.header.seed, scenarioHash: loaded.hash, engine: log.header.engine });
  const lines: LogLine[] = [];
  for (const line of log.lines) {
    if (isCheckpoint(line)) continue;
    const parsed = parseAction(state, line.action);
    if (!parsed.ok) throw new Error(`cannot export: seq ${line.seq}: ${parsed.error.message}`);
    if (line.by === null) throw new Error(`cannot export: seq ${line.seq} has no author (is this already a public record?)`);
    const applied = applyParsed(state, line.by, parsed.action);
    if (!applied.ok) throw new Error(`cannot export: seq ${line.seq}: ${applied.error.message}`);
    lines.push(redactEntry(line, state, applied.state));
    state = applied.state;
  }
  const header = options.cards ? { ...log.header, public: true as const } : { ...log.header, public: true as const, scenario: withoutCards(loaded.scenario, state.phase === "closed"), scenarioPublic: true as const };
  return { header, lines };
}
