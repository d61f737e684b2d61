import * as z from "zod";
import { ACTION_TYPES, ActionSchema, ChoiceSchema, PledgeSchema, PublicActionSchema, type Action, type ActionType } from "../engine/actions.ts";
import type { Legal } from "../engine/legal.ts";
import type { PublicOutcome } from "../engine/outcome.ts";
import type { PublicScenario, View } from "../engine/view.ts";
import { EntrySchema } from "../log/format.ts";
import { BlocSchema, DelegationSchema, PersonalitySchema, RuleSchema, ScenarioShape } from "../scenario/schema.ts";
import { CODE_PATTERN, PaceSchema, RoleSchema } from "./messages.ts";

/**
 * Everything the server sends a client (docs/protocol.md), as zod schemas: the Colyseus messages `welcome`,
 * `private`, `record`, `notice`, `outcome` and `scenario`, the answer every request resolves to, the HTTP
 * API's answers, and the part of room.state that is contract. Objects are strict wherever the server's shape
 * is fixed, so a field the server starts sending without the contract knowing it fails the contract test
 * (tests/protocol/contract.test.ts). docs/schema/protocol.schema.json is generated from them (jsonSchema.ts).
 */

const Ref = z.string().min(1).max(64);
const DelegationId = DelegationSchema.shape.id;
/** A person's seat: a delegation, or the chair. */
const SeatRef = z.union([DelegationId, z.literal("chair")]);
/** Who an entry is by: a delegation, the chair or the clock. */
const AuthorRef = z.union([DelegationId, z.literal("chair"), z.literal("system")]);
const Count = z.number().int().min(0);

export const TallySchema = z.strictObject({ yes: Count, no: Count, abstain: Count });

// ——— The public scenario (engine/view.ts publicScenario): the scenario file's own pieces, without the cards ———

const PublicDelegationSchema = DelegationSchema.pick({
  id: true,
  name: true,
  sortKey: true,
  blocs: true,
  votingRight: true,
  present: true,
  maySign: true,
  influence: true,
  playable: true,
}).extend({ proxyTo: DelegationId.nullable().describe("the delegation that holds this one's vote, or null") });

/** What every player may read: texts, agenda, dimensions, blocs and who attends; the history once closed. */
export const PublicScenarioSchema = ScenarioShape.pick({
  id: true,
  title: true,
  summary: true,
  rule: true,
  dimensions: true,
  chair: true,
  proposals: true,
  agenda: true,
  timing: true,
  scoring: true,
}).extend({
  blocs: z.array(BlocSchema.omit({ template: true })),
  delegations: z.array(PublicDelegationSchema),
  history: ScenarioShape.shape.history.unwrap().nullable().describe("what really happened: null until the conference has closed"),
});

// ——— The private view (engine/view.ts PrivateView) ———

/** A delegation's own card, templates applied: what `private.delegation` carries to its seat alone. */
export const DelegationCardSchema = DelegationSchema.extend({ personality: PersonalitySchema });

export const OfferSchema = z.strictObject({
  id: Ref,
  from: DelegationId,
  // null only in a state rebuilt from a public export; a live game's private view always has them.
  to: DelegationId.nullable(),
  give: z.array(PledgeSchema).max(5).nullable(),
  ask: z.array(PledgeSchema).max(5).nullable(),
  status: z.enum(["open", "accepted", "declined", "retracted", "lapsed"]),
  seq: Count,
  settledSeq: Count.nullable(),
});

export const PledgeJudgementSchema = z.strictObject({
  offer: Ref,
  by: DelegationId,
  to: DelegationId,
  pledge: PledgeSchema,
  status: z.enum(["kept", "broken", "pending", "moot"]),
  secret: z.boolean(),
});

export const PrivateViewSchema = z.strictObject({
  delegation: DelegationCardSchema,
  offers: z.array(OfferSchema),
  ballots: z
    .record(Ref, z.array(z.strictObject({ for: DelegationId, choice: ChoiceSchema.nullable() })))
    .describe("ballot id → this delegation's own choices in it (for itself, and as a proxy holder)"),
  pledges: z.array(PledgeJudgementSchema),
});

// ——— What a seat may do now (engine/legal.ts) ———

/**
 * A legal action is a ready action whose free fields (`free`: text, give, ask) are still empty — a speech's
 * text is "" there, which a sent action may not be. Typed as an Action: that is what it becomes once filled.
 */
const EmptyText = z.string().trim().max(2000);
const templates = ActionSchema.options.map((o) => ("text" in o.shape ? o.extend({ text: EmptyText }) : o));
const ActionTemplateSchema = z.discriminatedUnion("type", templates as unknown as typeof ActionSchema.options) as z.ZodType<Action>;

