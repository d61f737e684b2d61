import type { Role } from "../../shared/protocol/messages.ts";
import type { GameOptionsRecord } from "../store/gameStore.ts";

export interface Occupant {
  sessionId: string;
  name: string;
  token: string;
  role: Role;
  /** A delegation id or "chair"; null for observers. */
  seat: string | null;
  team: boolean;
  /** False while the client is dropped and its reconnection window runs. */
  connected: boolean;
}

export type SeatingError = { code: string; message: string };

/**
 * Who holds which seat (DESIGN §9), and so who plays it: people, a bot, or nobody. Pure bookkeeping with no
 * Colyseus in it; the room asks it whether a join is allowed and whether a seat's bot should play.
 */
export class Seating {
  private readonly occupants = new Map<string, Occupant>();
  /** Seats some person has held in this game (from the store): their bots need the chair's leave. */
  private readonly everHeld: Set<string>;

  constructor(
    private readonly options: GameOptionsRecord,
    private readonly seats: { id: string; name: string; playable: boolean; present: boolean }[],
    everHeld: Iterable<string>,
  ) {
    this.everHeld = new Set(everHeld);
  }

  get all(): Occupant[] {
    return [...this.occupants.values()];
  }

  of(sessionId: string): Occupant | undefined {
    return this.occupants.get(sessionId);
  }

  holdersOf(seat: string): Occupant[] {
    return this.all.filter((o) => o.seat === seat);
  }

  /** Whether a request to join may be granted, before any seat is taken. */
  admit(req: { role: Role; seat: string | null; team: boolean; name: string }, replacing?: string): SeatingError | null {
    const people = this.all.filter((o) => o.sessionId !== replacing).length;
    if (people >= this.options.maxPlayers) {
      return { code: "join/game-full", message: `This game is full (${this.options.maxPlayers} people). Ask the teacher to raise the limit.` };
    }
    if (req.role !== "delegation") return null;
    const seat = this.seats.find((s) => s.id === req.seat);
    if (!seat || !seat.present) return { code: "join/unknown-seat", message: `There is no delegation "${req.seat}" at this conference.` };
    if (!seat.playable) return { code: "join/not-playable", message: `${seat.name} is played by a bot in this scenario; choose a delegation marked playable.` };
    const holders = this.holdersOf(seat.id).filter((o) => o.sessionId !== replacing);
    if (holders.some((o) => !o.team)) {
      return { code: "join/seat-taken", message: `${seat.name} is already held by ${holders.map((o) => o.name).join(", ")}, who plays it alone.` };
    }
    if (holders.length > 0 && !req.team) {
      return { code: "join/seat-taken", message: `${seat.name} is already held by ${holders.map((o) => o.name).join(", ")}; join as a team member to share it.` };
    }
    return null;
  }

  attach(o: Occupant): void {
    this.occupants.set(o.sessionId, o);
    if (o.seat) this.everHeld.add(o.seat);
  }

  detach(sessionId: string): Occupant | undefined {
    const o = this.occupants.get(sessionId);
    this.occupants.delete(sessionId);
    return o;
  }

  setConnected(sessionId: string, connected: boolean): void {
    const o = this.occupants.get(sessionId);
    if (o) o.connected = connected;
  }

  /**
   * Who plays a seat now. A person who holds it (even one whose reconnection window is still running) plays
   * it. Otherwise: the chair's override if any; for the chair seat, the game's chair mode; for a delegation,
   * a bot — unless a person held it before and the chair does not let bots replace absent students.
   */
  control(seat: string): "human" | "bot" | "idle" | "absent" {
    if (seat !== "chair" && !this.seats.find((s) => s.id === seat)?.present) return "absent";
    const override = this.options.seatOverrides[seat];
    if (override === "bot") return "bot";
    if (seat === "chair") {
      // Who chairs follows the game's option and the teacher's explicit take-over, never whether the
      // teacher's console is connected: a teacher watching a bot-chaired game holds the chair seat too.
      if (override !== "human" && this.options.chair === "bot") return "bot";
      return this.holdersOf(seat).length > 0 ? "human" : "idle";
    }
    if (this.holdersOf(seat).length > 0) return "human";
    if (override === "human") return "idle";
    if (this.everHeld.has(seat) && !this.options.botsForAbsent) return "idle";
    return "bot";
  }

  /** Moves one person to another seat (a delegation, or none: watching), as the teacher asked. */
  reseat(sessionId: string, to: { role: Role; seat: string | null }): SeatingError | null {
    const o = this.occupants.get(sessionId);
    if (!o) return { code: "chair/unknown-person", message: "That person is no longer in the game." };
    if (o.role === "chair") return { code: "chair/not-a-student", message: "The chair's own console cannot be moved." };
    if (to.role === "delegation") {
      const error = this.admit({ role: "delegation", seat: to.seat, team: true, name: o.name }, sessionId);
      if (error) return error;
    }
    o.role = to.role;
    o.seat = to.seat;
    o.team = to.role === "delegation" && this.holdersOf(to.seat ?? "").some((x) => x.sessionId !== sessionId);
    if (o.seat) this.everHeld.add(o.seat);
    return null;
  }
}
