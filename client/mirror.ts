import { createGame, parseAction, type State } from "../shared/engine/index.ts";
import { applyEntry } from "../shared/engine/redacted.ts";
import { withNeutralCards } from "../shared/log/publicScenario.ts";
import type { PublicScenario } from "../shared/engine/view.ts";
import { loadScenario } from "../shared/scenario/load.ts";
import type { Scenario } from "../shared/scenario/schema.ts";
import type { RecordLine } from "../shared/protocol/messages.ts";

/**
 * The client's copy of the game: the shared engine, in public mode, replaying the server's public record line
 * by line. Not an optimistic prediction: every line is an action the server already accepted and logged, so
 * the copy shows exactly what the server's public view shows — with the engine's own shapes, the same ones
 * the replay viewer renders.
 */
/** The public scenario with neutral cards (the rules never read a card; only scores do). */
export function scenarioFromPublic(pub: PublicScenario): Scenario {
  const loaded = loadScenario(withNeutralCards(pub));
  if (!loaded.ok) throw new Error(`the server's public scenario does not load: ${loaded.issues[0]?.path}: ${loaded.issues[0]?.message}`);
  return loaded.scenario;
}

export class PublicMirror {
  state: State;
  private applied = 0;

  constructor(scenario: Scenario, rule: "consensus" | "majority", seed: number, engine: string) {
    this.state = createGame(scenario, { rule, seed, mode: "public", scenarioHash: "sha256:public-mirror", engine });
  }

  /** Applies the lines not applied yet; returns false when a line does not apply (the copy needs a resync). */
  catchUp(lines: readonly RecordLine[]): boolean {
    for (let i = this.applied; i < lines.length; i++) {
      const line = lines[i] as RecordLine;
      if (line.entry.seq !== this.state.seq + 1) return false;
      const parsed = parseAction(this.state, line.entry.action);
      if (!parsed.ok) return false;
      const r = applyEntry(this.state, line.entry.by, parsed.action);
      if (!r.ok) return false;
      this.state = r.state;
      this.applied = i + 1;
    }
    return true;
  }
}
