import type { PublicScenario } from "../../shared/engine/view.ts";

/**
 * Colours of the hall: the Okabe–Ito palette, distinguishable with the common forms of colour blindness.
 * Votes are shown by glyph as well as colour (✓ ✕ –), placards by shape (▲ ▼).
 */
/** Okabe–Ito colours for groups; the three that mark votes (blue, vermillion, yellow) are kept for votes. */
export const GROUP_COLOURS = [0xe69f00, 0x56b4e9, 0x009e73, 0xcc79a7, 0xb5bdcc, 0x8a6d3b, 0x7fc8a9, 0xa77fb8];
export const OTHER_COLOUR = 0x6b7690;
export const VOTE_COLOURS = { yes: 0x0072b2, no: 0xd55e00, abstain: 0xf0e442 } as const;
export const VOTE_GLYPHS = { yes: "✓", no: "✕", abstain: "–" } as const;

export const css = (n: number) => `#${n.toString(16).padStart(6, "0")}`;

/**
 * The grouping that colours the seats: the scenario's camps if it has any, else its regions, else its regional
 * organisations; each delegation takes its first group of that kind.
 */
export function groupsOf(scenario: PublicScenario): { groups: { id: string; name: string; colour: number }[]; groupOf: (id: string) => string } {
  const kinds = ["camp", "region", "rto", "group"] as const;
  const kind = kinds.find((k) => scenario.blocs.some((b) => b.kind === k)) ?? "group";
  const blocs = scenario.blocs.filter((b) => b.kind === kind);
  const groups = blocs.map((b, i) => ({ id: b.id, name: b.name, colour: GROUP_COLOURS[i % GROUP_COLOURS.length] as number }));
  const member = new Map<string, string>();
  for (const d of scenario.delegations) member.set(d.id, d.blocs.find((b) => blocs.some((x) => x.id === b)) ?? "");
  if ([...member.values()].some((g) => g === "")) groups.push({ id: "", name: "Other", colour: OTHER_COLOUR });
  return { groups, groupOf: (id) => member.get(id) ?? "" };
}

/** Seat order around the hemicycle: by group, then by French name (the roll-call order). */
export function seatingOrder(scenario: PublicScenario): string[] {
  const { groups, groupOf } = groupsOf(scenario);
  const rank = new Map(groups.map((g, i) => [g.id, i]));
  return [...scenario.delegations]
    .sort((a, b) => (rank.get(groupOf(a.id)) ?? 99) - (rank.get(groupOf(b.id)) ?? 99) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
    .map((d) => d.id);
}
