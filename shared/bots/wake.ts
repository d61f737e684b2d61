import { calledVoter } from "../engine/ballots.ts";
import { isSupported } from "../engine/rules/order.ts";
import { indexOf } from "../engine/scenarioIndex.ts";
import type { Seat, State } from "../engine/state.ts";
import type { View } from "../engine/view.ts";
import { hashString } from "../util/rng.ts";
import { positionAfter } from "../engine/world.ts";
import { brokersAmong, signalFrom, type SignalSource } from "./bloc.ts";

/**
 * What a bot that passed is waiting for (issue 12): the facts of its view that would change its mind. The
 * conductor asks a seat again only when one of the facts it named has changed since it passed (or a plan of
 * its own falls due), so a 193-seat plenary does not re-think every seat after every action.
 *
 * Every key is a fact of the seat's own view — the public record, plus the seat's own ballot and offers —
 * never anything another delegation holds privately. Keys are strings so that seats waiting on the same fact
 * share one entry:
 *   ballot              this seat's turn to vote: the open ballot while it has a vote to cast in it (in a
 *                       roll-call, once it is called)
 *   gate                what the procedure lets delegations do: phase, item, a suspension, a vote under way
 *   offers              this seat's offers and their statuses
 *   temperature         the question the chair is sounding, while this seat has not shown its placard
 *   phase               phase, item, concluded, suspension and the consensus call: the meeting's situation
 *   in:<phase>          whether the conference is in this phase
 *   debate:<item>       whether this item's debate is open
 *   returns             how many times items have come back after a postponement
 *   progress            how many agenda items are done (the concession curve's clock)
 *   world               what stands adopted (as amended, by consensus or not)
 *   votes               how many substantive votes have been held (a "no vote on item X" red line reads them)
 *   signed              who has signed the Final Acts
 *   status:<T>          a text's status
 *   open:<T>            whether a text is before the meeting (tabled or moved, not yet decided)
 *   needy:<T>           whether a text is before the meeting without the support it needs (a second)
 *   unopposed:<T>:<bloc>  whether a text is before the meeting and no member of this bloc objects to it
 *   worth:<dims>|<ids>  the part of the world a text's judgement reads (reach.ts): the position on these
 *                       dimensions and the adoption of these texts
 *   stale:<T>:<spec>:<print>  whether a text is before the meeting while worth:<spec> is no longer <print>:
 *                       a bot that judged it not worth a move waits for it in a world where it may be
 *   supported:<T>       whether a text has the support it needs to be decided
 *   signal:<L>:<T>      what delegation L has shown in public about text T (bloc.ts)
 *   side:<T>:<bloc>     whether a member of this bloc objects to T
 *   objectors:<T>       who objects to T
 *   objected:<T>:<D>    whether anyone but delegation D objects to T
 *   brokers:<T>:<D>     the weightiest objectors to T but D, with whom D could make a deal (bloc.ts)
 *   requests:<T>        whether a vote was asked for or granted on T
 *   backing:<D>         the texts delegation D has seconded or co-sponsored
 */
export type WakeKey = string;
type Value = string | number | boolean;

/**
 * The parts of the state a key reads ("roots"): after an action, only keys whose roots changed (by
 * reference: states share unchanged branches) are evaluated again.
 *   offers, items, targets, ballots, signatures, voteRequests: that field of the state
 *   ballotId: which ballot is open (a vote cast changes the ballot, not this: the voter is the one who acted)
 *   called: in a roll-call, the delegation called now
 *   ballotOn:<T>: the open ballot, if it is on text T
 *   temperatureOn: which question the chair is sounding (a placard shown changes only the one who showed it)
 *   meeting: phase, item, concluded, suspension, consensus call
 *   adoptions: what stands adopted (a text's tabling or an objection leaves it as it was)
 *   t:<T>: one text's record
 */
export type Root = string;

interface Parsed {
  kind: string;
  a: string;
  b: string;
  roots: Root[];
  personal: boolean;
}

