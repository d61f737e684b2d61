import { own } from "../../../shared/util/own.ts";
import { BY, signed, STATUS } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { keyed, type Panel } from "../context.ts";
import { fill, h } from "../dom.ts";

/** An effect vector as small bars: what a text would move, and which way. */
function effects(m: GameModel, e: Record<string, number>, base?: Record<string, number>) {
  return h(
    "ul",
    { class: "effects" },
    m.scenario.dimensions.map((d) => {
      const v = own(e, d.id) ?? 0;
      const was = (base && own(base, d.id)) ?? 0;
      if (v === 0 && was === 0) return null;
      const change = base ? ` (was ${signed(was)})` : "";
      return h("li", { title: `${d.name}: −1 ${d.minus}; +1 ${d.plus}` }, h("span", { class: "dim" }, d.id), h("span", { class: `bar ${v >= 0 ? "up" : "down"}`, style: `width:${Math.min(100, Math.abs(v) * 100)}%` }), h("span", { class: "val" }, `${signed(v)}${v !== was && base ? change : ""}`));
    }),
  );
}

/**
 * The agenda and the texts (DESIGN §10): each item with its status, each proposal with its sponsors, its
 * text, what it would change on each dimension, and its amendments with what each changes compared with the
 * original; the decision on each, with the rule that decided it.
 */
export function textsPanel(): Panel {
  const el = h("section", { class: "panel texts", "aria-label": "Agenda and texts" });
  return keyed(
    el,
    (m) => JSON.stringify([m.view.targets, m.view.items, m.view.item, m.scenario.id]),
    (m) => {
      const v = m.view;
      fill(
        el,
        m.scenario.agenda.map((item) => {
          const s = v.items[item.id];
          const current = v.item === item.id;
          return h(
            "article",
            { class: `item ${current ? "current" : ""}` },
            h("h3", null, item.title, " ", h("span", { class: "status" }, current ? "before the meeting" : s?.status === "done" ? "dealt with" : s?.status === "postponed" ? "postponed" : "to come")),
            item.proposals.map((pid) => {
              const p = m.scenario.proposals.find((x) => x.id === pid);
              if (!p) return null;
              const t = v.targets[p.id];
              const decision = t?.decision;
              return h(
                "div",
                { class: "proposal", id: `text-${p.id}` },
                h("h4", null, h("span", { class: "tid" }, p.id), ` ${p.title} `, h("span", { class: `status ${t?.status}` }, STATUS[t?.status ?? "draft"])),
                h("p", { class: "sponsors" }, `Sponsors: ${p.sponsors.join(", ")}${t?.cosponsors.length ? `; co-sponsors ${t.cosponsors.join(", ")}` : ""}${t?.seconders.length ? `; seconded by ${t.seconders.join(", ")}` : ""}${p.threshold === "two_thirds" ? `; needs two-thirds of ${p.basis === "accredited" ? "the delegations accredited with a vote" : "those present and voting"}` : ""}`),
                h("blockquote", null, p.text),
                effects(m, p.effects),
                decision && t?.status !== "tabled" ? h("p", { class: "decision" }, `${BY[decision.by] ?? ""}: ${decision.reason}`) : null,
                Object.keys(t?.objections ?? {}).length ? h("p", { class: "objections" }, `Objecting: ${Object.keys(t?.objections ?? {}).join(", ")}`) : null,
                p.amendments.length
                  ? h(
                      "div",
                      { class: "amendments" },
                      p.amendments.map((a) => {
                        const at = v.targets[a.id];
                        return h(
                          "div",
                          { class: "amendment", id: `text-${a.id}` },
                          h("h5", null, h("span", { class: "tid" }, a.id), ` ${a.title} `, h("span", { class: `status ${at?.status}` }, STATUS[at?.status ?? "draft"])),
                          h("p", { class: "sponsors" }, `Moved by ${a.sponsors.join(", ")}${at?.seconders.length ? `; seconded by ${at.seconders.join(", ")}` : ""}`),
                          h("blockquote", null, a.text),
                          h("p", { class: "hint" }, `If adopted, ${p.id} would do:`),
                          effects(m, a.effects, p.effects),
                          at?.decision && at.status !== "moved" ? h("p", { class: "decision" }, `${BY[at.decision.by] ?? ""}: ${at.decision.reason}`) : null,
                        );
                      }),
                    )
                  : null,
              );
            }),
          );
        }),
      );
    },
  );
}
