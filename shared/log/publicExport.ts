import type { GameEvent } from "../engine/context.ts";
import type { State } from "../engine/state.ts";
import { ANONYMOUS_ANSWERS } from "../engine/redacted.ts";
import { foldLines, type CheckpointPolicy } from "./fold.ts";
import type { GameLog, LogEntry, LogLine } from "./format.ts";
import { withoutCards } from "./publicScenario.ts";
import { startOf } from "./start.ts";

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
 * Built by replaying the full log (the one fold, fold.ts), so it knows which ballots were secret; its
 * checkpoints are verified as `checkpoints` says (the server, exporting a log it wrote: "last"). The
 * delegations' cards stay out of it (the header carries the public scenario) unless `cards` says the teacher
 * has revealed them at the debrief (docs/log-format.md, "The public export").
 */
export function publicExport(log: GameLog, options: { cards?: boolean; checkpoints?: CheckpointPolicy } = {}): GameLog {
  if (log.header.public === true) throw new Error("cannot export: this is already a public record");
  const start = startOf(log.header);
  if (!start.ok) throw new Error(`cannot export: ${start.message}`);
  const lines: LogLine[] = [];
  const r = foldLines(start.state, log.lines, { checkpoints: options.checkpoints ?? "every", onEntry: (entry, before, after) => lines.push(redactEntry(entry, before, after)) });
  if (!r.ok) throw new Error(`cannot export: ${r.message}`);
  const header = options.cards ? { ...log.header, public: true as const } : { ...log.header, public: true as const, scenario: withoutCards(r.state.scenario, r.state.phase === "closed"), scenarioPublic: true as const };
  return { header, lines };
}
