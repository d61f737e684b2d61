import { ACTION_TYPES, type Action, type ActionType } from "./actions.ts";
import { query } from "./apply.ts";
import { reject } from "./context.ts";
import { gateCode, gateMessage } from "./gate.ts";
import { SPECS } from "./specs/index.ts";
import type { Spec } from "./specs/spec.ts";
import { CHAIR, SYSTEM, type Seat, type State } from "./state.ts";

export interface LegalAction {
  action: Action;
  /** Fields the actor fills in before sending (a speech's text, an offer's pledges). */
  free: string[];
}

export interface Refusal {
  type: ActionType;
  code: string;
  message: string;
}

export interface Legal {
  /** Every concrete action this seat may take now (free fields empty). */
  actions: LegalAction[];
  /** Each other action type of this kind of seat, with the reason it is refused now. */
  refused: Refusal[];
}

export function seatKind(by: Seat): "chair" | "system" | "delegation" {
  return by === CHAIR ? "chair" : by === SYSTEM ? "system" : "delegation";
}

/**
 * What a seat may do now, and why everything else it could do is refused. The same checks as apply(): the
 * UI enables buttons from it, bots choose from it, tests compare it with apply.
 */
const BY_KIND: Record<"chair" | "system" | "delegation", [ActionType, Spec<ActionType>][]> = { chair: [], system: [], delegation: [] };
for (const type of ACTION_TYPES) {
  const spec = SPECS[type] as Spec<ActionType>;
  BY_KIND[spec.seat].push([type, spec]);
}

export interface LegalOptions {
  /** Report why each other action is refused (default). Bots in a simulation skip it: they never read it. */
  reasons?: boolean;
}

export function legalActions(state: State, by: Seat, options: LegalOptions = {}): Legal {
  const reasons = options.reasons ?? true;
  const q = query(state);
  const kind = seatKind(by);
  if (kind === "delegation" && !q.ix.delegation.has(by)) return { actions: [], refused: [] };
  const actions: LegalAction[] = [];
  const refused: Refusal[] = [];
  for (const [type, spec] of BY_KIND[kind]) {
    const closed = gateCode(q, spec, type, by);
    if (closed !== null) {
      if (reasons) refused.push({ type, code: closed, message: gateMessage(closed, q, type, by) });
      continue;
    }
    const candidates = spec.candidates(q, by);
    const checkOne = spec.template ?? spec.check;
    let firstError = candidates.length === 0 && reasons ? (spec.none?.(q, by) ?? reject("action/nothing", "There is nothing to do with this now.")) : null;
    let any = false;
    for (const candidate of candidates) {
      const error = checkOne(q, candidate as never, by);
      if (error) firstError ??= error;
      else {
        actions.push({ action: candidate as Action, free: spec.free ? [...spec.free] : [] });
        any = true;
      }
    }
    if (!any && firstError && reasons) refused.push({ type, code: firstError.code, message: firstError.message });
  }
  return { actions, refused };
}

/**
 * A seat's legal actions one type at a time, computed on demand. Bots read only the few types they are
 * considering (a voter in a ballot asks for "vote" and nothing else); in a 193-seat plenary, enumerating
 * every type for every look was most of a simulation's time. Same checks as legalActions.
 */
export interface Moves {
  of<T extends ActionType>(type: T): Extract<Action, { type: T }>[];
  /** Whether this exact action (free fields filled in: an offer's pledges) would be accepted now. */
  allows(action: Action): boolean;
}

export function movesFor(state: State, by: Seat): Moves {
  const q = query(state);
  const kind = seatKind(by);
  const known = kind !== "delegation" || q.ix.delegation.has(by);
  const memo = new Map<ActionType, Action[]>();
  return {
    of<T extends ActionType>(type: T): Extract<Action, { type: T }>[] {
      let list = memo.get(type);
      if (!list) {
        list = [];
        const spec = SPECS[type] as Spec<ActionType>;
        if (known && spec.seat === kind && gateCode(q, spec, type, by) === null) {
          const checkOne = spec.template ?? spec.check;
          for (const candidate of spec.candidates(q, by)) if (!checkOne(q, candidate as never, by)) list.push(candidate as Action);
        }
        memo.set(type, list);
      }
      return list as Extract<Action, { type: T }>[];
    },
    allows(action: Action): boolean {
      const spec = SPECS[action.type] as Spec<ActionType>;
      return known && spec.seat === kind && gateCode(q, spec, action.type, by) === null && spec.check(q, action as never, by) === null;
    },
  };
}
