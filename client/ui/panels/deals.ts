import type { Pledge } from "../../../shared/engine/actions.ts";
import { pledgeText } from "../../../shared/engine/pledges.ts";
import { nameOf, titleOf } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { keyed, type Panel, type PanelContext } from "../context.ts";
import { fill, h } from "../dom.ts";
import { send } from "./actions.ts";

/** A pledge editor: what, on which text. */
function pledgeRow(m: GameModel, label: string): { el: HTMLElement; value: () => Pledge | null } {
  const targets = m.scenario.proposals.flatMap((p) => [p.id, ...p.amendments.map((a) => a.id)]);
  const kind = h("select", { "aria-label": `${label}: what` }, h("option", { value: "" }, "nothing"), h("option", { value: "vote-yes" }, "vote yes on"), h("option", { value: "vote-no" }, "vote no on"), h("option", { value: "second" }, "second"), h("option", { value: "no_objection" }, "not object to"), h("option", { value: "cosponsor" }, "co-sponsor"), h("option", { value: "withdraw" }, "withdraw"));
  const target = h("select", { "aria-label": `${label}: which text` }, targets.map((t) => h("option", { value: t }, `${t} — ${titleOf(m.scenario, t)}`)));
  return {
    el: h("div", { class: "pledge" }, h("span", { class: "pledge-label" }, label), kind, target),
    value: () => {
      const k = kind.value;
      const t = target.value;
      if (!k) return null;
      if (k === "vote-yes" || k === "vote-no") return { vote: { target: t, choice: k === "vote-yes" ? "yes" : "no" } };
      return { [k]: t } as Pledge;
    },
  };
}

/**
 * The negotiation inbox (DESIGN §10): offers of pledges made to this delegation (accept or decline), its own
 * (retract), the deals struck with whether each pledge was kept, and a form to make one. Private to the two
 * parties: nobody else sees an offer.
 */
export function dealsPanel(ctx: PanelContext): Panel {
  const el = h("section", { class: "panel deals", "aria-label": "Deals" });
  let form: HTMLElement | null = null;
  let formScenario = "";
  return keyed(
    el,
    (m) => JSON.stringify([m.private?.offers, m.private?.pledges, m.legal?.actions.filter((l) => l.action.type.endsWith("offer")), m.legal?.refused.find((r) => r.type === "offer")]),
    (m) => {
      const me = m.me.seat;
      const offers = m.private?.offers ?? [];
      const can = (type: string, offer?: string) => (m.legal?.actions ?? []).some((l) => l.action.type === type && (!offer || (l.action as { offer?: string }).offer === offer));
      const row = (o: (typeof offers)[number]) => {
        const mine = o.from === me;
        const other = mine ? o.to : o.from;
        const give = (o.give ?? []).map((p) => pledgeText(p)).join(", ") || "nothing";
        const ask = (o.ask ?? []).map((p) => pledgeText(p)).join(", ") || "nothing";
        const text = mine ? `You offer ${nameOf(m.scenario, other)}: you ${give}, if they ${ask}.` : `${nameOf(m.scenario, other)} offers: they ${give}, if you ${ask}.`;
        const judged = (m.private?.pledges ?? []).filter((p) => p.offer === o.id);
        return h(
          "li",
          { class: `offer ${o.status}` },
          h("div", null, h("strong", null, o.id), " ", text, " ", h("span", { class: "status" }, o.status)),
          judged.length ? h("ul", { class: "pledges" }, judged.map((p) => h("li", null, `${nameOf(m.scenario, p.by)} pledged to ${pledgeText(p.pledge)}: `, h("span", { class: `pledge-${p.status}` }, p.status)))) : null,
          h(
            "div",
            { class: "row" },
            !mine && o.status === "open" && can("accept_offer", o.id) ? h("button", { class: "primary", onclick: () => void send(ctx, m, { type: "accept_offer", offer: o.id }) }, "Accept") : null,
            !mine && o.status === "open" && can("decline_offer", o.id) ? h("button", { onclick: () => void send(ctx, m, { type: "decline_offer", offer: o.id }) }, "Decline") : null,
            mine && o.status === "open" && can("retract_offer", o.id) ? h("button", { class: "quiet", onclick: () => void send(ctx, m, { type: "retract_offer", offer: o.id }) }, "Retract") : null,
          ),
        );
      };
      if (!form || formScenario !== m.scenario.id) {
        formScenario = m.scenario.id;
        const others = m.scenario.delegations.filter((d) => d.present && d.id !== me);
        const to = h("select", { "aria-label": "Offer to" }, others.map((d) => h("option", { value: d.id }, d.name)));
        const give = pledgeRow(m, "We will");
        const ask = pledgeRow(m, "If you");
        form = h(
          "form",
          {
            class: "offer-form",
            onsubmit: (e: Event) => {
              e.preventDefault();
              const g = give.value();
              const a = ask.value();
              void send(ctx, m, { type: "offer", to: to.value, give: g ? [g] : [], ask: a ? [a] : [] });
            },
          },
          h("h3", null, "Make an offer"),
          h("label", null, "To ", to),
          give.el,
          ask.el,
          h("button", { type: "submit", class: "primary" }, "Send the offer"),
          h("p", { class: "hint" }, "A pledge is a promise: whether you keep it is part of your score, and only the two of you see it."),
        );
      }
      const canOffer = can("offer");
      fill(
        el,
        offers.length ? h("ul", { class: "offers" }, [...offers].reverse().map(row)) : h("p", { class: "empty" }, "No offers yet."),
        me ? form : null,
        // Why not, in the engine's own words (during a vote, after the close, after a walk-out…).
        me && !canOffer ? h("p", { class: "hint why-not" }, m.legal?.refused.find((r) => r.type === "offer")?.message ?? "Offers are not in order right now.") : null,
      );
      form?.querySelectorAll("button[type=submit]").forEach((b) => ((b as HTMLButtonElement).disabled = !canOffer));
    },
  );
}
