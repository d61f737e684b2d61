import { digestImmutable } from "../util/digest.ts";
import type { State } from "./state.ts";

/**
 * "sha256:" + hex of the canonical JSON of the state without the scenario body (scenarioHash stands for it).
 * States are immutable and share unchanged branches, so their encoding is reused from one hash to the next.
 */
export function hash(state: State): string {
  const { scenario: _scenario, ...rest } = state;
  return digestImmutable(rest);
}