const parsed = new Map<WakeKey, Parsed>();

export function parse(key: WakeKey): Parsed {
  let p = parsed.get(key);
  if (p) return p;
  const [kind, a, b] = split(key);
  p = { kind, a, b, roots: rootsOf(kind, a, b), personal: kind === "ballot" || kind === "offers" || kind === "temperature" };
  // Keys name the texts, items and delegations of the games being played: bounded, but kept from growing.
  if (parsed.size > 50_000) parsed.clear();
  parsed.set(key, p);
  return p;
}

function rootsOf(kind: string, a: string, b: string): Root[] {
  switch (kind) {
    case "ballot":
      return ["ballotId", "called"];
    case "offers":
      return ["offers"];
    case "temperature":
      return ["temperatureOn"];
    case "gate":
      return ["meeting", "ballotId"];
    case "phase":
    case "in":
    case "debate":
      return ["meeting"];
    case "progress":
    case "returns":
      return ["items"];
    case "world":
    case "worth":
      return ["adoptions"];
    case "stale":
      return ["adoptions", `t:${a}`];
    case "votes":
      return ["ballots"];
    case "signed":
      return ["signatures"];
    case "backing":
      return ["targets"];
    case "signal":
      return [`t:${b}`, `ballotOn:${b}`, "voteRequests"];
    case "requests":
      return [`t:${a}`, "voteRequests"];
    default:
      return [`t:${a}`];
  }
}

/** Whether a root differs between two states. */
export function rootChanged(before: State, after: State, root: Root): boolean {
  switch (root) {
    case "meeting":
      return before.phase !== after.phase || before.item !== after.item || before.concluded !== after.concluded || before.suspended !== after.suspended || before.consensus !== after.consensus;
    case "adoptions":
      return before.targets !== after.targets && worldKey(before) !== worldKey(after);
    case "ballotId":
      return before.ballot?.id !== after.ballot?.id;
    case "called":
      return before.ballot !== after.ballot && (before.ballot ? calledVoter(before.ballot) : null) !== (after.ballot ? calledVoter(after.ballot) : null);
    case "temperatureOn":
      return before.temperature?.target !== after.temperature?.target;
    case "offers":
    case "items":
    case "targets":
    case "ballots":
    case "signatures":
    case "voteRequests":
      return before[root] !== after[root];
    default:
      if (root.startsWith("ballotOn:")) {
        const t = root.slice("ballotOn:".length);
        return before.ballot !== after.ballot && (before.ballot?.target === t || after.ballot?.target === t);
      }
      return before.targets !== after.targets && before.targets[root.slice(2)] !== after.targets[root.slice(2)];
  }
}

function split(key: WakeKey): [string, string, string] {
  const i = key.indexOf(":");
  if (i < 0) return [key, "", ""];
  const rest = key.slice(i + 1);
  const j = rest.indexOf(":");
  return j < 0 ? [key.slice(0, i), rest, ""] : [key.slice(0, i), rest.slice(0, j), rest.slice(j + 1)];
}

/** Whether a key's value differs from one seat to another (then it is computed per seat). */
export function isPersonal(key: WakeKey): boolean {
  return parse(key).personal;
}

function isOpen(s: State, target: string): boolean {
  const status = s.targets[target]?.status;
  return status === "tabled" || status === "moved";
}

function sideObjects(s: State, target: string, bloc: string): boolean {
  const t = s.targets[target];
  if (!t) return false;
  const ix = indexOf(s.scenario);
  return Object.keys(t.objections).some((d) => ix.delegation.get(d)?.blocs.includes(bloc) ?? false);
}

