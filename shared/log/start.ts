import { createGame } from "../engine/create.ts";
import type { State } from "../engine/state.ts";
import { unknownVersionMessage } from "../engine/version.ts";
import { scenarios } from "../scenario/cache.ts";
import type { LogHeader } from "./format.ts";
import { NEUTRAL_CARDS } from "./publicScenario.ts";

export type Start =
  /** `cards`: the header holds the delegations' cards (false for a public export without them: no scores). */
  | { ok: true; state: State; public: boolean; cards: boolean }
  | { ok: false; code: string; message: string };

/**
 * The game a log starts from: createGame over the header's embedded scenario, rule, seed, mode and engine
 * version. The scenario goes through the process's cache (scenario/cache.ts), so a second log of the same
 * scenario is not validated again; its hash is checked against the header's wherever the cards are there.
 */
export function startOf(h: LogHeader): Start {
  const unknown = unknownVersionMessage(h.engine);
  if (unknown) return { ok: false, code: "log/engine-version", message: unknown };
  const isPublic = h.public === true;
  // A public export may carry the public scenario only: its cards were left out, and neutral ones stand in.
  const cards = !(isPublic && h.scenarioPublic === true);
  const loaded = cards ? scenarios.loadJson(h.scenario) : scenarios.loadJson(h.scenario, NEUTRAL_CARDS);
  if (!loaded.ok) {
    const first = loaded.issues[0];
    return { ok: false, code: "log/scenario-invalid", message: `The scenario embedded in the log is invalid: ${first?.path || "(root)"}: ${first?.message}` };
  }
  // The hash is of the whole scenario, cards and all: it can be checked only where the cards are.
  if (cards && loaded.hash !== h.scenarioHash) {
    return { ok: false, code: "log/scenario-hash", message: `The scenario embedded in the log does not match its hash (${h.scenarioHash}).` };
  }
  const state = createGame(loaded.scenario, { rule: h.rule, seed: h.seed, mode: isPublic ? "public" : "full", scenarioHash: cards ? loaded.hash : h.scenarioHash, engine: h.engine });
  return { ok: true, state, public: isPublic, cards };
}
