import { publicScenarioOf, type PublicScenario } from "../engine/view.ts";
import type { JsonLoader } from "../scenario/cache.ts";
import { checkBounds, loadScenario } from "../scenario/load.ts";
import type { Scenario } from "../scenario/schema.ts";

/**
 * A scenario without its cards (docs/log-format.md, "The public export"): what every player may read — texts,
 * agenda, dimensions, blocs, who attends — and nothing of any delegation's stance, weights, red lines,
 * objectives, briefing or personality. The historical record only once the conference has closed.
 */
export function withoutCards(scenario: Scenario, closed: boolean): PublicScenario {
  return publicScenarioOf(scenario, closed);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The scenario a public replay plays: the public scenario (as a log header or a client's welcome carries it)
 * with neutral cards in place of the hidden ones. The rules never read a card (stance, weights, red lines,
 * objectives, briefing, personality); only the scores do, and a public replay of a card-less record has none.
 * Works on untrusted JSON: what it cannot read it leaves for the scenario loader to report.
 */
export function withNeutralCards(pub: unknown): unknown {
  if (!isRecord(pub) || !Array.isArray(pub.dimensions) || !Array.isArray(pub.delegations)) return pub;
  const dims = pub.dimensions.flatMap((d) => (isRecord(d) && typeof d.id === "string" ? [d.id] : []));
  const zeros = () => Object.fromEntries(dims.map((id) => [id, 0]));
  const ones = () => Object.fromEntries(dims.map((id) => [id, 1]));
  const { history, blocs, ...rest } = pub;
  return {
    ...rest,
    ...(isRecord(history) ? { history } : {}),
    blocs: Array.isArray(blocs) ? blocs : [],
    delegations: pub.delegations.map((d) => {
      if (!isRecord(d)) return d;
      const { proxyTo, personalityRanges: _ranges, ...card } = d;
      return { ...card, ...(typeof proxyTo === "string" ? { proxyTo } : {}), stance: zeros(), weights: ones(), redLines: [], objectives: [], briefing: "", personality: {} };
    }),
  };
}

/**
 * Loads a public scenario with neutral cards, for the scenario cache (scenario/cache.ts): the bounds first,
 * since the cards are built over every delegation and dimension the JSON claims.
 */
export const NEUTRAL_CARDS: JsonLoader = { name: "neutral-cards", load: (json) => checkBounds(json) ?? loadScenario(withNeutralCards(json)) };
