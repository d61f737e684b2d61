import type { Predicate } from "../scenario/predicate.ts";
import type { View } from "../engine/view.ts";
import { closeness } from "../engine/outcome.ts";
import { describe, holds, positionAfter, type World } from "../engine/world.ts";
import { own } from "../util/own.ts";
import { leaderOf, type Leader } from "./bloc.ts";

/**
 * A delegation's reading of the room, from its own view only: where things stand, what each open text
 * would do to its utility, and which of its red lines a text would cross. Utility is the score formula
 * (closeness to stance, red lines, objectives) applied to "what if this were adopted".
 */
export interface Effectful {
  id: string;
  effects: Record<string, number>;
}

export interface Assessment {
  target: string;
  /** Utility with the text adopted minus without (amendments: against the proposal as it stands). */
  delta: number;
  /** Red lines the text would cross that are not crossed without it. */
  crosses: Predicate[];
  /** One line that traces the judgement to its numbers. */
  because: string;
}

/** How far past a dimension bound the world is (0 within it); other predicates have no distance. */
function beyond(p: Predicate, w: World): number {
  if (!("dimension" in p)) return 0;
  const x = own(w.dimensions, p.dimension) ?? 0;
  return Math.max(0, p.atMost !== undefined ? x - p.atMost : 0, p.atLeast !== undefined ? p.atLeast - x : 0);
}

const sign = (x: number) => (x > 0 ? `+${fmt(x)}` : fmt(x));
function fmt(x: number): string {
  return (Math.round(x * 100) / 100).toString();
}

type Facts = Pick<World, "byConsensus" | "votedItems" | "signed"> & { adoptedIds: Set<string> };
/**
 * What every judgement of a room shares. A text's worth depends only on which texts stand adopted (as
 * amended, and whether by consensus), the ballots held and the signatures — not on objections, speakers or
 * offers. So the room is keyed by those alone: the 193 seats of a plenary re-judge the texts only when the
 * world they judge has changed, not after every objection.
 */
interface Room {
  facts?: Facts;
  seats: Map<string, Map<string, Assessment>>;
}
const rooms = new WeakMap<object, Map<string, Room>>();
const targetKeys = new WeakMap<object, string>();
const votedKeys = new WeakMap<object, string>();
const signedKeys = new WeakMap<object, string>();

/** The agenda item a text belongs to ("" if none). */
function itemOfTarget(view: View, target: string): string {
  const p = view.scenario.proposals.find((x) => x.id === target || x.amendments.some((a) => a.id === target));
  return view.scenario.agenda.find((a) => a.proposals.includes(p?.id ?? ""))?.id ?? "";
}
const identities = new WeakMap<object, number>();
let nextIdentity = 1;
const identity = (x: object) => {
  let id = identities.get(x);
  if (id === undefined) identities.set(x, (id = nextIdentity++));
  return id;
};

const lastRoom = new WeakMap<object, { scope: object; ballots: unknown; signatures: unknown; room: Room }>();

/** The room of this view's world, among the rooms of one game (`scope`: BotContext.scope). */
function roomOf(view: View, scope: object): Room {
  // Most looks see the very same objects as the look before: no key to build.
  const last = lastRoom.get(view.targets);
  if (last && last.scope === scope && last.ballots === view.ballots && last.signatures === view.signatures) return last.room;
  const room = roomByKey(view, scope);
  lastRoom.set(view.targets, { scope, ballots: view.ballots, signatures: view.signatures, room });
  return room;
}

function roomByKey(view: View, scope: object): Room {
  // Only what a text's worth reads: what stands adopted (as amended, and how), the items voted on, the
  // signatures. A tabling, an objection or a procedural vote leaves the room as it was.
  let key = targetKeys.get(view.targets);
  if (key === undefined) {
    key = "";
    for (const [id, t] of Object.entries(view.targets)) if (t.status === "adopted") key += `${id}:${t.amendedBy ?? ""}:${t.decision?.by === "consensus" ? "c" : ""};`;
    targetKeys.set(view.targets, key);
  }
  let voted = votedKeys.get(view.ballots);
  if (voted === undefined) {
    voted = [...new Set(view.ballots.filter((b) => b.question === "substantive").map((b) => itemOfTarget(view, b.target)))].sort().join(",");
    votedKeys.set(view.ballots, voted);
  }
  let signed = signedKeys.get(view.signatures);
  if (signed === undefined) {
    signed = Object.entries(view.signatures).filter(([, x]) => x.signed).map(([id]) => id).join(",");
    signedKeys.set(view.signatures, signed);
  }
  key += `|${voted}|${signed}`;
  let perGame = rooms.get(scope);
  if (!perGame) rooms.set(scope, (perGame = new Map()));
  let room = perGame.get(key);
  if (!room) {
    room = { seats: new Map() };
    perGame.set(key, room);
    // A game moves forward: old rooms are not visited again, so only the latest few are kept.
    if (perGame.size > 32) perGame.delete(perGame.keys().next().value as string);
  }
  return room;
}

