import { applyParsed, parseAction } from "../../shared/engine/apply.ts";
import { calledVoter } from "../../shared/engine/ballots.ts";
import type { Action, Choice } from "../../shared/engine/actions.ts";
import { createGame } from "../../shared/engine/create.ts";
import { legalActions } from "../../shared/engine/legal.ts";
import type { State } from "../../shared/engine/state.ts";
import type { GameLog } from "../../shared/log/format.ts";
import { linesFor, makeEntry, makeHeader } from "../../shared/log/recorder.ts";
import type { Rule, Scenario } from "../../shared/scenario/schema.ts";

/**
 * A scripted game for the golden logs: people's moves that bots never make (roll-calls, secret ballots,
 * overrules, appeals, broken pledges), put through the engine one by one exactly as the server would, and
 * written down as a log. A move the engine refuses stops the script with the engine's reason: the script is
 * then out of date, never silently shorter.
 */
export class Script {
  state: State;
  readonly log: GameLog;

  constructor(scenario: Scenario, o: { rule: Rule; seed: number; createdAt: string }) {
    this.state = createGame(scenario, { rule: o.rule, seed: o.seed });
    const seats: Record<string, string> = { chair: "human" };
    for (const d of scenario.delegations) seats[d.id] = d.present ? "human" : "absent";
    this.log = { header: makeHeader(this.state, seats, o.createdAt), lines: [] };
  }

  do(by: string, action: Action): this {
    const parsed = parseAction(this.state, action);
    if (!parsed.ok) throw new Error(`script: seq ${this.state.seq + 1}: ${by} ${JSON.stringify(action)}: ${parsed.error.message}`);
    const r = applyParsed(this.state, by, parsed.action);
    if (!r.ok) throw new Error(`script: seq ${this.state.seq + 1}: ${by} ${JSON.stringify(action)} refused: ${r.error.code}: ${r.error.message}`);
    this.state = r.state;
    // A person's clock: one action every 7 seconds of the lesson.
    this.log.lines.push(...linesFor(r.state, makeEntry(r.state, by, action, r.state.seq * 7000)));
    return this;
  }

  /** The question the chair would put next (the head of the decision order), from its legal actions. */
  head(type: "call_vote" | "call_consensus" = "call_vote"): string {
    const call = legalActions(this.state, "chair", { reasons: false }).actions.find((l) => l.action.type === type);
    if (!call || !("target" in call.action)) throw new Error(`script: seq ${this.state.seq}: the chair has no ${type} to make`);
    return call.action.target;
  }

  /**
   * Every voter of the open ballot votes, in calling order for a roll-call; a proxy holder casts its
   * principal's ballot with `for`. Then the chair closes the vote (a roll-call run in turns closes itself).
   */
  ballot(choices: Record<string, Choice>, otherwise: Choice = "abstain", o: { pass?: string[] } = {}): this {
    const b = this.state.ballot;
    if (!b) throw new Error(`script: seq ${this.state.seq}: no ballot is open`);
    const passing = new Set(o.pass ?? []);
    const calls = b.voters.length + passing.size;
    for (let i = 0; i < calls; i++) {
      const open = this.state.ballot;
      if (open?.id !== b.id) return this;
      const principal = open.method === "roll_call" ? (calledVoter(open) as string) : (open.voters[i] as string);
      if (passing.delete(principal)) {
        // Called, the delegation lets its turn run out: it is called again once the others have voted.
        this.deadline();
        continue;
      }
      const holder = open.proxies[principal];
      const choice = choices[principal] ?? otherwise;
      this.do(holder ?? principal, holder ? { type: "vote", target: open.target, choice, for: principal } : { type: "vote", target: open.target, choice });
    }
    return this.state.ballot?.id === b.id ? this.do("chair", { type: "close_vote" }) : this;
  }

  /** The clock ends the current step. */
  deadline(): this {
    const step = this.state.steps[this.state.steps.length - 1];
    if (!step) throw new Error(`script: seq ${this.state.seq}: no step is running`);
    return this.do("system", { type: "deadline", step: step.id });
  }
}
