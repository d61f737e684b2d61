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

/**
 * Why delegations' requests did not decide the method, in words ("a roll-call needs 2 requests; 1 was
 * made"), or null when nobody asked for a method other than the one chosen.
 */
export function methodReason(requests: readonly Method[], chosen: Method): string | null {
  const secret = requests.filter((m) => m === "secret").length;
  const recorded = requests.filter((m) => m === "roll_call" || m === "secret").length;
  const parts: string[] = [];
  if (secret > 0 && chosen !== "secret") parts.push(`a secret ballot needs ${SECRET_REQUESTS} requests; ${secret} ${secret === 1 ? "was" : "were"} made`);
  if (recorded > 0 && chosen !== "secret" && chosen !== "roll_call") {
    const counting = secret > 0 ? " (requests for a secret ballot count towards it)" : "";
    parts.push(`a roll-call needs ${ROLL_CALL_REQUESTS} requests${counting}; ${recorded} ${recorded === 1 ? "was" : "were"} made`);
  }
  return parts.length ? parts.join("; ") : null;
}
