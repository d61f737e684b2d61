import { digest } from "../util/digest.ts";
import type { State } from "./state.ts";

/** "sha256:" + hex of the canonical JSON of the state without the scenario body (scenarioHash stands for it). */
export function hash(state: State): string {
  return digest({ ...state, scenario: undefined });
}
