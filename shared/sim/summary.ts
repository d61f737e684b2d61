import { hash } from "../engine/hash.ts";
import { outcome } from "../engine/outcome.ts";
import type { State, Tally } from "../engine/state.ts";
import { own } from "../util/own.ts";

/** One game as `plenipo simulate --json` and `plenipo replay --json` print it (DESIGN §6). */
export interface GameSummary {
  scenario: string;
  rule: string;
  seed: number;
  seq: number;
  finalHash: string;
  phase: string;
  /** Present and true when rebuilt from a public export. */
  public?: true;
  decisions: {
    target: string;
    status: string;
    by: string;
    tally?: Tally;
    seq: number;
    reason: string;
  }[];
  outcome: Record<string, number>;
  signed: string[];
  declined: string[];
  scores: Record<string, number>;
}

/**
 * `cards: false` for a public replay without the delegations' cards (a public export): nothing of a score can
 * be known there, so `scores` is empty.
 */
export function summarize(state: State, options: { cards?: boolean } = {}): GameSummary {
  const o = outcome(state);
  const summary: GameSummary = {
    scenario: state.scenario.id,
    rule: state.rule,
    seed: state.seed,
    seq: state.seq,
    finalHash: hash(state),
    phase: state.phase,
    decisions: o.decisions.map((d) => ({
      target: d.target,
      status: d.status,
      by: d.by,
      ...(d.tally ? { tally: d.tally } : {}),
      seq: d.seq,
      reason: d.reason,
    })),
    outcome: o.dimensions,
    signed: o.signed,
    declined: o.declined,
    scores: options.cards === false ? {} : o.scores,
  };
  if (state.mode === "public") summary.public = true;
  return summary;
}

/** One game's line in the aggregate: the summary without the scores (which the aggregate averages). */
export type GameRow = Omit<GameSummary, "scores" | "scenario" | "rule"> & { replayed?: boolean };

/** The aggregate `plenipo simulate --games N --json` prints. */
export interface Aggregate {
  games: number;
  closed: number;
  /** With --verify: how many logs replayed to their game's final hash. */
  replayed?: number;
  adoptionRate: Record<string, number>;
  meanOutcome: Record<string, number>;
  meanSigned: number;
  meanScores: Record<string, number>;
  /** Every game, in seed order: what calibration (npm run calibrate) reads. */
  perGame: GameRow[];
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;

export class Aggregator {
  private games = 0;
  private closed = 0;
  private adopted: Record<string, number> = {};
  private outcome: Record<string, number> = {};
  private signed = 0;
  private scores: Record<string, number> = {};
  private rows: GameRow[] = [];
  private replayed: number | undefined;

  constructor(targets: readonly string[]) {
    for (const t of targets) this.adopted[t] = 0;
  }

  add(s: GameSummary, replayed?: boolean): void {
    this.games += 1;
    const { scores: _scores, scenario: _scenario, rule: _rule, ...row } = s;
    this.rows.push(replayed === undefined ? row : { ...row, replayed });
    if (replayed !== undefined) this.replayed = (this.replayed ?? 0) + (replayed ? 1 : 0);
    if (s.phase === "closed") this.closed += 1;
    for (const d of s.decisions) if (d.status === "adopted") this.adopted[d.target] = (this.adopted[d.target] ?? 0) + 1;
    for (const [k, v] of Object.entries(s.outcome)) this.outcome[k] = (own(this.outcome, k) ?? 0) + v;
    this.signed += s.signed.length;
    for (const [k, v] of Object.entries(s.scores)) this.scores[k] = (this.scores[k] ?? 0) + v;
  }

  result(): Aggregate {
    const n = Math.max(1, this.games);
    const mean = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v / n)]));
    return {
      games: this.games,
      closed: this.closed,
      ...(this.replayed !== undefined ? { replayed: this.replayed } : {}),
      adoptionRate: mean(this.adopted),
      meanOutcome: mean(this.outcome),
      meanSigned: round(this.signed / n),
      meanScores: mean(this.scores),
      perGame: this.rows,
    };
  }
}
