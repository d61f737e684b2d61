import type { State } from "../../shared/engine/state.ts";

export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): { clear(): void };
}

/**
 * The conference clock (DESIGN §9): each step of the engine gets the scenario's minutes, scaled by the pace,
 * and when they run out the room applies `deadline {step}`. A step covered by a procedural vote keeps its
 * remaining time until it is on top again. The chair may pause, resume and extend; a suspended meeting's
 * clock stands still. Time is the server's business: only the deadlines it causes enter the log.
 */
export class GameClock {
  private stepId: string | null = null;
  /** While running: when the step ends. */
  private endsAt = 0;
  /** While stopped: how much of the step is left. */
  private left = 0;
  private timer: { clear(): void } | null = null;
  private readonly covered = new Map<string, number>();
  private chairPaused = false;
  private suspended = false;

  constructor(
    private readonly msPerMinute: number,
    private readonly timers: Timers,
    private readonly onDeadline: (step: string) => void,
  ) {}

  private get running(): boolean {
    return !this.chairPaused && !this.suspended && this.stepId !== null;
  }

  /** Follows the engine: called after every accepted action. */
  sync(state: State): void {
    const top = state.steps[state.steps.length - 1];
    if (top?.id !== this.stepId) {
      if (this.stepId !== null && state.steps.some((s) => s.id === this.stepId)) {
        // Covered by a procedural vote: keep what is left for when it comes back.
        this.covered.set(this.stepId, this.remaining());
      }
      this.stop();
      this.stepId = top?.id ?? null;
      this.left = top ? (this.covered.get(top.id) ?? top.minutes * this.msPerMinute) : 0;
      if (top) this.covered.delete(top.id);
    } else {
      this.stop();
    }
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

  extend(minutes: number): void {
    this.stop();
    this.left += minutes * this.msPerMinute;
    this.start();
  }

  get paused(): boolean {
    return this.chairPaused;
  }

  /** When the current step's time runs out, or 0 when the clock stands still. */
  get deadlineAt(): number {
    return this.timer ? this.endsAt : 0;
  }

  dispose(): void {
    this.stop();
  }

  private remaining(): number {
    return this.timer ? Math.max(0, this.endsAt - this.timers.now()) : this.left;
  }

  private stop(): void {
    if (!this.timer) return;
    this.left = this.remaining();
    this.timer.clear();
    this.timer = null;
  }

  private start(): void {
    if (this.timer || !this.running || this.stepId === null) return;
    const step = this.stepId;
    this.endsAt = this.timers.now() + this.left;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.left = 0;
      this.onDeadline(step);
    }, this.left);
  }
}
