import { loadScenario } from "../shared/scenario/load.ts";
import type { Scenario } from "../shared/scenario/schema.ts";

/**
 * Generated scenarios for benchmarks: many delegations in two camps and a swing group, many agenda items.
 * Deterministic (no randomness), so every run measures the same games. Not a shipped scenario: its names
 * are letters, its positions arithmetic.
 */
export function generatedScenario(delegations: number, items: number): Scenario {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const id = (i: number) => `${letters[Math.floor(i / 676) % 26]}${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`;
  const dims = ["IG", "CYB", "DNS", "DEV"];
  const camp = (i: number) => (i % 3 === 0 ? "MS" : i % 3 === 1 ? "SOV" : "SWING");
  const lean = { MS: -0.7, SOV: 0.7, SWING: 0.2 } as const;
  const json = {
    id: `generated-${delegations}x${items}`,
    title: `Generated plenary: ${delegations} delegations, ${items} items`,
    summary: "A generated scenario for benchmarks.",
    rule: "majority",
    dimensions: dims.map((d) => ({ id: d, name: d, minus: "less", plus: "more", statusQuo: 0 })),
    blocs: ["MS", "SOV", "SWING"].map((b) => ({ id: b, name: b, kind: "camp" })),
    delegations: Array.from({ length: delegations }, (_, i) => {
      const c = camp(i);
      return {
        id: id(i),
        name: `Delegation ${id(i)}`,
        sortKey: id(i),
        blocs: [c],
        stance: Object.fromEntries(dims.map((d, k) => [d, Math.max(-1, Math.min(1, lean[c] + ((i * 7 + k * 3) % 10) / 25 - 0.2))])),
        weights: Object.fromEntries(dims.map((d, k) => [d, 1 + ((i + k) % 3)])),
        personality: { talk: 0.3, procedure: ((i * 13) % 10) / 10 },
      };
    }),
    chair: { name: "Generated chair" },
    proposals: Array.from({ length: items * 2 }, (_, p) => ({
      id: `P${p + 1}`,
      title: `Proposal ${p + 1}`,
      text: "A generated text.",
      sponsors: [id((p * 5) % delegations)],
      effects: { [dims[p % dims.length] as string]: p % 2 === 0 ? 0.3 : -0.3, DEV: 0.1 },
      amendments: [
        { id: `P${p + 1}a`, title: "Softer", text: "Less of it.", sponsors: [id((p * 5 + 1) % delegations)], effects: { [dims[p % dims.length] as string]: p % 2 === 0 ? 0.1 : -0.1 } },
        { id: `P${p + 1}b`, title: "Sweetened", text: "With money.", sponsors: [id((p * 5 + 2) % delegations)], effects: { [dims[p % dims.length] as string]: p % 2 === 0 ? 0.3 : -0.3, DEV: 0.3 } },
      ],
    })),
    agenda: Array.from({ length: items }, (_, k) => ({ id: `item${k + 1}`, title: `Item ${k + 1}`, minutes: 10, proposals: [`P${2 * k + 1}`, `P${2 * k + 2}`] })),
  };
  const loaded = loadScenario(json);
  if (!loaded.ok) throw new Error(`generated scenario invalid: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  return loaded.scenario;
}
