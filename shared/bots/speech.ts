import type { Outlook } from "./outlook.ts";
import { sign } from "./outlook.ts";
import { own } from "../util/own.ts";

/**
 * What a bot says when it has the floor: short statements built from its own numbers, so a reader of the
 * record sees why it stands where it stands. Plain templates: no text is invented beyond the scenario's.
 */
export function openingStatement(o: Outlook): string {
  const dims = Object.entries(o.me.weights).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = dims.slice(0, 2).map(([dim]) => {
    const name = o.view.scenario.dimensions.find((d) => d.id === dim)?.name ?? dim;
    return `${name} (${dim}, where we stand at ${sign(own(o.me.stance, dim) ?? 0)})`;
  });
  return `${o.me.name} thanks the chair. Our priorities at this conference are ${top.join(" and ")}.`;
}

export function itemStatement(o: Outlook, item: string): string {
  const agendaItem = o.view.scenario.agenda.find((a) => a.id === item);
  if (!agendaItem) return `${o.me.name} has nothing to add.`;
  const views = agendaItem.proposals.map((id) => ({ id, a: o.assess(id) }));
  const parts = views.map(({ id, a }) =>
    a.crosses.length > 0 ? `${id} is unacceptable to us` : a.delta > 0.01 ? `we support ${id}` : a.delta < -0.01 ? `we have serious concerns about ${id}` : `we can live with ${id}`,
  );
  return `On ${midSentence(agendaItem.title)}, ${parts.join("; ")}.`;
}

/** A title as it reads inside a sentence: "On the preamble", not "On The preamble". */
function midSentence(title: string): string {
  return title.replace(/^(The|A|An) /, (article) => article.toLowerCase());
}
