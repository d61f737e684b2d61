import * as z from "zod";
import { RuleSchema } from "../scenario/schema.ts";

/**
 * Every client⇄server message (DESIGN §1 protocol/): zod schemas of what clients send, here; of what the
 * server sends, in serverMessages.ts. docs/protocol.md is the contract; docs/schema/ has them as JSON Schemas.
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
  /**
   * What the debrief shows everyone (the teacher may change it during the game): "cards", every delegation's
   * score, objectives and red lines, and its card in the public export; "own", each delegation its own only.
   */
  reveal: z.enum(["cards", "own"]).default("cards"),
});
export type CreateGame = z.infer<typeof CreateGameSchema>;

export const RoleSchema = z.enum(["delegation", "chair", "observer"]);
export type Role = z.infer<typeof RoleSchema>;

/** The options of `joinOrCreate("plenary", options)`. */
export const JoinOptionsSchema = z.strictObject({
  code: Code,
  name: z.string().trim().min(1).max(40).optional(),
  role: RoleSchema.optional(),
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
  /** Ends the lobby: the conference starts, with its clock. (A player holding the chair key may send it too.) */
  z.strictObject({ type: z.literal("start"), chairKey: z.string().max(100).optional() }),
  /** What the debrief shows everyone: every delegation's card and score, or each its own (docs/protocol.md). */
  z.strictObject({ type: z.literal("reveal"), cards: z.boolean() }),
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

export type { Answer, Notice, Person, PrivateMessage, RecordLine, Welcome } from "./serverMessages.ts";
