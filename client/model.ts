import type { Cast } from "../shared/engine/state.ts";
import type { Legal } from "../shared/engine/legal.ts";
import type { PublicOutcome } from "../shared/engine/outcome.ts";
import type { PublicScenario, View } from "../shared/engine/view.ts";
import type { Pace, Person, PrivateMessage, RecordLine, Role } from "../shared/protocol/messages.ts";

/** Who plays a seat, as the server reports it (live games only). */
export interface SeatInfo {
  control: string;
  holders: string[];
  connected: number;
  team: boolean;
}

/**
 * What every screen renders, live or in a replay: the engine's public view of the game, this seat's private
 * view and legal actions (live), and what the room adds (who holds the seats, the clock).
 */
export interface GameModel {
  source: "live" | "replay";
  code: string;
  scenario: PublicScenario;
  view: View;
  me: { seat: string | null; role: Role | "viewer"; name: string };
  private: View["private"];
  legal: Legal | null;
  seats: Record<string, SeatInfo>;
  chairSeat: SeatInfo | null;
  clock: { deadlineAt: number; paused: boolean } | null;
  pace: Pace | null;
  outcome: PublicOutcome | null;
  records: RecordLine[];
  /** A replay of a full log: every ballot, secret ones included. */
  revealed: Record<string, Cast[]> | null;
  /** Live: what the meeting waits for this person to do, and until when (a person's moment). */
  prompt: PrivateMessage["prompt"];
  /** Live, chair only: the people in the game. */
  people: Person[] | null;
  /** Live: the game waits in the teacher's lobby. */
  lobby: boolean;
  /** Live: what the debrief shows everyone (the teacher's choice). */
  reveal: "cards" | "own";
  /** Live: the address students type, and the join link with the code. */
  publicUrl: string | null;
  joinUrl: string | null;
}
