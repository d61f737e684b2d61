import * as z from "zod";
import { RuleSchema } from "../scenario/schema.ts";
import type { Action } from "../engine/actions.ts";
import type { Legal } from "../engine/legal.ts";
import type { PublicScenario, View } from "../engine/view.ts";
import type { PublicOutcome } from "../engine/outcome.ts";
import type { LogEntry } from "../log/format.ts";

/**
 * Every client⇄server message (DESIGN §1 protocol/): zod schemas for what clients send, types for what the
 * server sends. docs/protocol.md explains the flow with examples.
 */

export const PaceSchema = z.enum(["instant", "fast", "classroom"]);
export type Pace = z.infer<typeof PaceSchema>;

export const CODE_PATTERN = /^[A-Z0-9]{6}$/;
const Code = z.string().trim().toUpperCase().regex(CODE_PATTERN, "a join code is six letters or digits");
const DelegationRef = z.string().regex(/^[A-Z]{3}$/, "a delegation id such as GHA");

/** POST /api/games */
export const CreateGameSchema = z.strictObject({
  scenario: z.string().regex(/^[a-z0-9-]{1,80}$/, "the id of a scenario in scenarios/"),
  rule: RuleSchema.optional(),
  seed: z.number().int().min(0).max(2 ** 31).optional(),
  pace: PaceSchema.default("classroom"),
  /** "human": the chair seat waits for the teacher; "bot": a bot chairs from the start. */
  chair: z.enum(["human", "bot"]).default("human"),
  maxPlayers: z.number().int().min(1).max(500).default(60),
  /** How long a dropped client keeps its seat (default 120 s). */
  reconnectSeconds: z.number().int().min(0).max(3600).default(120),
  /** When a student's window expires, a bot takes the seat (the chair can change this during the game). */
  botsForAbsent: z.boolean().default(true),
  /**
   * Wait in a lobby until the chair's `start` command: students join, nothing moves and the clock stands
   * still. The Host page asks for it; games created through the API without it start at once.
   */
  lobby: z.boolean().default(false),
});
export type CreateGame = z.infer<typeof CreateGameSchema>;

/** The options of `joinOrCreate("plenary", options)`. */
export const JoinOptionsSchema = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(40).optional(),
  role: z.enum(["delegation", "chair", "observer"]).optional(),
  seat: DelegationRef.optional(),
  /** Join a delegation that others may share (a team); false asks for the seat alone. */
  team: z.boolean().default(false),
  chairKey: z.string().max(100).optional(),
  /** The seat token from an earlier join: a reload, or a return after a restart, gets the same seat back. */
  token: z.string().max(100).optional(),
});
export type JoinOptions = z.input<typeof JoinOptionsSchema>;

/** Requests only the chair's clients may send ("chair" request type). */
export const ChairCommandSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("pause") }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({ type: z.literal("extend"), minutes: z.number().min(0.1).max(120) }),
  /** Hand a seat (a delegation, or the chair itself) to a bot, or back to the people who hold it. */
  z.strictObject({ type: z.literal("seat"), seat: z.union([DelegationRef, z.literal("chair")]), bot: z.boolean() }),
  z.strictObject({ type: z.literal("absent_bots"), on: z.boolean() }),
  /** Ends the lobby: the conference starts, with its clock. */
  z.strictObject({ type: z.literal("start") }),
  /** Takes a person (by the session id the chair's private message lists) out of their seat: they watch. */
  z.strictObject({ type: z.literal("remove"), session: z.string().min(1).max(40) }),
  /** Moves a person to another delegation's seat (alone, or into its team). */
  z.strictObject({ type: z.literal("move"), session: z.string().min(1).max(40), to: DelegationRef }),
]);
export type ChairCommand = z.infer<typeof ChairCommandSchema>;

/**
 * What a control was drawn from (docs/protocol.md): the server refuses an action whose referents changed
 * since — the ballot that was open, the step, the text the control named — and never merely because the seq
 * moved. Every field is optional; no `seen` at all means no check.
 */
export const SeenSchema = z.strictObject({
  seq: z.number().int().min(0).optional(),
  ballot: z.string().max(64).nullable().optional(),
  step: z.string().max(64).optional(),
  target: z.string().max(64).optional(),
});
export type Seen = z.infer<typeof SeenSchema>;

/** The "act" request: `{action, seen?}`. (A bare action is still accepted, with no stale check.) */
export const ActEnvelopeSchema = z.strictObject({ action: z.unknown(), seen: SeenSchema.optional() });
export type ActEnvelope = { action: unknown; seen?: Seen };

/** What every request ("act", "chair") resolves to. */
export type Answer = { ok: true; seq: number } | { ok: false; code: string; message: string };

export type Role = "delegation" | "chair" | "observer";

/** Server → client, once after joining (and after a reconnection). */
export interface Welcome {
  code: string;
  token: string;
  role: Role;
  seat: string | null;
  name: string;
  pace: Pace;
  rule: string;
  /** The game's seed (public, as in every log header): a client mirrors the game by replaying the record. */
  seed: number;
  /** The engine version whose rules the game follows (its log header's): the mirror replays under the same. */
  engine: string;
  /** The address students type to join (the server's public URL), and the same with this game's code in it. */
  publicUrl: string;
  joinUrl: string;
  scenario: PublicScenario;
  /** Once the conference has closed: the outcome everyone may see (also broadcast as "outcome" at the close). */
  outcome: PublicOutcome | null;
}

/**
 * Server → one client: what only it may see, and what it may do now. Sent when it changes, always before the
 * record line of the action that changed it: after record line N, the last private message is current.
 */
export interface PrivateMessage {
  seq: number;
  /** What `legal` was computed against: the ballot open and the step (send them back as `seen`). */
  ballot: string | null;
  step: string | null;
  private: View["private"];
  legal: Legal | null;
  /** A person's moment: what the meeting waits for them to do, and until when (docs/procedure.md). */
  prompt: { text: string; until: number; action: Action | null; holds: "debate" | "ballot" } | null;
  /** The chair's console only: the people in the game, for moving or removing them. */
  people?: Person[];
}

/** A person in the game, as the chair's console lists them. */
export interface Person {
  session: string;
  name: string;
  role: Role;
  seat: string | null;
  team: boolean;
  connected: boolean;
}

/** Server → everyone: the public record, one line per accepted action (redacted as in the public export). */
export interface RecordLine {
  entry: LogEntry;
  /** The public events the action caused, in words ("P1: tie (4 to 4): rejected"). */
  events: string[];
}
