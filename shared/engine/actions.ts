import * as z from "zod";

/**
 * The public contract of DESIGN §4: every action a seat may send, as zod schemas. The server parses client
 * messages with ActionSchema; the log parser uses it for full logs and PublicActionSchema for public exports,
 * whose secret ballots and private offers carry null in place of their contents.
 */

const Ref = z.string().min(1).max(64);
const DelegationRef = z.string().regex(/^[A-Z]{3}$/, "a delegation id such as GHA");
const FreeText = z.string().trim().min(1).max(2000);

export const ChoiceSchema = z.enum(["yes", "no", "abstain"]);
export const MethodSchema = z.enum(["show_of_hands", "roll_call", "secret"]);
export const MotionKindSchema = z.enum(["suspend", "adjourn", "adjourn_debate", "close_debate"]);
export type Choice = z.infer<typeof ChoiceSchema>;
export type Method = z.infer<typeof MethodSchema>;
export type MotionKind = z.infer<typeof MotionKindSchema>;

export const PledgeSchema = z.union([
  z.strictObject({ vote: z.strictObject({ target: Ref, choice: ChoiceSchema }) }),
  z.strictObject({ second: Ref }),
  z.strictObject({ no_objection: Ref }),
  z.strictObject({ withdraw: Ref }),
  z.strictObject({ cosponsor: Ref }),
]);
export type Pledge = z.infer<typeof PledgeSchema>;

const Pledges = z.array(PledgeSchema).max(5);

const shared = [
  z.strictObject({ type: z.literal("open_item"), item: Ref }),
  z.strictObject({ type: z.literal("give_floor"), to: DelegationRef }),
  z.strictObject({ type: z.literal("close_speakers_list") }),
  z.strictObject({ type: z.literal("call_consensus"), target: Ref }),
  z.strictObject({ type: z.literal("declare_consensus"), target: Ref, overrule: z.boolean().optional() }),
  z.strictObject({ type: z.literal("take_temperature"), target: Ref }),
  z.strictObject({ type: z.literal("call_vote"), target: Ref, method: MethodSchema.optional() }),
  z.strictObject({ type: z.literal("rule"), point: Ref, decision: z.enum(["upheld", "rejected"]) }),
  z.strictObject({ type: z.literal("suspend") }),
  z.strictObject({ type: z.literal("resume") }),
  z.strictObject({ type: z.literal("open_signing") }),
  z.strictObject({ type: z.literal("close_conference") }),
  z.strictObject({ type: z.literal("request_floor") }),
  z.strictObject({ type: z.literal("speak"), text: FreeText }),
  z.strictObject({ type: z.literal("yield_floor") }),
  z.strictObject({ type: z.literal("table"), target: Ref }),
  z.strictObject({ type: z.literal("second"), target: Ref }),
  z.strictObject({ type: z.literal("cosponsor"), target: Ref }),
  z.strictObject({ type: z.literal("withdraw"), target: Ref }),
  z.strictObject({ type: z.literal("move_amendment"), amendment: Ref }),
  z.strictObject({ type: z.literal("accept_amendment"), amendment: Ref }),
  z.strictObject({ type: z.literal("object"), target: Ref, reason: z.string().max(500).optional() }),
  z.strictObject({ type: z.literal("withdraw_objection"), target: Ref, reason: z.string().max(500).optional() }),
  z.strictObject({ type: z.literal("placard"), target: Ref, position: z.enum(["for", "against"]) }),
  z.strictObject({ type: z.literal("request_vote"), target: Ref, method: MethodSchema }),
  z.strictObject({ type: z.literal("explain_vote"), target: Ref, text: FreeText }),
  z.strictObject({ type: z.literal("point_of_order"), text: FreeText }),
  z.strictObject({ type: z.literal("appeal"), ruling: Ref }),
  z.strictObject({ type: z.literal("motion"), kind: MotionKindSchema }),
  z.strictObject({ type: z.literal("retract_offer"), offer: Ref }),
  z.strictObject({ type: z.literal("walk_out") }),
  z.strictObject({ type: z.literal("return") }),
  z.strictObject({ type: z.literal("sign"), reservations: z.array(Ref).max(50).optional() }),
  z.strictObject({ type: z.literal("decline_to_sign") }),
] as const;

const Deadline = z.strictObject({ type: z.literal("deadline"), step: Ref });
const Vote = z.strictObject({ type: z.literal("vote"), target: Ref, choice: ChoiceSchema, for: DelegationRef.optional() });
const Offer = z.strictObject({ type: z.literal("offer"), to: DelegationRef, give: Pledges, ask: Pledges });
const CloseVote = z.strictObject({ type: z.literal("close_vote") });
const AcceptOffer = z.strictObject({ type: z.literal("accept_offer"), offer: Ref });
const DeclineOffer = z.strictObject({ type: z.literal("decline_offer"), offer: Ref });

export const ActionSchema = z.discriminatedUnion("type", [Deadline, ...shared, Vote, Offer, AcceptOffer, DeclineOffer, CloseVote]);
export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action["type"];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ResultSchema = z.strictObject({
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  abstain: z.number().int().min(0),
  status: z.string(),
});
export type BallotResult = z.infer<typeof ResultSchema>;

/** What a public export may carry in place of the full actions (DESIGN §5). */
export const PublicActionSchema = z.discriminatedUnion("type", [
  ...shared,
  // A deadline that closes a ballot carries its result too: a secret ballot's tally is known only from it.
  z.strictObject({ type: z.literal("deadline"), step: Ref, result: ResultSchema.optional() }),
  // The last vote of a roll-call closes it (engine 0.2.0): that entry carries the result.
  z.strictObject({ type: z.literal("vote"), target: Ref, choice: ChoiceSchema.nullable(), for: DelegationRef.optional(), result: ResultSchema.optional() }),
  z.strictObject({ type: z.literal("offer"), to: DelegationRef.nullable(), give: Pledges.nullable(), ask: Pledges.nullable() }),
  // An answer to an offer keeps its place with its author and its offer hidden (redacted.ts).
  z.strictObject({ type: z.literal("accept_offer"), offer: Ref.nullable() }),
  z.strictObject({ type: z.literal("decline_offer"), offer: Ref.nullable() }),
  z.strictObject({ type: z.literal("close_vote"), result: ResultSchema.optional() }),
]);
export type PublicAction = z.infer<typeof PublicActionSchema>;

/** Either kind: what apply() accepts (the state's mode says which schema it holds the action to). */
export type AnyAction = Action | PublicAction;

export const ACTION_TYPES = ActionSchema.options.map((o) => o.shape.type.value) as ActionType[];
