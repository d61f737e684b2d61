import type { Answer } from "../../shared/protocol/messages.ts";
import type { GameOptionsRecord } from "../store/gameStore.ts";

/**
 * The teacher's lobby (docs/protocol.md): a game created with `lobby: true` (the Host page does) waits until
 * the chair's `start` command. Students join and read their briefings; no action is in order, no bot moves
 * and the clock stands still. Games created without it start at once, as they always did.
 */
export class Lobby {
  constructor(private readonly options: GameOptionsRecord) {}

  get waiting(): boolean {
    return this.options.lobby === true && this.options.startedAt === undefined;
  }

  /** Starts the conference; the options (stored by the caller) remember when. */
  start(now: number): Answer | null {
    if (!this.waiting) return { ok: false, code: "lobby/started", message: "The conference has already started." };
    this.options.startedAt = now;
    return null;
  }

  refusal(): Answer {
    return { ok: false, code: "lobby/waiting", message: "The conference has not started yet: the teacher starts it from the chair's console. Read your briefing meanwhile." };
  }
}
