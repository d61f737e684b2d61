import type { AnyAction } from "./actions.ts";
import { applyParsed, type ApplyResult } from "./apply.ts";
import { reject } from "./context.ts";
import { copyRoot } from "./draft.ts";
import type { State } from "./state.ts";

/**
 * Actions whose author a public record hides (DESIGN §5, docs/log-format.md): the answer to an offer. Offer ids
 * count up in log order, so an answer's seat and offer id would pair the offer's maker with its recipient.
 */
export const ANONYMOUS_ANSWERS = new Set(["accept_offer", "decline_offer"]);

/**
 * One entry of a log as it stands in a public record: `by` null for an answer to an offer. Such an entry keeps
 * its place (the seq moves on) and changes nothing a public replay can see — offers are private to their two
 * parties, so a public state never shows them. Any other entry is applied as usual.
 */
export function applyEntry(state: State, by: string | null, action: AnyAction): ApplyResult {
  if (by !== null) return applyParsed(state, by, action);
  if (state.mode !== "public" || !ANONYMOUS_ANSWERS.has(action.type)) {
    return { ok: false, error: reject("log/anonymous-entry", "Only an answer to an offer, in a public record, may leave out who made it.") };
  }
  const next = copyRoot(state);
  next.seq += 1;
  return { ok: true, state: next, events: [] };
}
