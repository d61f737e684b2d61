import * as z from "zod";
import { PredicateSchema } from "./predicate.ts";

/**
 * The shape of a scenario file (DESIGN §7). Field-level rules live here; rules that relate fields to each
 * other (ids that must resolve, stances complete after templates) live in crossChecks.ts, so each kind of
 * mistake is reported once, at its exact path.
 */

const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, "an id starts with a letter and uses letters, digits, _ or -");
const DelegationId = z.string().regex(/^[A-Z]{3}$/, "a delegation id is an ISO 3166 alpha-3 code such as GHA");
const Text = z.string().min(1);

const Stance = z.number().min(-1, "a stance lies in [-1, 1]").max(1, "a stance lies in [-1, 1]");
const Weight = z.number().positive("a weight is a positive number");
const Effect = z.number().min(-2, "an effect lies in [-2, 2]").max(2, "an effect lies in [-2, 2]");
const StatusQuo = z.number().min(-1, "a status quo lies in [-1, 1]").max(1, "a status quo lies in [-1, 1]");

export const RuleSchema = z.enum(["consensus", "majority"]);
export type Rule = z.infer<typeof RuleSchema>;

const PERSONALITY_DEFAULTS = { concession: "linear", loyalty: 0.5, procedure: 0.3, talk: 0.5 } as const;

/**
 * A personality as a template or a delegation writes it: any subset of the traits, no defaults. (Defaults here
 * would fill in the traits a delegation leaves out and so override its template's: they apply once, after
 * the template, in PersonalitySchema.)
 */
export const PartialPersonalitySchema = z.strictObject({
  concession: z.enum(["boulware", "linear", "conceder"]).optional().describe("how fast the delegation gives ground as the conference runs out of time"),
  loyalty: z.number().min(0).max(1).optional().describe("how strongly it follows its bloc's leader"),
  procedure: z.number().min(0).max(1).optional().describe("appetite for procedure: requesting votes, points of order, walking out"),
  talk: z.number().min(0).max(1).optional().describe("how often it asks for the floor"),
});

export const PersonalitySchema = z.strictObject({
  concession: z.enum(["boulware", "linear", "conceder"]).default(PERSONALITY_DEFAULTS.concession),
  loyalty: z.number().min(0).max(1).default(PERSONALITY_DEFAULTS.loyalty),
  procedure: z.number().min(0).max(1).default(PERSONALITY_DEFAULTS.procedure),
  talk: z.number().min(0).max(1).default(PERSONALITY_DEFAULTS.talk),
});
export type Personality = z.infer<typeof PersonalitySchema>;

/**
 * How far each bot's numeric traits may lie from its card, drawn per game (issue 12): a bot draws its trait
 * in [card − range, card + range], kept within [0, 1], from its own seeded stream. A trait left out does
 * not vary. No default, so a scenario (or a log's embedded one) written without ranges is read unchanged.
 */
export const PersonalityRangesSchema = z.strictObject({
  loyalty: z.number().min(0).max(0.5).optional(),
  procedure: z.number().min(0).max(0.5).optional(),
  talk: z.number().min(0).max(0.5).optional(),
});
export type PersonalityRanges = z.infer<typeof PersonalityRangesSchema>;

const TemplateSchema = z.strictObject({
  stance: z.record(z.string(), Stance).optional(),
  weights: z.record(z.string(), Weight).optional(),
  personality: PartialPersonalitySchema.optional(),
  redLines: z.array(PredicateSchema).optional(),
});

export const DimensionSchema = z.strictObject({
  id: Id,
  name: Text,
  minus: Text.describe("what -1 means"),
  plus: Text.describe("what +1 means"),
  statusQuo: StatusQuo.describe("where the dimension stands before the conference"),
});

export const BlocSchema = z.strictObject({
  id: Id,
  name: Text,
  kind: z.enum(["region", "rto", "camp", "group"]).default("group"),
  leader: DelegationId.optional(),
  template: TemplateSchema.optional().describe("defaults for members that take this bloc as their template"),
});

export const ObjectiveSchema = z.strictObject({
  id: Id,
  text: Text,
  bonus: z.number().min(-1).max(1),
  when: PredicateSchema,
});

