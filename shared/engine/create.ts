import type { Rule, Scenario } from "../scenario/schema.ts";
import { scenarioHash as hashScenario } from "../scenario/load.ts";
import { seedRng } from "../util/rng.ts";
import { indexOf } from "./scenarioIndex.ts";
import type { ItemState, State, TargetState } from "./state.ts";
import { ENGINE_VERSION, since, unknownVersionMessage } from "./version.ts";

export interface GameOptions {
  rule?: Rule;
  seed?: number;
  /** "public" when rebuilding from a public export. */
  mode?: "full" | "public";
  /** Skips re-hashing a scenario whose hash the caller already has (a 193-delegation scenario is large). */
  scenarioHash?: string;
  /**
   * The engine version whose rules the game follows (default: this engine's). A replay passes its log's, so
   * an old game rebuilds under the rules it was played by (version gates, docs/log-format.md).
   */
  engine?: string;
}

/** A new game in its opening phase. The scenario must be resolved (loadScenario). */
export function createGame(scenario: Scenario, options: GameOptions = {}): State {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const engine = options.engine ?? ENGINE_VERSION;
  const unknown = unknownVersionMessage(engine);
  if (unknown) throw new RangeError(unknown);
  const ix = indexOf(scenario);
  const targets: Record<string, TargetState> = {};
  for (const id of ix.target.keys()) {
    targets[id] = {
      status: "draft",
      order: 0,
      seconders: [],
      cosponsors: [],
      objections: {},
      voteRequested: false,
      methodRequests: {},
      postponements: 0,
      revote: false,
      amendedBy: null,
      decision: null,
    };
  }
  const items: Record<string, ItemState> = {};
  for (const a of scenario.agenda) items[a.id] = { status: "pending", returns: 0, adjourned: false };
  const state: State = {
    scenario,
    scenarioHash: options.scenarioHash ?? hashScenario(scenario),
    engine,
    rule: options.rule ?? scenario.rule,
    seed,
    mode: options.mode ?? "full",
    rng: seedRng(seed),
    seq: 0,
    counters: { step: 1, ballot: 0, offer: 0, point: 0, ruling: 0, motion: 0, request: 0, order: 0 },
    phase: "opening",
    suspended: null,
    steps: [{ id: "S1", kind: "opening", minutes: scenario.timing.openingMinutes }],
    item: null,
    items,
    postponedItems: [],
    queue: [],
    concluded: false,
    floor: { holder: null, speakers: [], closed: false, spoken: [] },
    lastSpeech: null,
    targets,
    consensus: null,
    temperature: null,
    lastTemperature: null,
    ballot: null,
    ballots: [],
    explained: {},
    points: [],
    rulings: [],
    motions: [],
    voteRequests: [],
    offers: [],
    walkedOut: {},
    signatures: {},
    soleObjections: {},
    chair: { legitimacy: 100, overrules: 0 },
  };
  if (since(state, "proceduralLimits")) state.chains = { item: null, by: {} };
  return state;
}
