import { signed } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { estimate } from "../../score.ts";
import { keyed, type Panel, type PanelContext } from "../context.ts";
import { fill, h, markdown, toast } from "../dom.ts";

/**
 * The delegation's own papers (DESIGN §10): its briefing, where it stands on each dimension and how much it
 * cares, its red lines and private objectives — each marked as the conference stands now — and a live
 * estimate of its score.
 */
export function briefingPanel(ctx: PanelContext = {}): Panel {
  const el = h("section", { class: "panel briefing", "aria-label": "Briefing" });
  return keyed(
    el,
    (m) => JSON.stringify([m.private?.delegation.id, m.view.targets, m.view.signatures, m.lobby]),
    (m) => {
      const me = m.private?.delegation;
      if (!me) {
        fill(el, h("p", { class: "empty" }, m.me.role === "chair" ? "The chair has no national briefing: keep the meeting fair and moving." : "Observers have no briefing."));
        return;
      }
      const est = estimate(m);
      const total = Object.values(me.weights).reduce((a, b) => a + b, 0) || 1;
      // A solo game waits in its lobby while the player reads: they start it when ready (they hold its key).
      const lobby = m.lobby
        ? h(
            "div",
            { class: "group notice" },
            h("h3", null, "Read your briefing: the conference has not started yet"),
            ctx.start
              ? h("button", { class: "primary big", id: "start-solo", onclick: () => void ctx.start?.().then((a) => !a.ok && toast(a.message, "refused")) }, "Start the conference")
              : h("p", { class: "hint" }, "Your teacher starts it from the chair's console."),
          )
        : null;
      fill(
        el,
        lobby,
        est
          ? h(
              "div",
              { class: "score" },
              h("div", { class: "score-value", "aria-label": "Estimated score" }, est.score.toFixed(2)),
              h("div", null, h("strong", null, "Your score if the conference ended now"), h("p", { class: "hint" }, `closeness to your positions ${est.closeness.toFixed(2)}; red lines and objectives below; pledges and signatures count at the end.`)),
            )
          : null,
        markdown(me.briefing || `## ${me.name}`),
        h("h3", null, "Where you stand"),
        h(
          "table",
          { class: "stance" },
          h("thead", null, h("tr", null, h("th", null, "Issue"), h("th", null, "You"), h("th", null, "Now"), h("th", null, "Weight"))),
          h(
            "tbody",
            null,
            m.scenario.dimensions.map((d) =>
              h(
                "tr",
                { title: `−1: ${d.minus}. +1: ${d.plus}.` },
                h("td", null, `${d.name} (${d.id})`),
                h("td", null, signed(me.stance[d.id] ?? 0)),
                h("td", null, signed(est?.position[d.id] ?? d.statusQuo)),
                h("td", null, h("span", { class: "weight", style: `width:${Math.round(((me.weights[d.id] ?? 0) / total) * 100)}%` }), ` ${Math.round(((me.weights[d.id] ?? 0) / total) * 100)}%`),
              ),
            ),
          ),
        ),
        est?.redLines.length ? h("div", null, h("h3", null, "Red lines"), h("ul", { class: "checks" }, est.redLines.map((r) => h("li", { class: r.crossed ? "bad" : "good" }, `${r.crossed ? "✕ crossed" : "✓ holding"}: ${r.text}`)))) : null,
        est?.objectives.length ? h("div", null, h("h3", null, "Private objectives"), h("ul", { class: "checks" }, est.objectives.map((o) => h("li", { class: o.met ? "good" : "" }, `${o.met ? "✓" : "○"} ${o.text} (${signed(o.bonus)})`)))) : null,
      );
    },
  );
}
