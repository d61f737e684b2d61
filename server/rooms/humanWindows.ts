import type { Action } from "../../shared/engine/actions.ts";
import { movesFor } from "../../shared/engine/legal.ts";
import { CHAIR, SYSTEM, type State } from "../../shared/engine/state.ts";

/** What the Act panel prompts a person to do, and until when the meeting waits for it. */
export interface Prompt {
  text: string;
  /** When the window closes (ms since the epoch): after it, the chair and the clock may move on. */
  until: number;
  /** The action the prompt is about, ready to send (table, move an amendment), or null (the floor, a vote). */
  action: Action | null;
  /** What it holds open: the debate (a text to table, the floor) or the ballot (a vote to cast). */
  holds: "debate" | "ballot";
}

/** Chair actions that end a debate: a bot chair holds them while a person's window is open. */
const ENDS_DEBATE = new Set(["call_consensus", "call_vote", "close_speakers_list", "open_signing"]);

/**
 * Nobody misses their own moment (docs/procedure.md, "A person's moment"). At a pace's human window (20 s at
 * `fast`, 60 s at `classroom`), neither a bot chair nor the clock ends the debate on an item while a person's
 * delegation that sponsors a text it could still table (or an amendment it could still move) on that item,
 * or that holds the floor, has had less than the window — unless it has acted or passed since. Likewise the
 * clock does not close a show of hands or a secret ballot on a text on a person who has not voted yet (a
 * roll-call has turns of its own; procedural questions are decided at once). Pacing, not a rule: nothing here enters the log.
 */
export class HumanWindows {
  private itemSince = 0;
  private floorSince = 0;
  private ballotSince = 0;
  private readonly lastAct = new Map<string, number>();
  private readonly passed = new Map<string, number>();
  private readonly peopleSince = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** After every accepted action: who acted, and whether an item opened or the floor changed hands. */
  observe(before: State, after: State, by: string): void {
    const t = this.now();
    if (by !== CHAIR && by !== SYSTEM) this.lastAct.set(by, t);
    if (after.phase === "debate" && (before.phase !== "debate" || before.item !== after.item)) this.itemSince = t;
    if (after.floor.holder !== before.floor.holder) this.floorSince = t;
    if (after.ballot && after.ballot.id !== before.ballot?.id) this.ballotSince = t;
  }

  /** A seat has just come to people (a student took it, or the teacher gave it back): its window starts now. */
  seatToPeople(seat: string): void {
    this.peopleSince.set(seat, this.now());
  }

  /** The person lets the moment go: the meeting need not wait for them any longer. */
  pass(seat: string): void {
    this.passed.set(seat, this.now());
  }

  /** What `seat` (played by people) is prompted to do now, or null. */
  promptFor(state: State, seat: string): Prompt | null {
    if (this.windowMs <= 0 || state.phase === "closed") return null;
    const t = this.now();
    const open = (since: number) => {
      const start = Math.max(since, this.peopleSince.get(seat) ?? 0);
      const done = (this.lastAct.get(seat) ?? 0) >= start || (this.passed.get(seat) ?? 0) >= start;
      return done || start + this.windowMs <= t ? null : start + this.windowMs;
    };
    const moves = movesFor(state, seat);
    const b = state.ballot;
    if (b) {
      // Procedural questions are decided at once; a roll-call has turns of its own.
      if (b.question !== "substantive" || b.method === "roll_call" || moves.of("vote").length === 0) return null;
      const until = open(this.ballotSince);
      return until === null ? null : { text: `Vote on ${b.target} now`, until, action: null, holds: "ballot" };
    }
    if (state.floor.holder === seat) {
      const until = open(this.floorSince);
      if (until !== null) return { text: "You have the floor: speak, or yield it", until, action: null, holds: "debate" };
    }
    if (state.phase !== "debate" || state.item === null) return null;
    const own = [...moves.of("table"), ...moves.of("move_amendment")];
    if (own.length === 0) return null;
    const until = open(this.itemSince);
    if (until === null) return null;
    const first = own[0] as Extract<Action, { type: "table" | "move_amendment" }>;
    const id = first.type === "table" ? first.target : first.amendment;
    return { text: `${first.type === "table" ? "Table" : "Move"} ${id} now`, until, action: first, holds: "debate" };
  }

  /**
   * Until when the debate must not be ended for the people in `seats` (0: it may be now). The room holds a
   * bot chair's debate-ending move, and a debate's deadline, until then.
   */
  holdUntil(state: State, seats: readonly string[], holds: Prompt["holds"] = "debate"): number {
    let until = 0;
    for (const seat of seats) {
      const p = this.promptFor(state, seat);
      if (p?.holds === holds) until = Math.max(until, p.until);
    }
    return until;
  }

  endsDebate(state: State, action: Action): boolean {
    if (!ENDS_DEBATE.has(action.type)) return false;
    // Putting a motion to the vote ends nothing.
    return !(action.type === "call_vote" && state.motions.some((m) => m.id === action.target));
  }
}