type OpenBallot = NonNullable<State["ballot"]>;
const casters = new WeakMap<object, Map<Seat, string[]>>();
const castSets = new WeakMap<object, Set<string>>();
/** Who casts each voter's ballot (itself or its proxy), once per ballot; who has voted, once per cast list. */
function castersOf(b: OpenBallot): { voters: Map<Seat, string[]>; cast: Set<string> } {
  let voters = casters.get(b.voters);
  if (!voters) {
    voters = new Map();
    for (const v of b.voters) {
      const by = b.proxies[v] ?? v;
      voters.set(by, [...(voters.get(by) ?? []), v]);
    }
    casters.set(b.voters, voters);
  }
  let cast = castSets.get(b.cast);
  if (!cast) castSets.set(b.cast, (cast = new Set(b.cast.map((c) => c.voter))));
  return { voters, cast };
}

const heavies = new WeakMap<object, string[]>();
const choiceMaps = new WeakMap<object, Map<string, string>>();
/** The parts of a state a bloc signal reads, as the room sees them: no choice of a secret ballot. */
function signalsOf(s: State): SignalSource {
  const ballot = s.ballot;
  return {
    targets: s.targets,
    scenario: s.scenario,
    voteRequests: s.voteRequests,
    ballot,
    choiceOf(d) {
      if (!ballot || ballot.method === "secret") return undefined;
      let choices = choiceMaps.get(ballot.cast);
      if (!choices) {
        choices = new Map();
        for (const c of ballot.cast) if (c.choice !== null) choices.set(c.voter, c.choice);
        choiceMaps.set(ballot.cast, choices);
      }
      return choices.get(d);
    },
  };
}

/** The value of a key for `seat` in state `s`. */
export function valueOf(s: State, seat: Seat, key: WakeKey): Value {
  const { kind, a, b } = parse(key);
  switch (kind) {
    case "ballot": {
      const ballot = s.ballot;
      if (!ballot) return "";
      if (ballot.method === "roll_call") {
        const called = calledVoter(ballot);
        return called !== null && (called === seat || ballot.proxies[called] === seat) ? ballot.id : "";
      }
      const { voters, cast } = castersOf(ballot);
      // Ours to cast: as a voter, or as the holder of another's proxy, while that vote is not in.
      for (const voter of voters.get(seat) ?? []) if (!cast.has(voter)) return ballot.id;
      return "";
    }
    case "gate":
      return `${s.phase}|${s.item}|${s.suspended === null ? "" : "suspended"}|${s.ballot === null ? "" : "voting"}`;
    case "offers": {
      let out = "";
      for (const o of s.offers) if (o.from === seat || o.to === seat) out += `${o.id}:${o.status};`;
      return out;
    }
    case "temperature":
      return s.temperature && s.temperature.placards[seat] === undefined ? s.temperature.target : "";
    case "phase":
      return `${s.phase}|${s.item}|${s.concluded}|${s.suspended === null ? "" : "suspended"}|${s.consensus?.target ?? ""}|${s.consensus?.consulted ?? ""}`;
    case "in":
      return s.phase === a;
    case "debate":
      return s.phase === "debate" && s.item === a;
    case "progress":
      return Object.values(s.items).filter((i) => i.status === "done").length;
    case "returns": {
      let n = 0;
      for (const i of Object.values(s.items)) n += i.returns;
      return n;
    }
    case "world":
      return worldKey(s);
    case "votes": {
      let votes = 0;
      for (const b of s.ballots) if (b.question === "substantive") votes += 1;
      return votes;
    }
    case "signed": {
      let signed = "";
      for (const [id, sig] of Object.entries(s.signatures)) if (sig.signed) signed += `${id},`;
      return signed;
    }
    case "status": {
      const t = s.targets[a];
      return t ? `${t.status}|${t.amendedBy ?? ""}` : "";
    }
    case "open":
      return isOpen(s, a);
    case "needy":
      return isOpen(s, a) && !isSupported(s.targets[a], indexOf(s.scenario).target.get(a)?.sponsors ?? []);
    case "unopposed":
      return isOpen(s, a) && !sideObjects(s, a, b);
    case "stale": {
      const status = s.targets[a]?.status;
      if (status !== "tabled" && status !== "moved") return false;
      const cut = b.lastIndexOf(":");
      return worthPrint(s, b.slice(0, cut)) !== b.slice(cut + 1);
    }
    case "worth":
      return worthPrint(s, key.slice("worth:".length));
    case "supported":
      return isSupported(s.targets[a], indexOf(s.scenario).target.get(a)?.sponsors ?? []);
    case "signal":
      return signalFrom(signalsOf(s), a, b).sign;
    case "side":
      return sideObjects(s, a, b);
    case "objectors":
      return Object.keys(s.targets[a]?.objections ?? {}).sort().join(",");
    case "objected":
      return Object.keys(s.targets[a]?.objections ?? {}).some((d) => d !== b);
    case "brokers": {
      // The four weightiest objectors (bloc.ts ranks them) hold the three weightiest but anyone's own.
      const t = s.targets[a];
      if (!t) return "";
      let heavy = heavies.get(t);
      if (!heavy) heavies.set(t, (heavy = brokersAmong(s as unknown as Pick<View, "scenario">, Object.keys(t.objections), 4)));
      return heavy.filter((d) => d !== b).slice(0, 3).join(",");
    }
    case "requests":
      return `${s.targets[a]?.voteRequested ?? false}|${s.voteRequests.filter((r) => r.target === a).length}`;
    case "backing": {
      let out = "";
      for (const [id, t] of Object.entries(s.targets)) if (t.seconders.includes(a) || t.cosponsors.includes(a)) out += `${id},`;
      return out;
    }
    default:
      throw new Error(`unknown wake key "${key}"`);
  }
}

