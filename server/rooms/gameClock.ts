import type { State, Step } from "../../shared/engine/state.ts";

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

/**
 * The conference clock (DESIGN §9): each step of the engine gets its time (the scenario's minutes scaled by
 * the pace; a roll-call turn, the pace's turn limit), and when it runs out the room applies
 * `deadline {step}`. Every step on the stack keeps running, the covered ones too: a procedural vote (an
 * appeal, a motion) does not stop the debate it interrupts, so a stream of them cannot hold a meeting still;
 * a covered step whose time ran out ends as soon as it is on top again. The chair may pause, resume and
 * extend; a suspended meeting's clock stands still. Time is the server's business: only the deadlines it
 * causes enter the log.
 */
export class GameClock {
  /** Time left per step on the stack, as of `since` (or as of now while stopped). */
  private readonly left = new Map<string, number>();
  private top: string | null = null;
  /** When the clock last started running; null while stopped. */
  private since: number | null = null;
  private timer: { clear(): void } | null = null;
  private chairPaused = false;
  private suspended = false;
  /** The lobby: the clock has not started yet (a teacher's game waits for its Start). */
  private waiting = false;

  constructor(
    private readonly durationOf: (step: Step) => number,
    private readonly timers: Timers,
    private readonly onDeadline: (step: string) => void,
  ) {}

  /** Follows the engine: called after every accepted action. */
  sync(state: State): void {
    this.stop();
    const ids = new Set(state.steps.map((s) => s.id));
    for (const id of [...this.left.keys()]) if (!ids.has(id)) this.left.delete(id);
    for (const s of state.steps) if (!this.left.has(s.id)) this.left.set(s.id, this.durationOf(s));
    this.top = state.steps[state.steps.length - 1]?.id ?? null;
    this.suspended = state.suspended !== null;
    this.start();
  }

  pause(): void {
    this.stop();
    this.chairPaused = true;
  }

  resume(): void {
    this.chairPaused = false;
    this.start();
  }

  /** Holds the clock before the game starts (the lobby), or lets it run. */
  setWaiting(waiting: boolean): void {
    this.stop();
    this.waiting = waiting;
    this.start();
  }

  extend(minutesMs: number): void {
    this.stop();
    if (this.top !== null) this.left.set(this.top, (this.left.get(this.top) ?? 0) + minutesMs);
    this.start();
  }

  get paused(): boolean {
    return this.chairPaused;
  }

  /** When the current step's time runs out, or 0 when the clock stands still. */
  get deadlineAt(): number {
    return this.since !== null && this.top !== null ? this.since + Math.max(0, this.left.get(this.top) ?? 0) : 0;
  }

  /** Milliseconds left on the current step (while running: as of now). */
  remaining(): number {
    if (this.top === null) return 0;
    const left = this.left.get(this.top) ?? 0;
    return Math.max(0, this.since !== null ? left - (this.timers.now() - this.since) : left);
  }

  dispose(): void {
    this.stop();
  }

  private get running(): boolean {
    return !this.chairPaused && !this.suspended && !this.waiting && this.top !== null;
  }

  private stop(): void {
    if (this.since !== null) {
      const elapsed = this.timers.now() - this.since;
      for (const [id, ms] of this.left) this.left.set(id, ms - elapsed);
      this.since = null;
    }
    this.timer?.clear();
    this.timer = null;
  }

  private start(): void {
    if (this.since !== null || !this.running || this.top === null) return;
    const step = this.top;
    this.since = this.timers.now();
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.onDeadline(step);
    }, Math.max(0, this.left.get(step) ?? 0));
  }
}