export const LegalSchema = z.strictObject({
  actions: z.array(z.strictObject({ action: ActionTemplateSchema, free: z.array(z.string()).describe("fields to fill before sending: text, give, ask") })),
  refused: z.array(z.strictObject({ type: z.enum(ACTION_TYPES as [ActionType, ...ActionType[]]), code: z.string(), message: z.string() })),
});

// ——— The messages ———

export const PersonSchema = z.strictObject({
  session: z.string(),
  name: z.string(),
  role: RoleSchema,
  seat: SeatRef.nullable(),
  team: z.boolean(),
  connected: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PromptSchema = z.strictObject({
  text: z.string(),
  until: z.number().describe("when the moment is over, ms since the epoch"),
  action: ActionSchema.nullable().describe("the action ready to send (table, move an amendment), or null (the floor, a vote)"),
  holds: z.enum(["debate", "ballot"]),
});

/**
 * Server → one client: what only it may see, and what it may do now. Sent when it changes, always before the
 * record line of the action that changed it: after record line N, the last private message is current.
 */
export const PrivateMessageSchema = z.strictObject({
  seq: Count,
  /** What `legal` was computed against: the ballot open and the step (send them back as `seen`). */
  ballot: Ref.nullable(),
  step: Ref.nullable(),
  /** The delegation's own view; null for the chair. */
  private: PrivateViewSchema.nullable(),
  // Never null as the server sends it; nullable as the type has always been (bench/load.ts starts from null).
  legal: LegalSchema.nullable(),
  /** A person's moment: what the meeting waits for them to do, and until when (docs/procedure.md). */
  prompt: PromptSchema.nullable(),
  /** The chair's console only: the people in the game, for moving or removing them. */
  people: z.array(PersonSchema).optional(),
});
export type PrivateMessage = z.infer<typeof PrivateMessageSchema>;

const OutcomeDecisionSchema = z.strictObject({
  target: Ref,
  kind: z.enum(["proposal", "amendment"]),
  title: z.string(),
  status: z.enum(["adopted", "rejected", "postponed", "withdrawn", "not_decided", "pending"]),
  by: z.enum(["consensus", "vote", "chair_overrule", "sponsor", "none"]),
  tally: TallySchema.nullable(),
  seq: Count,
  reason: z.string().describe('the rule that decided it, in words ("tie (4 to 4): rejected")'),
});

const ScoreDetailSchema = z.strictObject({
  closeness: z.number(),
  redLinesCrossed: z.array(z.string()),
  objectivesMet: z.array(z.string()),
  soleObjections: Count,
  pledgesKept: Count,
  pledgesBroken: Count,
  amendmentsAdopted: z.array(Ref),
  score: z.number(),
});

/** The debrief as this client may see it: scores and details of every delegation, of its own, or of none. */
export const PublicOutcomeSchema = z.strictObject({
  closed: z.boolean(),
  dimensions: z.record(z.string(), z.number()),
  decisions: z.array(OutcomeDecisionSchema),
  signed: z.array(DelegationId),
  declined: z.array(DelegationId),
  scores: z.record(DelegationId, z.number()),
  details: z.record(DelegationId, ScoreDetailSchema),
  chairLegitimacy: z.number().min(0).max(1),
});

/** Server → client, once after joining (and after a reconnection, a move, or a `sync`). */
export const WelcomeSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
  /** The seat token: it brings the seat back after a reload or a server restart. */
  token: z.string(),
  role: RoleSchema,
  /** A delegation id, "chair", or null for an observer. */
  seat: SeatRef.nullable(),
  name: z.string(),
  pace: PaceSchema,
  rule: RuleSchema,
  /** The game's seed (public, as in every log header): a client mirrors the game by replaying the record. */
  seed: z.number().int(),
  /** The engine version whose rules the game follows (its log header's): the mirror replays under the same. */
  engine: z.string().regex(/^\d+\.\d+\.\d+/),
  /** The address students type to join (the server's public URL), and the same with this game's code in it. */
  publicUrl: z.string(),
  joinUrl: z.string(),
  scenario: PublicScenarioSchema,
  /** Once the conference has closed: the outcome this client may see (also sent as "outcome" at the close). */
  outcome: PublicOutcomeSchema.nullable(),
});
export type Welcome = z.infer<typeof WelcomeSchema>;

/**
 * An entry as the public record has it (shared/log/publicExport.ts redactEntry): the action in its public
 * form (secret choices and offer contents null, `result` on the entry that closed a ballot). Its static type
 * stays the log's own (an action as a record): readers narrow it by `type`, as every log reader does.
 */
const RecordEntrySchema = EntrySchema.omit({ whyPublic: true }).extend({
  by: AuthorRef.nullable().describe("null only for an answer to an offer, whose author the record hides"),
  action: PublicActionSchema as z.ZodType<Record<string, unknown>>,
});

