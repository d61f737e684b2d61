import { createGame, type State } from "../shared/engine/index.ts";
import { LogFold } from "../shared/log/fold.ts";
import { NEUTRAL_CARDS } from "../shared/log/publicScenario.ts";
import type { PublicScenario } from "../shared/engine/view.ts";
import { scenarios } from "../shared/scenario/cache.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { RecordLine } from "../shared/protocol/messages.ts";

/**
 * The client's copy of the game: the shared engine, in public mode, replaying the server's public record line
 * by line. Not an optimistic prediction: every line is an action the server already accepted and logged, so
 * the copy shows exactly what the server's public view shows — with the engine's own shapes, the same ones
 * the replay viewer renders.
 */
/**
 * The public scenario with neutral cards (the rules never read a card; only scores do), through the scenario
 * cache: a resync rebuilds the copy without validating the scenario again.
 */
export function scenarioFromPublic(pub: PublicScenario): Scenario {
  const loaded = scenarios.loadJson(pub, NEUTRAL_CARDS);
  if (!loaded.ok) throw new Error(`the server's public scenario does not load: ${loaded.issues[0]?.path}: ${loaded.issues[0]?.message}`);
  return loaded.scenario;
}

export class PublicMirror {
  /** The record's lines, one by one, through the replay fold (shared/log/fold.ts); a record has no checkpoint. */
  private readonly fold: LogFold;
  private applied = 0;

  constructor(scenario: Scenario, rule: "consensus" | "majority", seed: number, engine: string) {
    this.fold = new LogFold(createGame(scenario, { rule, seed, mode: "public", scenarioHash: "sha256:public-mirror", engine }));
  }

  get state(): State {
    return this.fold.state;
  }

  /**
   * Applies the lines not applied yet; returns false when a line does not apply, is out of step, or carries a
   * result the ballots do not give (the copy needs a resync).
   */
  catchUp(lines: readonly RecordLine[]): boolean {
    for (let i = this.applied; i < lines.length; i++) {
      if (this.fold.entry((lines[i] as RecordLine).entry)) return false;
      this.applied = i + 1;
    }
    return true;
  }
}