export class Outlook {
  readonly me: NonNullable<View["private"]>["delegation"];
  private readonly penalty: number;
  // One decision looks at the same texts several times: memoized for the life of this Outlook (one view).
  private readonly assessed: Map<string, Assessment>;
  private readonly room: Room;
  private readonly baselines = new Map<string, { world: World; utility: number }>();
  private adopted: Map<string, Record<string, number>> | undefined;
  private facts: Facts | undefined;

  /** `scope`: the game's (BotContext.scope); what this outlook works out is reused within that game only. */
  constructor(
    readonly view: View,
    readonly scope: object = {},
  ) {
    const mine = view.private;
    if (!mine) throw new Error("a delegation bot needs its own seat's view");
    this.me = mine.delegation;
    this.penalty = view.scenario.scoring.redLinePenalty;
    // A seat that looks again at the same world (an objection raised, a vote cast) reuses what it worked out.
    const room = roomOf(view, scope);
    this.room = room;
    let seat = room.seats.get(this.me.id);
    if (!seat) {
      seat = new Map();
      room.seats.set(this.me.id, seat);
    }
    this.assessed = seat;
  }

  private leaderMemo: Leader | null | undefined;
  /** The bloc leader this delegation follows (bloc.ts), once per look. */
  get leader(): Leader | null {
    if (this.leaderMemo === undefined) this.leaderMemo = leaderOf(this.view, this.me.id, this.me.template);
    return this.leaderMemo;
  }

  /** A number naming the world this look judges in (the same for every look at the same world). */
  get worldId(): number {
    return identity(this.room);
  }

  /** Effects a proposal stands for now (as amended). */
  currentEffects(proposalId: string): Record<string, number> {
    const p = this.view.scenario.proposals.find((x) => x.id === proposalId);
    if (!p) return {};
    const by = this.view.targets[proposalId]?.amendedBy;
    return (by ? p.amendments.find((a) => a.id === by)?.effects : undefined) ?? p.effects;
  }

  proposalOf(target: string) {
    return this.view.scenario.proposals.find((p) => p.id === target || p.amendments.some((a) => a.id === target));
  }

  /** A world in which the adopted proposals are these (id → effects), plus extra adopted ids. */
  world(adopted: ReadonlyMap<string, Record<string, number>>, extra: readonly string[] = []): World {
    const f = this.worldFacts();
    const adoptedIds = new Set(f.adoptedIds);
    for (const id of adopted.keys()) adoptedIds.add(id);
    for (const id of extra) adoptedIds.add(id);
    return { adopted: adoptedIds, byConsensus: f.byConsensus, dimensions: positionAfter(this.view.scenario, [...adopted.values()]), votedItems: f.votedItems, signed: f.signed, pledgeBreakers: new Set() };
  }

  private worldFacts() {
    if (this.facts) return this.facts;
    const v = this.view;
    // Every seat looking at the same world reads the same facts.
    if (this.room.facts) return (this.facts = this.room.facts);
    const adoptedIds = new Set<string>();
    const byConsensus = new Set<string>();
    for (const [id, t] of Object.entries(v.targets)) {
      if (t.status !== "adopted") continue;
      adoptedIds.add(id);
      if (t.decision?.by === "consensus") byConsensus.add(id);
    }
    const votedItems = new Set<string>();
    for (const b of v.ballots) {
      if (b.question !== "substantive") continue;
      const item = v.scenario.agenda.find((a) => a.proposals.includes(this.proposalOf(b.target)?.id ?? ""));
      if (item) votedItems.add(item.id);
    }
    const signed = new Set(Object.entries(v.signatures).filter(([, s]) => s.signed).map(([id]) => id));
    this.facts = { adoptedIds, byConsensus, votedItems, signed };
    this.room.facts = this.facts;
    return this.facts;
  }

  /** Proposals adopted so far, with the effects they carry. */
  adoptedNow(): Map<string, Record<string, number>> {
    if (!this.adopted) {
      this.adopted = new Map();
      for (const p of this.view.scenario.proposals) if (this.view.targets[p.id]?.status === "adopted") this.adopted.set(p.id, this.currentEffects(p.id));
    }
    return new Map(this.adopted);
  }

  utility(w: World): number {
    const near = closeness(this.me.stance, this.me.weights, w.dimensions);
    const crossed = this.me.redLines.filter((p) => !holds(p, w, this.me.id)).length;
    const bonus = this.me.objectives.filter((o) => holds(o.when, w, this.me.id)).reduce((s, o) => s + o.bonus, 0);
    return near - this.penalty * crossed + bonus;
  }