/** Server → everyone: the public record, one line per accepted action (redacted as in the public export). */
export const RecordLineSchema = z.strictObject({
  entry: RecordEntrySchema,
  /** The public events the action caused, in words ("P1: tie (4 to 4): rejected"). */
  events: z.array(z.string()),
});
export type RecordLine = z.infer<typeof RecordLineSchema>;

/** The `record` message: the whole record first (after a join or a reconnection), then one line at a time. */
export const RecordMessageSchema = z.union([z.strictObject({ lines: z.array(RecordLineSchema) }), RecordLineSchema]);

/** What a notice is about: an offer to or from this seat, a vote's method, or what the room did to the seat. */
export const NOTICE_KINDS = [
  "offer",
  "offer_accepted",
  "offer_declined",
  "offer_retracted",
  "offer_lapsed",
  "method",
  "replaced",
  "seat_to_bot",
  "seat_back",
  "moved",
  "removed",
] as const;
export const NoticeSchema = z.strictObject({ kind: z.enum(NOTICE_KINDS), text: z.string() });
export type Notice = z.infer<typeof NoticeSchema>;

/** What every request ("act", "chair", "pass", "sync") resolves to. */
export const AnswerSchema = z.discriminatedUnion("ok", [
  z.strictObject({ ok: z.literal(true), seq: Count }),
  z.strictObject({ ok: z.literal(false), code: z.string().describe('namespaced: "vote/already-cast", "stale/ballot"…'), message: z.string() }),
]);
export type Answer = z.infer<typeof AnswerSchema>;

/** The answer of `POST /api/games` (201). */
export const CreatedGameSchema = z.strictObject({
  code: z.string().regex(CODE_PATTERN),
  /** The teacher's secret: the chair seat, the full log, the seat list with names. */
  chairKey: z.string(),
  scenario: z.string(),
  title: z.string(),
  rule: RuleSchema,
  seed: z.number().int(),
  pace: PaceSchema,
  lobby: z.boolean(),
  reveal: z.enum(["cards", "own"]),
  joinUrl: z.string(),
});

const PhaseSchema = z.enum(["opening", "debate", "decision", "final_acts", "closed"]);
const ControlSchema = z.enum(["human", "bot", "idle", "absent"]).describe("people play it, a bot, nobody yet, or it is not at the conference");
const Holders = z.array(z.string()).describe("the names of the people holding the seat: empty without the chair key");
const People = Count.optional().describe("without the chair key: how many people hold the seat");

/** What both answers about games say of each game first. */
const GameFields = {
  code: z.string().regex(CODE_PATTERN),
  scenario: z.string(),
  title: z.string(),
  rule: RuleSchema,
  pace: PaceSchema,
  status: z.enum(["open", "closed"]),
  seq: Count,
};

/** The answer of `GET /api/games/:code`: the game, and who holds which seat (names with the chair key only). */
export const GameInfoSchema = z.strictObject({
  ...GameFields,
  /** Whether its room is running in this server now (a game is rebuilt from its log when someone joins). */
  live: z.boolean(),
  seats: z.strictObject({
    chair: z.strictObject({ control: ControlSchema, holders: Holders, people: People }),
    delegations: z.array(
      z.strictObject({ id: DelegationId, name: z.string(), playable: z.boolean(), present: z.boolean(), control: ControlSchema, holders: Holders, team: z.boolean(), people: People }),
    ),
    /** People watching (0 while the room is not running). */
    observers: Count,
  }),
});

/** The answer of `GET /api/games` (the server administrator's only). */
export const GameListSchema = z.array(
  z.strictObject({
    ...GameFields,
    createdAt: z.string(),
    closedAt: z.string().nullable(),
    live: z.boolean(),
  }),
);

/** The answer of `GET /api/scenarios`: every scenario players may choose, public (no cards, no history). */
export const ScenarioListSchema = z.array(PublicScenarioSchema);

/** The answer of `GET /api/health`. */
export const HealthSchema = z.strictObject({
  ok: z.literal(true),
  /** Actions on which the engine itself failed: each one is a bug. */
  internalErrors: Count,
  /** The server process's memory (Node's process.memoryUsage(), bytes). */
  memory: z.record(z.string(), z.number()),
});

// ——— room.state: the fields a client may rely on ———

/** -1 where a count is not known: no decision yet, or a secret ballot still open. */
const CountOrNone = z.number().int().min(-1);
const Ids = z.array(z.string());

