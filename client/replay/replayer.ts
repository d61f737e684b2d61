import { publicOutcome, viewFor, type State } from "../../shared/engine/index.ts";
import type { AnyAction } from "../../shared/engine/actions.ts";
import { publicScenarioOf } from "../../shared/engine/view.ts";
import { LogFold } from "../../shared/log/fold.ts";
import { isCheckpoint, parseLog, type GameLog, type LogEntry } from "../../shared/log/format.ts";
import { publicEventTexts } from "../../shared/log/publicExport.ts";
import { replay } from "../../shared/log/replay.ts";
import type { Cast } from "../../shared/engine/state.ts";
import type { RecordLine } from "../../shared/protocol/messages.ts";
import type { GameModel } from "../model.ts";

export interface Moment {
  seq: number;
  label: string;
}

/**
 * The replay viewer's engine (DESIGN §10): the shared engine, in the browser, over a log. The whole log is
 * verified once (every checkpoint, or published results for a public export); then any seq can be shown, from
 * snapshots kept every 50 actions, by the same fold (shared/log/fold.ts) over the actions that pass parsed.
 */
export class Replayer {
  readonly total: number;
  readonly isPublic: boolean;
  /** False for a public record without the delegations' cards: it has no scores to show. */
  readonly hasCards: boolean;
  readonly moments: Moment[];
  private readonly entries: LogEntry[];

  private constructor(
    private readonly log: GameLog,
    readonly verification: string,
    private readonly records: RecordLine[],
    moments: Moment[],
    private readonly snapshots: Map<number, State>,
    /** The action of each entry, in order, as the verifying pass parsed it: a seek parses nothing again. */
    private readonly actions: AnyAction[],
  ) {
    this.entries = log.lines.filter((l): l is LogEntry => !isCheckpoint(l));
    this.total = this.entries.length;
    this.isPublic = log.header.public === true;
    this.hasCards = !(this.isPublic && log.header.scenarioPublic === true);
    this.moments = moments;
  }

  /**
   * Reads a .jsonl text; refuses a log that does not replay, naming where. The one verifying pass also
   * collects the record, the moments worth jumping to, and a snapshot every 50 actions.
   */
  static fromText(text: string): Replayer {
    const parsed = parseLog(text);
    if (!parsed.ok) throw new Error(`line ${parsed.line}: ${parsed.message}`);
    const records: RecordLine[] = [];
    const moments: Moment[] = [];
    const snapshots = new Map<number, State>();
    const actions: AnyAction[] = [];
    const checked = replay(parsed.log, {
      onEntry: (entry, before, after, events, action) => {
        if (!snapshots.has(0)) snapshots.set(0, before);
        actions.push(action);
        records.push({ entry, events: publicEventTexts(events) });
        const moment = events.find((e) => e.type === "decided" || e.type === "postponed" || e.type === "ballot_closed");
        if (moment) moments.push({ seq: entry.seq, label: moment.text });
        if (after.seq % 50 === 0) snapshots.set(after.seq, after);
      },
    });
    if (!checked.ok) throw new Error(checked.seq !== null ? `the log diverges at seq ${checked.seq}: ${checked.message}` : checked.message);
    if (!snapshots.has(0)) snapshots.set(0, checked.state); // a log without entries
    const verification = checked.public
      ? `Public export: ${checked.resultsVerified} published results checked against the visible ballots.${checked.cards ? "" : " The delegations' cards are not in it."}`
      : `Full log: ${checked.checkpoints} checkpoints verified.`;
    return new Replayer(parsed.log, verification, records, moments, snapshots, actions);
  }

  /** The last state shown: stepping forward (the Play button, the slider dragged right) continues from it. */
  private cursor: { seq: number; state: State } | null = null;

  stateAt(seq: number): State {
    const target = Math.max(0, Math.min(seq, this.total));
    let from = 0;
    for (const k of this.snapshots.keys()) if (k <= target && k > from) from = k;
    let state = this.snapshots.get(from) as State;
    if (this.cursor && this.cursor.seq <= target && this.cursor.seq > from) {
      from = this.cursor.seq;
      state = this.cursor.state;
    }
    // Entries the verifying pass applied, every checkpoint already checked: none is checked again.
    const fold = new LogFold(state);
    for (let i = from; i < target; i++) if (fold.entry(this.entries[i] as LogEntry, this.actions[i])) break;
    state = fold.state;
    this.cursor = { seq: target, state };
    return state;
  }

  modelAt(seq: number, reveal: boolean): GameModel {
    const state = this.stateAt(seq);
    const revealed: Record<string, Cast[]> = {};
    if (reveal && !this.isPublic) {
      for (const b of state.ballots) revealed[b.id] = b.cast;
      if (state.ballot) revealed[state.ballot.id] = state.ballot.cast;
    }
    return {
      source: "replay",
      code: "",
      scenario: publicScenarioOf(state.scenario, state.phase === "closed"),
      view: viewFor(state, "observer"),
      me: { seat: null, role: "viewer", name: "" },
      private: null,
      legal: null,
      seats: {},
      chairSeat: null,
      clock: null,
      pace: null,
      outcome: state.phase === "closed" ? (this.hasCards ? publicOutcome(state) : { ...publicOutcome(state), scores: {}, details: {} }) : null,
      records: this.records.slice(0, state.seq),
      revealed: reveal && !this.isPublic ? revealed : null,
      prompt: null,
      people: null,
      lobby: false,
      reveal: "cards",
      publicUrl: null,
      joinUrl: null,
    };
  }

  get title(): string {
    return (this.log.header.scenario as { title?: string }).title ?? "";
  }

  get rule(): string {
    return this.log.header.rule;
  }
}
