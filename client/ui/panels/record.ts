import { describe, nameOf } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { keyed, type Panel } from "../context.ts";
import { fill, h } from "../dom.ts";

/**
 * The running record of the conference (DESIGN §10): every accepted action, who took it, what it did, and —
 * for bots — their one-line reason. Newest first; "decisions only" keeps the procedure and the outcomes.
 */
export function recordPanel(): Panel {
  const el = h("section", { class: "panel record", "aria-label": "Record of the conference" });
  const only = h("input", { type: "checkbox", id: "record-decisions" });
  const list = h("ol", { class: "record-list", reversed: true });
  let model: GameModel | null = null;
  const render = (m: GameModel) => {
    const lines = [...m.records].reverse().filter((l) => !only.checked || l.events.length > 0 || l.entry.by === "chair" || l.entry.by === "system").slice(0, 400);
    fill(
      list,
      lines.map((l) =>
        h(
          "li",
          { class: `line by-${l.entry.by === "chair" ? "chair" : l.entry.by === "system" ? "system" : "delegation"}` },
          h("span", { class: "seq" }, String(l.entry.seq)),
          h("span", { class: "who" }, nameOf(m.scenario, l.entry.by)),
          " ",
          h("span", { class: "what" }, describe(m.scenario, l.entry.action)),
          l.events.length ? h("div", { class: "events" }, l.events.map((e) => h("div", null, e))) : null,
          l.entry.why ? h("div", { class: "why" }, `why: ${l.entry.why}`) : null,
        ),
      ),
    );
  };
  only.addEventListener("change", () => model && render(model));
  fill(el, h("label", { class: "check", for: "record-decisions" }, only, " decisions and procedure only"), list);
  return keyed(el, (m) => `${m.records.length}:${m.scenario.id}`, (m) => {
    model = m;
    render(m);
  });
}