const SeatStateSchema = z.looseObject({
  id: DelegationId,
  name: z.string(),
  present: z.boolean(),
  /** Present and not walked out. */
  inRoom: z.boolean(),
  votingRight: z.boolean(),
  control: ControlSchema,
  holders: z.array(z.string()).describe("the display names of the people holding the seat (a team: several)"),
  connected: Count.describe("how many of them are connected now"),
  team: z.boolean(),
  playable: z.boolean(),
  signature: z.enum(["", "signed", "declined"]),
  reservations: Ids,
});

const TargetStateSchema = z.looseObject({
  id: Ref,
  status: z.enum(["draft", "tabled", "moved", "adopted", "rejected", "postponed", "withdrawn", "not_decided"]),
  seconders: Ids,
  cosponsors: Ids,
  /** Delegations whose objection stands. */
  objections: Ids,
  /** Who decided it ("" until decided), the rule in words, at which seq, and the tally (-1 when none). */
  decidedBy: z.enum(["", "consensus", "vote", "chair_overrule", "sponsor", "none"]),
  reason: z.string(),
  decidedSeq: Count,
  yes: CountOrNone,
  no: CountOrNone,
  abstain: CountOrNone,
});

const BallotStateSchema = z.looseObject({
  id: z.string(),
  target: z.string(),
  question: z.enum(["", "substantive", "request_vote", "appeal", "motion"]),
  method: z.enum(["", "show_of_hands", "roll_call", "secret"]),
  voters: Ids,
  /** Who has voted (in a secret ballot too). */
  voted: Ids,
  /** Each choice as seen in the room; always empty in a secret ballot. */
  choices: z.record(DelegationId, ChoiceSchema),
  yes: CountOrNone,
  no: CountOrNone,
  abstain: CountOrNone,
  /** Roll-call: the delegation called now ("" otherwise). */
  called: z.string(),
});

/**
 * The part of room.state that is contract (docs/protocol.md §3), as `room.state.toJSON()` gives it. Other
 * fields are there for the browser client and may change: a client should build its picture of the
 * conference from the record (or replay it with the engine) and its own private messages.
 */
const roomState = {
  code: z.string().regex(CODE_PATTERN),
  rule: RuleSchema,
  pace: PaceSchema,
  /** The seq of the last action reflected; patches lag the messages by up to 50 ms. */
  seq: Count,
  phase: PhaseSchema,
  suspended: z.enum(["", "suspend", "adjourn"]),
  step: z.string(),
  stepKind: z.enum(["", "opening", "debate", "decision", "consensus", "ballot", "turn", "final_acts"]),
  /** When the step's time runs out, ms since the epoch; 0 when the clock stands still. */
  deadlineAt: z.number().min(0),
  clockPaused: z.boolean(),
  item: z.string(),
  lobby: z.boolean(),
  reveal: z.enum(["cards", "own"]),
  floorHolder: z.string(),
  speakers: Ids,
  queue: Ids,
  seats: z.record(DelegationId, SeatStateSchema),
  targets: z.record(Ref, TargetStateSchema),
  chairControl: ControlSchema,
  chairHolders: z.array(z.string()),
  observers: Count,
};

/**
 * The part of room.state that is contract (docs/protocol.md §3), as `room.state.toJSON()` gives it. Other
 * fields are there for the browser client and may change: a client should build its picture of the
 * conference from the record (or replay it with the engine) and its own private messages. `ballot` is the
 * open ballot only while `hasBallot` is true; otherwise it holds the last one, or nothing before the first.
 */
export const RoomStateSchema = z.discriminatedUnion("hasBallot", [
  z.looseObject({ ...roomState, hasBallot: z.literal(true), ballot: BallotStateSchema }),
  z.looseObject({ ...roomState, hasBallot: z.literal(false), ballot: z.looseObject({}).describe("not to be read: no ballot is open") }),
]);

/** Every HTTP error of the API (400, 403, 404, 409). */
export const HttpErrorSchema = z.strictObject({ error: z.strictObject({ code: z.string(), message: z.string() }) });

// ——— The contract holds the engine to it, at compile time ———

/** True when each type is assignable to the other: a field added, dropped or retyped on either side breaks it. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Holds<T extends true> = T;

/**
 * `npm run typecheck` fails here ("Type 'false' does not satisfy the constraint 'true'") when the engine's
 * types and the published contract come apart: change the schema above with the engine, and regenerate
 * docs/schema/ (docs/cli.md, "schema").
 */
export type EngineKeepsTheContract = [
  Holds<Same<PublicScenario, z.infer<typeof PublicScenarioSchema>>>,
  Holds<Same<PublicOutcome, z.infer<typeof PublicOutcomeSchema>>>,
  Holds<Same<Legal, z.infer<typeof LegalSchema>>>,
  Holds<Same<View["private"], z.infer<typeof PrivateViewSchema> | null>>,
];