const positions = new WeakMap<object, Record<string, number>>();
const worthPrints = new WeakMap<object, Map<string, string>>();
/**
 * The part of the world a judgement reads (reach.ts, Dependence.spec "dims|ids"), fingerprinted: the position
 * on those dimensions, and each named text's adoption (and whether by consensus).
 */
type Texts = { targets: State["targets"]; scenario: Pick<State["scenario"], "proposals" | "dimensions"> };
export function worthPrint(s: Texts, spec: string): string {
  let bySpec = worthPrints.get(s.targets);
  if (!bySpec) worthPrints.set(s.targets, (bySpec = new Map()));
  let p = bySpec.get(spec);
  if (p !== undefined) return p;
  let position = positions.get(s.targets);
  if (!position) positions.set(s.targets, (position = positionOfTargets(s)));
  const [dims = "", ids = ""] = spec.split("|");
  let text = "";
  for (const d of dims ? dims.split(",") : []) text += `${position[d] ?? 0};`;
  text += "|";
  for (const id of ids ? ids.split(",") : []) {
    const t = s.targets[id];
    text += t?.status === "adopted" ? (t.decision?.by === "consensus" ? "c;" : "a;") : "-;";
  }
  p = hashString(text).toString(36);
  bySpec.set(spec, p);
  return p;
}

function positionOfTargets(s: Texts): Record<string, number> {
  const effects: Record<string, number>[] = [];
  for (const p of s.scenario.proposals) {
    const t = s.targets[p.id];
    if (t?.status !== "adopted") continue;
    const by = t.amendedBy;
    effects.push((by ? p.amendments.find((a) => a.id === by)?.effects : undefined) ?? p.effects);
  }
  return positionAfter(s.scenario, effects);
}

const worldKeys = new WeakMap<object, string>();
/** What a text's worth depends on (outlook.ts), besides votes and signatures: the adoptions, as amended. */
function worldKey(s: Pick<State, "targets">): string {
  let adopted = worldKeys.get(s.targets);
  if (adopted === undefined) {
    adopted = "";
    for (const [id, t] of Object.entries(s.targets)) if (t.status === "adopted") adopted += `${id}:${t.amendedBy ?? ""}:${t.decision?.by === "consensus" ? "c" : ""};`;
    worldKeys.set(s.targets, adopted);
  }
  return adopted;
}
