/** The engine's public face (DESIGN §2): everything else in engine/ is how it works inside. */
export { createGame, type GameOptions } from "./create.ts";
export { apply, applyParsed, check, parseAction, type ApplyInput, type ApplyResult } from "./apply.ts";
export { legalActions, type Legal, type LegalAction, type Refusal } from "./legal.ts";
export { viewFor, publicScenario, type View, type PublicScenario } from "./view.ts";
export { outcome, publicOutcome, type Outcome, type OutcomeDecision, type PublicOutcome } from "./outcome.ts";
export { hash } from "./hash.ts";
export { ENGINE_VERSION } from "./version.ts";
export type { GameEvent } from "./context.ts";
export * from "./actions.ts";
export * from "./state.ts";
