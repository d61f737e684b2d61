import { canonicalJson } from "../util/canonical.ts";
import type { Predicate } from "./predicate.ts";
import { PersonalitySchema, type Bloc, type Delegation, type ParsedScenario, type Scenario } from "./schema.ts";

/** The bloc whose template a delegation inherits: the one it names, else its first bloc that has a template. */
export function templateBloc(delegation: Delegation, blocs: readonly Bloc[]): Bloc | undefined {
  if (delegation.template !== undefined) return blocs.find((b) => b.id === delegation.template);
  for (const id of delegation.blocs) {
    const bloc = blocs.find((b) => b.id === id);
    if (bloc?.template) return bloc;
  }
  return undefined;
}

function mergeRedLines(inherited: readonly Predicate[], own: readonly Predicate[]): Predicate[] {
  // Deduplicated so that resolving an already resolved scenario changes nothing (the log embeds resolved ones).
  const seen = new Set<string>();
  const out: Predicate[] = [];
  for (const p of [...inherited, ...own]) {
    const key = canonicalJson(p);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}

/** Expands bloc templates into each delegation. Assumes crossChecks passed. Idempotent. */
export function resolveScenario(parsed: ParsedScenario): Scenario {
  const delegations = parsed.delegations.map((d) => {
    const template = templateBloc(d, parsed.blocs)?.template;
    return {
      ...d,
      stance: { ...template?.stance, ...d.stance },
      weights: { ...template?.weights, ...d.weights },
      redLines: mergeRedLines(template?.redLines ?? [], d.redLines),
      personality: PersonalitySchema.parse({ ...template?.personality, ...d.personality }),
      // The bot reads only its own card: the scenario's ranges are copied onto each card that has none.
      ...(d.personalityRanges ?? parsed.personalityRanges ? { personalityRanges: d.personalityRanges ?? parsed.personalityRanges } : {}),
    };
  });
  return { ...parsed, delegations };
}
