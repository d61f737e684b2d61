import type { Choice } from "./actions.ts";
import { judgeOffers, type PledgeJudgement } from "./pledges.ts";
import { indexOf } from "./scenarioIndex.ts";
import type { Scenario, ResolvedDelegation } from "../scenario/schema.ts";
import { calledVoter, countBallots, majorityRuleOf, questionLabel } from "./ballots.ts";
import { describeThreshold } from "./rules/majority.ts";
import { CHAIR, type Ballot, type Cast, type ClosedBallot, type Offer, type Seat, type State, type Tally } from "./state.ts";

/**
 * What one seat may see (DESIGN §9): the public state for everyone, plus a delegation's own briefing,
 * objectives, offers, ballots and pledges. Secret ballots and private offers never appear in anyone
 * else's view: the server sends nothing to a client that did not come out of here.
 */

export interface PublicBallot {
  id: string;
  target: string;
  question: Ballot["question"];
  method: Ballot["method"];
  threshold: Ballot["threshold"];
  basis: Ballot["basis"];
  revote: boolean;
  voters: string[];
  proxies: Record<string, string>;
  /** Who has cast a ballot so far (never what, in a secret ballot). */
  voted: string[];
  /** Show of hands and roll-call: each choice is seen in the room. Secret: empty until the tally. */
  choices: Record<string, Choice>;
  /** Running counts, except in a secret ballot. */
  counts: Tally | null;
  /** Roll-call: the delegation called now. */
  called: string | null;
  /** The question in words ("P1 (title)", "the appeal against ruling R1", …). */
  subject: string;
  /** What it needs to pass, in words, from the rule that will decide it. */
  needed: string;
}

export interface PublicClosedBallot extends Omit<ClosedBallot, "cast"> {
  voted: string[];
  choices: Record<string, Choice>;
}

export interface PrivateView {
  delegation: Omit<ResolvedDelegation, "present"> & { present: boolean };
  offers: Offer[];
  /** Ballot id → this delegation's own choice (as principal or proxy holder). */
  ballots: Record<string, { for: string; choice: Choice | null }[]>;
  pledges: PledgeJudgement[];
}

export interface View {
  seat: Seat;
  /** The public scenario (shared, never copied): texts, agenda, who is at the conference. */
  scenario: PublicScenario;
  mode: State["mode"];
  seq: number;
  rule: State["rule"];
  phase: State["phase"];
  suspended: State["suspended"];
  step: State["steps"][number] | null;
  steps: State["steps"];
  item: string | null;
  items: State["items"];
  postponedItems: string[];
  queue: string[];
  concluded: boolean;
  floor: State["floor"];
  lastSpeech: State["lastSpeech"];
  targets: State["targets"];
  consensus: State["consensus"];
  temperature: State["temperature"];
  lastTemperature: State["lastTemperature"];
  ballot: PublicBallot | null;
  ballots: PublicClosedBallot[];
  explained: State["explained"];
  points: State["points"];
  rulings: Omit<State["rulings"][number], "undo">[];
  motions: State["motions"];
  voteRequests: State["voteRequests"];
  walkedOut: State["walkedOut"];
  signatures: State["signatures"];
  soleObjections: State["soleObjections"];
  chair: State["chair"];
  /** Present for a delegation's own seat only. */
  private: PrivateView | null;
}

function visibleChoices(method: Ballot["method"], cast: readonly Cast[]): Record<string, Choice> {
  const out: Record<string, Choice> = {};
  if (method === "secret") return out;
  for (const c of cast) if (c.choice !== null) out[c.voter] = c.choice;
  return out;
}

const votersOf = (cast: readonly Cast[]) => cast.map((c) => c.voter).sort();

const openCache = new WeakMap<Ballot, PublicBallot>();

/** The open ballot as everyone sees it; computed once per ballot object and shared by every seat's view. */
function publicBallot(b: Ballot, s: State): PublicBallot {
  const cached = openCache.get(b);
  if (cached) return cached;
  const secret = b.method === "secret";
  const out: PublicBallot = {
    id: b.id,
    target: b.target,
    question: b.question,
    method: b.method,
    threshold: b.threshold,
    basis: b.basis,
    revote: b.revote,
    voters: b.voters,
    proxies: b.proxies,
    voted: votersOf(b.cast),
    choices: visibleChoices(b.method, b.cast),
    counts: secret ? null : countBallots(b.cast),
    called: calledVoter(b),
    subject: questionLabel({ ix: indexOf(s.scenario), s }, b.question, b.target),
    needed: describeThreshold(majorityRuleOf(indexOf(s.scenario), b)),
  };
  openCache.set(b, out);
  return out;
}

// States share unchanged branches, so a closed ballot list is the same array from state to state until a
// ballot closes: its public form is computed once per list, not once per view.
const closedCache = new WeakMap<readonly ClosedBallot[], PublicClosedBallot[]>();

function publicClosedBallots(list: readonly ClosedBallot[]): PublicClosedBallot[] {
  let out = closedCache.get(list);
  if (!out) {
    out = list.map(({ cast, ...rest }) => ({ ...rest, voted: votersOf(cast), choices: visibleChoices(rest.method, cast) }));
    closedCache.set(list, out);
  }
  return out;
}

const rulingsCache = new WeakMap<State["rulings"], View["rulings"]>();