  /** What adopting `target` would do for this delegation. */
  assess(target: string): Assessment {
    let a = this.assessed.get(target);
    if (!a) {
      a = this.assessNow(target);
      this.assessed.set(target, a);
    }
    return a;
  }

  private assessNow(target: string): Assessment {
    const proposal = this.proposalOf(target);
    if (!proposal) return { target, delta: 0, crosses: [], because: `${target} is unknown` };
    const now = this.adoptedNow();
    const withText = new Map(now);
    const baseline = new Map(now);
    let effects: Record<string, number>;
    let before: Record<string, number>;
    let extra: string[] = [];
    if (proposal.id === target) {
      effects = this.currentEffects(target);
      before = {};
      withText.set(target, effects);
    } else {
      // An amendment is judged against the proposal as it stands: both assume the proposal goes through.
      effects = proposal.amendments.find((a) => a.id === target)?.effects ?? {};
      before = this.currentEffects(proposal.id);
      baseline.set(proposal.id, before);
      withText.set(proposal.id, effects);
      extra = [target];
    }
    // The baseline is the same for every proposal (the world as it stands) and for every amendment of one
    // proposal: built and valued once per look.
    const key = proposal.id === target ? "" : proposal.id;
    let base = this.baselines.get(key);
    if (!base) {
      const world = this.world(baseline);
      base = { world, utility: this.utility(world) };
      this.baselines.set(key, base);
    }
    const w0 = base.world;
    const w1 = this.world(withText, extra);
    const delta = this.utility(w1) - base.utility;
    // A red line is crossed by a text when the text breaks it, or — if it is broken already — pushes further
    // past it: a delegation whose line was crossed by an earlier text still resists the next step.
    const crosses = this.me.redLines.filter((p) => !holds(p, w1, this.me.id) && (holds(p, w0, this.me.id) || beyond(p, w1) > beyond(p, w0) + 1e-9));
    let because: string | undefined;
    // The reason is only needed when the bot acts on this text: built on first read.
    const explain = () => (because ??= this.explain(target, before, effects, w0, w1, delta, crosses));
    return {
      target,
      delta,
      crosses,
      get because() {
        return explain();
      },
    };
  }

  private explain(target: string, before: Record<string, number>, after: Record<string, number>, w0: World, w1: World, delta: number, crosses: Predicate[]): string {
    if (crosses.length > 0) {
      const p = crosses[0] as Predicate;
      const dim = "dimension" in p ? p.dimension : undefined;
      const moved = dim ? `${dim} ${sign(own(w1.dimensions, dim) ?? 0)} crosses our red line (${describe(p)})` : `it crosses our red line (${describe(p)})`;
      return `${target}: ${moved}`;
    }
    // The dimension that matters most to us among those the text moves.
    let best = "";
    let bestWeight = -1;
    let total = 0;
    for (const w of Object.values(this.me.weights)) total += w;
    for (const [dim, w] of Object.entries(this.me.weights)) {
      const change = (own(after, dim) ?? 0) - (own(before, dim) ?? 0);
      if (change !== 0 && w * Math.abs(change) > bestWeight) {
        best = dim;
        bestWeight = w * Math.abs(change);
      }
    }
    if (!best) return `${target} changes nothing we weigh (utility ${sign(delta)})`;
    const weight = (own(this.me.weights, best) ?? 0) / (total || 1);
    return `${target}: ${best} ${sign(own(w0.dimensions, best) ?? 0)} → ${sign(own(w1.dimensions, best) ?? 0)} vs our ${sign(own(this.me.stance, best) ?? 0)} (weight ${fmt(weight)}), utility ${sign(delta)}`;
  }

  /** Share of the agenda behind us, in [0, 1]: the clock of the concession curve. */
  progress(): number {
    const items = Object.values(this.view.items);
    if (this.view.phase === "final_acts" || this.view.phase === "closed") return 1;
    return items.length === 0 ? 0 : items.filter((i) => i.status === "done").length / items.length;
  }

  /**
   * How much loss a delegation swallows before objecting, growing as time runs out: Boulware holds firm
   * until late, the conceder gives ground early (DESIGN §8).
   */
  tolerance(): number {
    return (this.tol ??= this.toleranceNow());
  }

  private tol: number | undefined;

  private toleranceNow(): number {
    const t = this.progress();
    const curve = this.me.personality.concession === "boulware" ? t * t * t : this.me.personality.concession === "conceder" ? 1 - (1 - t) * (1 - t) * (1 - t) : t;
    return 0.03 + 0.12 * curve;
  }
}

export { fmt, sign };

/** The procedure holds delegations' moves now: a vote under way, a suspension, or not a phase of debate. */
export function procedureHolds(v: View): boolean {
  return v.ballot !== null || v.suspended !== null || (v.phase !== "debate" && v.phase !== "decision");
}
