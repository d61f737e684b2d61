import type { Method } from "../actions.ts";

/** Secret ballot when at least 5 ask for it; else roll-call when at least 2 ask for roll-call or secret. */
export const SECRET_REQUESTS = 5;
export const ROLL_CALL_REQUESTS = 2;

/** The voting method (DESIGN §3): delegations' requests prevail over the chair's choice. */
export function votingMethod(requests: readonly Method[], chairMethod: Method | undefined): Method {
  const secret = requests.filter((m) => m === "secret").length;
  if (secret >= SECRET_REQUESTS) return "secret";
  const recorded = requests.filter((m) => m === "roll_call" || m === "secret").length;
  if (recorded >= ROLL_CALL_REQUESTS) return "roll_call";
  return chairMethod ?? "show_of_hands";
}