export const DelegationSchema = z.strictObject({
  id: DelegationId,
  name: Text,
  sortKey: z
    .string()
    .regex(/^[\x20-\x7E]+$/, "a sortKey is the French name folded to plain ASCII, e.g. Etats-Unis"),
  blocs: z.array(Id).default([]),
  template: Id.optional().describe("the bloc whose template it inherits; default: its first bloc with one"),
  votingRight: z.boolean().default(true),
  present: z.boolean().default(true),
  maySign: z.boolean().default(true),
  proxyTo: DelegationId.optional().describe("the delegation that holds this one's vote"),
  influence: z.number().min(0).max(10).default(5),
  stance: z.record(z.string(), Stance).default({}),
  weights: z.record(z.string(), Weight).default({}),
  redLines: z.array(PredicateSchema).default([]),
  objectives: z.array(ObjectiveSchema).default([]),
  briefing: z.string().default(""),
  personality: PartialPersonalitySchema.default({}),
  personalityRanges: PersonalityRangesSchema.optional().describe("this delegation's own ranges, in place of the scenario's (an empty object: its bot never varies)"),
  playable: z.boolean().default(false),
});

export const ThresholdSchema = z.enum(["simple", "two_thirds"]);
export const BasisSchema = z.enum(["present_voting", "accredited"]);

export const AmendmentSchema = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  sponsors: z.array(DelegationId).min(1),
  effects: z.record(z.string(), Effect).describe("what the proposal's effects become if this is adopted"),
});

export const ProposalSchema = z.strictObject({
  id: Id,
  title: Text,
  text: Text,
  sponsors: z.array(DelegationId).min(1),
  effects: z.record(z.string(), Effect).describe("change from the status quo per dimension if adopted"),
  threshold: ThresholdSchema.default("simple"),
  basis: BasisSchema.default("present_voting"),
  substantive: z.boolean().default(true),
  amendments: z.array(AmendmentSchema).default([]),
});

export const AgendaItemSchema = z.strictObject({
  id: Id,
  title: Text,
  minutes: z.number().positive(),
  proposals: z.array(Id).min(1),
});

export const ChairSchema = z.strictObject({
  name: Text,
  delegation: DelegationId.optional().describe("the host delegation the chair comes from, if any"),
  style: z.enum(["consensus", "temperature", "procedural"]).default("consensus"),
});

export const TimingSchema = z.strictObject({
  openingMinutes: z.number().positive().default(5),
  decisionMinutes: z.number().positive().default(3),
  consensusMinutes: z.number().positive().default(2),
  ballotMinutes: z.number().positive().default(2),
  signingMinutes: z.number().positive().default(5),
});

export const ScoringSchema = z.strictObject({
  redLinePenalty: z.number().min(0).default(0.5),
  soleObjectorPenalty: z.number().min(0).default(0.1),
  amendmentBonus: z.number().min(0).default(0.1),
  brokenPledgePenalty: z.number().min(0).default(0.05),
});

export const HistorySchema = z.strictObject({
  summary: Text,
  decisions: z
    .array(z.strictObject({ target: Id, status: Text, note: z.string().optional() }))
    .default([]),
  signed: z.number().int().min(0).optional(),
  declined: z.number().int().min(0).optional(),
  notes: z.array(z.string()).default([]),
});

export const ScenarioShape = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a scenario id is lower-case words joined by hyphens"),
  title: Text,
  summary: Text,
  rule: RuleSchema.default("consensus"),
  dimensions: z.array(DimensionSchema).min(1),
  blocs: z.array(BlocSchema).default([]),
  delegations: z.array(DelegationSchema).min(2),
  chair: ChairSchema,
  proposals: z.array(ProposalSchema).min(1),
  agenda: z.array(AgendaItemSchema).min(1),
  timing: TimingSchema.default({
    openingMinutes: 5,
    decisionMinutes: 3,
    consensusMinutes: 2,
    ballotMinutes: 2,
    signingMinutes: 5,
  }),
  scoring: ScoringSchema.default({
    redLinePenalty: 0.5,
    soleObjectorPenalty: 0.1,
    amendmentBonus: 0.1,
    brokenPledgePenalty: 0.05,
  }),
  history: HistorySchema.optional().describe("what really happened, for the debrief; bots never read it"),
  personalityRanges: PersonalityRangesSchema.optional().describe("how far every bot's traits vary from its card, game to game"),
});

export type ScenarioInput = z.input<typeof ScenarioShape>;
export type ParsedScenario = z.output<typeof ScenarioShape>;
export type Dimension = z.output<typeof DimensionSchema>;
export type Bloc = z.output<typeof BlocSchema>;
export type Delegation = z.output<typeof DelegationSchema>;
export type Proposal = z.output<typeof ProposalSchema>;
export type Amendment = z.output<typeof AmendmentSchema>;
export type AgendaItem = z.output<typeof AgendaItemSchema>;
export type Objective = z.output<typeof ObjectiveSchema>;

/**
 * A scenario after validation and template resolution: every delegation has a full stance, full weights and a
 * full personality. This is the form a game embeds in its log, so a replay never depends on template rules.
 */
export type ResolvedDelegation = Omit<Delegation, "personality"> & { personality: Personality };
export type Scenario = Omit<ParsedScenario, "delegations"> & { delegations: ResolvedDelegation[] };
