import type { Choice } from "../../shared/engine/actions.ts";
import { loadScenario } from "../../shared/scenario/load.ts";
import type { Scenario } from "../../shared/scenario/schema.ts";
import { Script } from "./script.ts";

/**
 * The two scripted classes of the golden logs, on classroom-quick. Between them they hold what bots never do
 * and what a class does every term: a roll-call, a secret ballot, a proxy vote, offers accepted, declined,
 * retracted and broken, a walkout and a return, a point of order with an appeal, a chair's overrule with an
 * appeal that overturns it, a postponement for abstentions and its re-vote, a tie, reservations and refusals
 * to sign. `features` (golden.test.ts) checks that the logs really contain each of them.
 */

const CREATED = "2026-12-01T09:00:00.000Z";
const everyone = (ids: readonly string[], choice: Choice): Record<string, Choice> => Object.fromEntries(ids.map((id) => [id, choice]));

/** classroom-quick with Ghana absent and its proxy held by Brazil: the same class, one seat empty. */
export function withProxy(classroom: Scenario): Scenario {
  const json = JSON.parse(JSON.stringify(classroom)) as Record<string, unknown> & { delegations: Record<string, unknown>[] };
  json.id = "classroom-quick-proxy";
  json.title = `${classroom.title} (Ghana absent, its proxy with Brazil)`;
  const gha = json.delegations.find((d) => d.id === "GHA");
  if (!gha) throw new Error("classroom-quick has no GHA");
  gha.present = false;
  gha.proxyTo = "BRA";
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(`withProxy: ${loaded.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  return loaded.scenario;
}

/**
 * One country, one vote: roll-call (a turn passed, engine 0.2.0 on), secret ballot, proxy, offers (one lapses),
 * a point of order appealed, a walkout.
 */
export function classMajority(classroom: Scenario): Script {
  const t = new Script(withProxy(classroom), { rule: "majority", seed: 5, createdAt: CREATED });
  t.do("chair", { type: "open_item", item: "governance" });
  t.do("RUS", { type: "request_floor" }).do("chair", { type: "give_floor", to: "RUS" });
  t.do("RUS", { type: "speak", text: "Internet public policy belongs to governments, and the ITU is where governments meet." });
  t.do("SAU", { type: "table", target: "P1" }).do("CHN", { type: "second", target: "P1" });
  t.do("USA", { type: "move_amendment", amendment: "A1a" }).do("BRA", { type: "second", target: "A1a" });
  t.do("BRA", { type: "move_amendment", amendment: "A1b" }).do("IND", { type: "second", target: "A1b" });
  const first = t.head();
  // O1 (to be broken in the roll-call), O2 (kept in the secret ballot), O3 declined, O4 retracted.
  t.do("USA", { type: "offer", to: "IND", give: [{ second: "P2" }], ask: [{ vote: { target: first, choice: "yes" } }] });
  t.do("IND", { type: "accept_offer", offer: "O1" });
  t.do("RUS", { type: "offer", to: "IND", give: [{ vote: { target: "P2", choice: "yes" } }], ask: [{ vote: { target: "P1", choice: "yes" } }] });
  t.do("IND", { type: "accept_offer", offer: "O2" });
  t.do("CHN", { type: "offer", to: "BRA", give: [{ cosponsor: "A1b" }], ask: [{ vote: { target: first, choice: "no" } }] });
  t.do("BRA", { type: "decline_offer", offer: "O3" });
  t.do("SAU", { type: "offer", to: "USA", give: [{ vote: { target: "P2", choice: "yes" } }], ask: [{ withdraw: "A1a" }] });
  t.do("SAU", { type: "retract_offer", offer: "O4" });
  // A point of order, rejected, appealed, and the ruling sustained.
  t.do("IND", { type: "point_of_order", text: "The amendments should be taken in the order they were moved." });
  t.do("chair", { type: "rule", point: "PO1", decision: "rejected" });
  t.do("IND", { type: "appeal", ruling: "R1" });
  t.ballot({ IND: "yes", BRA: "yes", GHA: "yes" }, "no");
  // Two delegations ask for a roll-call on the first amendment: it is called by name, Ghana by its proxy.
  t.do("USA", { type: "request_vote", target: first, method: "roll_call" });
  t.do("DEU", { type: "request_vote", target: first, method: "roll_call" });
  t.do("chair", { type: "call_vote", target: first });
  // India lets its turn pass and is called again at the end.
  t.ballot({ USA: "yes", DEU: "yes", IND: "no", CHN: "no", RUS: "no", SAU: "no", BRA: "abstain", GHA: "abstain" }, "abstain", { pass: ["IND"] });
  const second = t.head();
  t.do("chair", { type: "call_vote", target: second, method: "show_of_hands" });
  t.ballot({ USA: "yes", DEU: "yes", IND: "yes", BRA: "yes", GHA: "yes", CHN: "no", RUS: "no", SAU: "no" });
  // Five ask for a secret ballot on the proposal as amended.
  for (const d of ["USA", "DEU", "IND", "BRA", "CHN"]) t.do(d, { type: "request_vote", target: "P1", method: "secret" });
  t.do("chair", { type: "call_vote", target: "P1" });
  t.ballot({ USA: "no", DEU: "no", IND: "yes", BRA: "yes", GHA: "yes", CHN: "yes", RUS: "yes", SAU: "yes" });
  t.do("USA", { type: "explain_vote", target: first, text: "We voted for a facilitating role, not a leading one." });

  // Security: Saudi Arabia walks out; the amendment's abstentions postpone the item.
  t.do("chair", { type: "open_item", item: "security" });
  t.do("SAU", { type: "walk_out" });
  t.do("IND", { type: "table", target: "P2" }).do("USA", { type: "second", target: "P2" });
  t.do("DEU", { type: "move_amendment", amendment: "A2a" }).do("BRA", { type: "second", target: "A2a" });
  t.do("chair", { type: "call_vote", target: "A2a" });
  t.ballot({ DEU: "yes", USA: "no" }, "abstain");

  // Treaty: Saudi Arabia is back; a tie rejects P3.
  t.do("chair", { type: "open_item", item: "treaty" });
  t.do("SAU", { type: "return" });
  t.do("RUS", { type: "table", target: "P3" }).do("SAU", { type: "second", target: "P3" });
  // Left unanswered, this offer lapses when P3 is decided.
  t.do("CHN", { type: "offer", to: "SAU", give: [{ vote: { target: "P2", choice: "yes" } }], ask: [{ cosponsor: "P3" }] });
  t.do("chair", { type: "call_vote", target: "P3" });
  t.ballot({ RUS: "yes", CHN: "yes", SAU: "yes", IND: "yes", USA: "no", DEU: "no", BRA: "no", GHA: "no" });

  // Security comes back: at the re-vote abstentions are set aside.
  t.do("chair", { type: "open_item", item: "security" });
  t.do("chair", { type: "call_vote", target: "A2a" });
  t.ballot({ DEU: "yes", USA: "yes", BRA: "yes", IND: "no" }, "abstain");
  t.do("chair", { type: "call_vote", target: "P2" });
  t.ballot({ ...everyone(["IND", "USA", "DEU", "BRA", "GHA", "RUS"], "yes"), CHN: "no", SAU: "no" });

  t.do("chair", { type: "open_signing" });
  t.do("USA", { type: "sign", reservations: ["P1"] });
  t.do("DEU", { type: "sign", reservations: ["P1", "P2"] });
  t.do("CHN", { type: "decline_to_sign" });
  for (const d of ["RUS", "IND", "BRA", "SAU"]) t.do(d, { type: "sign" });
  t.do("chair", { type: "close_conference" });
  return t;
}

/** Consensus: objections, an overrule overturned on appeal, a vote requested by roll-call, a broken pledge. */
export function classConsensus(classroom: Scenario): Script {
  const t = new Script(classroom, { rule: "consensus", seed: 9, createdAt: CREATED });
  t.do("chair", { type: "open_item", item: "governance" });
  t.do("SAU", { type: "table", target: "P1" }).do("CHN", { type: "second", target: "P1" });
  t.do("USA", { type: "object", target: "P1", reason: "Internet policy is made by many stakeholders, not by the ITU alone." });
  t.do("DEU", { type: "object", target: "P1" });
  // O1 kept (Germany withdraws its objection), O2 declined, O3 broken later by the United States.
  t.do("CHN", { type: "offer", to: "DEU", give: [{ second: "A2a" }], ask: [{ no_objection: "P1" }] });
  t.do("DEU", { type: "accept_offer", offer: "O1" });
  t.do("DEU", { type: "withdraw_objection", target: "P1" });
  t.do("SAU", { type: "offer", to: "BRA", give: [{ cosponsor: "A1b" }], ask: [{ no_objection: "P1" }] });
  t.do("BRA", { type: "decline_offer", offer: "O2" });
  t.do("RUS", { type: "offer", to: "USA", give: [{ second: "A3b" }], ask: [{ no_objection: "P3" }] });
  t.do("USA", { type: "accept_offer", offer: "O3" });
  // The chair declares consensus over the United States' objection; the appeal overturns the ruling.
  t.do("chair", { type: "call_consensus", target: "P1" });
  t.do("chair", { type: "declare_consensus", target: "P1", overrule: true });
  t.do("USA", { type: "appeal", ruling: "R1" });
  t.ballot({ USA: "yes", DEU: "yes", BRA: "yes", GHA: "yes", IND: "yes", CHN: "no", RUS: "no", SAU: "no" });
  // Back in debate: the temperature, then a formal vote by roll-call, requested and granted.
  t.do("chair", { type: "take_temperature", target: "P1" });
  for (const [d, position] of [["SAU", "for"], ["RUS", "for"], ["USA", "against"], ["GHA", "for"]] as const) t.do(d, { type: "placard", target: "P1", position });
  t.do("chair", { type: "call_consensus", target: "P1" });
  t.do("USA", { type: "request_vote", target: "P1", method: "roll_call" });
  t.ballot({ USA: "yes", DEU: "yes", BRA: "yes", IND: "yes", GHA: "yes", CHN: "no", RUS: "no", SAU: "no" });
  t.do("DEU", { type: "request_vote", target: "P1", method: "roll_call" });
  t.do("chair", { type: "call_vote", target: "P1" });
  t.ballot({ SAU: "yes", RUS: "yes", CHN: "yes", IND: "yes", GHA: "yes", USA: "no", DEU: "no", BRA: "abstain" });

  t.do("chair", { type: "open_item", item: "security" });
  t.do("IND", { type: "table", target: "P2" }).do("BRA", { type: "second", target: "P2" });
  t.do("chair", { type: "call_consensus", target: "P2" });
  t.do("chair", { type: "declare_consensus", target: "P2" });

  t.do("chair", { type: "open_item", item: "treaty" });
  t.do("RUS", { type: "table", target: "P3" }).do("SAU", { type: "second", target: "P3" });
  t.do("USA", { type: "move_amendment", amendment: "A3b" }).do("RUS", { type: "second", target: "A3b" });
  t.do("USA", { type: "object", target: "P3", reason: "A new treaty conference would reopen settled questions." });
  t.do("CHN", { type: "walk_out" });
  t.do("chair", { type: "call_consensus", target: t.head("call_consensus") });
  t.do("SAU", { type: "object", target: "A3b" });
  t.deadline();
  t.do("chair", { type: "call_consensus", target: "P3" });
  t.deadline();

  t.do("chair", { type: "open_signing" });
  t.do("USA", { type: "decline_to_sign" });
  t.do("RUS", { type: "sign", reservations: ["P2"] });
  t.do("CHN", { type: "sign" });
  for (const d of ["DEU", "IND", "BRA"]) t.do(d, { type: "sign" });
  t.deadline();
  return t;
}