function publicRulings(list: State["rulings"]): View["rulings"] {
  let out = rulingsCache.get(list);
  if (!out) {
    out = list.map(({ undo: _undo, ...r }) => r);
    rulingsCache.set(list, out);
  }
  return out;
}

type MyBallots = PrivateView["ballots"][string];
const byCaster = new WeakMap<object, Map<string, MyBallots>>();

/** A ballot's entries grouped by the delegation that cast them (itself, or as proxy holder); built once. */
function castBy(b: { cast: readonly Cast[] }, proxies: Record<string, string>): Map<string, MyBallots> {
  let index = byCaster.get(b);
  if (!index) {
    index = new Map();
    for (const { voter: principal, choice } of b.cast) {
      for (const caster of new Set([principal, proxies[principal] ?? principal])) {
        const list = index.get(caster) ?? [];
        list.push({ for: principal, choice });
        index.set(caster, list);
      }
    }
    byCaster.set(b, index);
  }
  return index;
}

const offersCache = new WeakMap<readonly Offer[], Map<string, Offer[]>>();

/** A seat's own offers; the list changes only when an offer does, so it is split by party once per list. */
function offersOf(all: readonly Offer[], id: string): Offer[] {
  let bySeat = offersCache.get(all);
  if (!bySeat) {
    bySeat = new Map();
    for (const o of all) {
      for (const party of [o.from, o.to]) {
        if (party === null) continue;
        const list = bySeat.get(party) ?? [];
        if (!list.includes(o)) list.push(o);
        bySeat.set(party, list);
      }
    }
    offersCache.set(all, bySeat);
  }
  return bySeat.get(id) ?? [];
}

function privateView(s: State, id: string): PrivateView | null {
  const d = indexOf(s.scenario).delegation.get(id);
  if (!d) return null;
  const ballots: PrivateView["ballots"] = {};
  for (const b of s.ballots) {
    const mine = castBy(b, {}).get(id);
    if (mine) ballots[b.id] = mine;
  }
  if (s.ballot) {
    // The open ballot is a new object after every vote: a scan for this seat, not an index of everyone's.
    const proxies = s.ballot.proxies;
    const mine: MyBallots = [];
    for (const { voter, choice } of s.ballot.cast) if (voter === id || proxies[voter] === id) mine.push({ for: voter, choice });
    if (mine.length) ballots[s.ballot.id] = mine;
  }
  const offers = offersOf(s.offers, id);
  return {
    delegation: d,
    offers,
    ballots,
    pledges: offers.some((o) => o.status === "accepted") ? judgeOffers(s, offers) : [],
  };
}

/** The view of `seat`: a delegation id, "chair", or anything else (an observer) for the public part alone. */
export function viewFor(s: State, seat: Seat): View {
  return {
    seat,
    scenario: publicScenarioOf(s.scenario, s.phase === "closed"),
    mode: s.mode,
    seq: s.seq,
    rule: s.rule,
    phase: s.phase,
    suspended: s.suspended,
    step: s.steps[s.steps.length - 1] ?? null,
    steps: s.steps,
    item: s.item,
    items: s.items,
    postponedItems: s.postponedItems,
    queue: s.queue,
    concluded: s.concluded,
    floor: s.floor,
    lastSpeech: s.lastSpeech,
    targets: s.targets,
    consensus: s.consensus,
    temperature: s.temperature,
    lastTemperature: s.lastTemperature,
    ballot: s.ballot ? publicBallot(s.ballot, s) : null,
    ballots: publicClosedBallots(s.ballots),
    explained: s.explained,
    points: s.points,
    rulings: publicRulings(s.rulings),
    motions: s.motions,
    voteRequests: s.voteRequests,
    walkedOut: s.walkedOut,
    signatures: s.signatures,
    soleObjections: s.soleObjections,
    chair: s.chair,
    private: seat === CHAIR ? null : privateView(s, seat),
  };
}

/**
 * The scenario as every player may read it: texts, agenda, dimensions, blocs and who is at the conference,
 * without any delegation's stance, weights, red lines, objectives, briefing or personality. The historical
 * record is held back until the conference has closed.
 */
export function publicScenario(scenario: Scenario, closed = false) {
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    rule: scenario.rule,
    dimensions: scenario.dimensions,
    blocs: scenario.blocs.map(({ template: _t, ...b }) => b),
    delegations: scenario.delegations.map((d) => ({
      id: d.id,
      name: d.name,
      sortKey: d.sortKey,
      blocs: d.blocs,
      votingRight: d.votingRight,
      present: d.present,
      maySign: d.maySign,
      proxyTo: d.proxyTo ?? null,
      influence: d.influence,
      playable: d.playable,
    })),
    chair: scenario.chair,
    proposals: scenario.proposals,
    agenda: scenario.agenda,
    timing: scenario.timing,
    scoring: scenario.scoring,
    history: closed ? (scenario.history ?? null) : null,
  };
}
export type PublicScenario = ReturnType<typeof publicScenario>;

const publicCache = new WeakMap<Scenario, { open: PublicScenario; closed: PublicScenario }>();

/** publicScenario, built once per scenario object so that every view can carry it for free. */
export function publicScenarioOf(scenario: Scenario, closed: boolean): PublicScenario {
  let cached = publicCache.get(scenario);
  if (!cached) {
    cached = { open: publicScenario(scenario, false), closed: publicScenario(scenario, true) };
    publicCache.set(scenario, cached);
  }
  return closed ? cached.closed : cached.open;
}
