import { BY, nameOf, RULES, signed, STATUS, titleOf } from "../../format.ts";
import type { PublicOutcome } from "../../../shared/engine/outcome.ts";
import type { GameModel } from "../../model.ts";
import { saved } from "../../saved.ts";
import { keyed, type Panel } from "../context.ts";
import { fill, h, sideways, toast } from "../dom.ts";
import { api } from "../../api.ts";

/** Scores as CSV for a gradebook: one row per delegation, with who played it. */
export function scoresCsv(m: GameModel): string {
  const o = m.outcome;
  if (!o) return "";
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = [["delegation", "name", "played by", "score", "closeness", "objectives met", "red lines crossed", "pledges kept", "pledges broken", "signed"].join(",")];
  for (const d of m.scenario.delegations) {
    const x = o.details[d.id];
    if (!x) continue;
    rows.push([d.id, q(d.name), q(m.seats[d.id]?.holders.join("; ") ?? ""), x.score, x.closeness, q(x.objectivesMet.join("; ")), q(x.redLinesCrossed.join("; ")), x.pledgesKept, x.pledgesBroken, o.signed.includes(d.id) ? "yes" : o.declined.includes(d.id) ? "no" : ""].join(","));
  }
  return rows.join("\n") + "\n";
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Above this many delegations, long lists fold away behind the ones people play. */
const LARGE = 24;

type Ranked = [string, PublicOutcome["details"][string]][];

function scoreTable(m: GameModel, rows: Ranked, me: string | null, label: string): HTMLElement {
  const rank = new Map(Object.entries(m.outcome?.details ?? {}).sort((a, b) => b[1].score - a[1].score).map(([id], i) => [id, i + 1]));
  return sideways(h(
    "table",
    { class: "scores" },
    h("thead", null, h("tr", null, h("th", null, "#"), h("th", null, "Delegation"), h("th", null, "Score"), h("th", null, "Closeness"), h("th", null, "Objectives met"), h("th", null, "Red lines crossed"), h("th", null, "Pledges kept / broken"))),
    h(
      "tbody",
      null,
      rows.map(([id, x]) =>
        h(
          "tr",
          { class: id === me ? "me" : "" },
          h("td", null, String(rank.get(id) ?? "")),
          h("td", null, nameOf(m.scenario, id), m.seats[id]?.holders.length ? h("span", { class: "muted" }, ` (${m.seats[id]?.holders.join(", ")})`) : null),
          h("td", null, x.score.toFixed(3)),
          h("td", null, x.closeness.toFixed(2)),
          h("td", null, x.objectivesMet.join(", ") || "—"),
          h("td", null, x.redLinesCrossed.join("; ") || "—"),
          h("td", null, `${x.pledgesKept} / ${x.pledgesBroken}`),
        ),
      ),
    ),
  ), label);
}

/** Who signed or declined: the names, folded away when there are many. */
function names(m: GameModel, label: string, ids: string[]): HTMLElement {
  const text = ids.map((id) => nameOf(m.scenario, id)).join(", ") || "nobody";
  return ids.length > LARGE ? h("details", null, h("summary", null, h("strong", null, `${label}: `), `${ids.length} delegations`), h("p", null, text)) : h("p", null, h("strong", null, `${label}: `), text);
}

/**
 * The debrief at the close (DESIGN §10): every decision with the rule that decided it, who signed, each
 * delegation's score and objectives met, pledges kept or broken, and what really happened beside it.
 */
export function debriefPanel(): Panel {
  const el = h("section", { class: "panel debrief", "aria-label": "Debrief" });
  return keyed(
    el,
    (m) => JSON.stringify([m.outcome, m.scenario.history, m.view.seq]),
    (m) => {
      const o = m.outcome;
      if (!o) {
        fill(el, h("p", { class: "empty" }, "The debrief opens when the conference closes."));
        return;
      }
      const history = m.scenario.history;
      const ranked = Object.entries(o.details).sort((a, b) => b[1].score - a[1].score);
      const me = m.me.seat;
      const large = m.scenario.delegations.length > LARGE;
      const featured = new Set(m.scenario.delegations.filter((d) => d.playable || (m.seats[d.id]?.holders.length ?? 0) > 0).map((d) => d.id));
      fill(
        el,
        h("h3", null, `The result, under ${RULES[m.view.rule]?.toLowerCase()}`),
        h(
          "table",
          { class: "result" },
          h("thead", null, h("tr", null, h("th", null, "Issue"), h("th", null, "Before"), h("th", null, "After"))),
          h("tbody", null, m.scenario.dimensions.map((d) => h("tr", null, h("td", null, d.name), h("td", null, signed(d.statusQuo)), h("td", { class: (o.dimensions[d.id] ?? 0) !== d.statusQuo ? "moved" : "" }, signed(o.dimensions[d.id] ?? 0))))),
        ),
        h("h3", null, "Every decision, and the rule that decided it"),
        sideways(h(
          "table",
          { class: "decisions" },
          h("thead", null, h("tr", null, h("th", null, "Text"), h("th", null, "Outcome"), h("th", null, "How"), h("th", null, "Tally"))),
          h(
            "tbody",
            null,
            o.decisions.map((d) =>
              h(
                "tr",
                null,
                h("td", null, h("strong", null, d.target), ` ${titleOf(m.scenario, d.target)}`),
                h("td", null, h("span", { class: `status ${d.status}` }, STATUS[d.status] ?? d.status)),
                h("td", null, `${BY[d.by] ?? ""}${BY[d.by] ? " — " : ""}${d.reason}`),
                h("td", { class: "tally-cell" }, d.tally ? `${d.tally.yes}–${d.tally.no}–${d.tally.abstain}` : ""),
              ),
            ),
          ),
        ), "Every decision"),
        h("h3", null, `The Final Acts: ${o.signed.length} signed, ${o.declined.length} declined`),
        names(m, "Signed", o.signed),
        names(m, "Declined", o.declined),
        h("h3", null, "Scores"),
        // The cards (and so the scores) of the others are the teacher's to reveal at the debrief.
        ranked.length === 0 ? h("p", { class: "hint" }, "The delegations' cards and scores are not shared in this record.") : null,
        ranked.length > 0 && ranked.length < m.scenario.delegations.filter((d) => d.present).length ? h("p", { class: "hint" }, "Your teacher keeps the other delegations' cards and scores private: you see your own.") : null,
        // A full plenary has 193 rows: the delegations people can play (and this one) first, everyone below.
        ranked.length === 0 ? null : large ? scoreTable(m, ranked.filter(([id]) => id === me || featured.has(id)), me, "Scores of the playable delegations") : scoreTable(m, ranked, me, "Scores"),
        large && ranked.length > 0 ? h("details", null, h("summary", null, `All ${ranked.length} delegations, ranked`), scoreTable(m, ranked, me, "Scores of every delegation")) : null,
        h(
          "div",
          { class: "row wrap" },
          h("button", { class: "primary", onclick: () => download(`${m.code || m.scenario.id}-scores.csv`, scoresCsv(m), "text/csv") }, "Download the scores (CSV)"),
          m.source === "live" ? h("a", { class: "button", href: `/api/games/${m.code}/export`, download: `${m.code}-public.jsonl` }, "Download the public record") : null,
          m.source === "live" && saved.chairKey(m.code)
            ? h("button", { onclick: () => void api.fullLog(m.code, saved.chairKey(m.code) ?? "").then((t) => download(`${m.code}.jsonl`, t, "application/x-ndjson"), (e: Error) => toast(e.message, "refused")) }, "Download the full log (with secret ballots)")
            : null,
          m.source === "live" ? h("a", { class: "button", href: `#/replay/${m.code}` }, "Replay this game") : null,
        ),
        history
          ? h(
              "aside",
              { class: "history" },
              h("h3", null, "What really happened"),
              h("p", null, history.summary),
              history.decisions.length
                ? h(
                    "table",
                    null,
                    h("thead", null, h("tr", null, h("th", null, "Text"), h("th", null, "In history"), h("th", null, "In your conference"))),
                    h("tbody", null, history.decisions.map((d) => h("tr", null, h("td", null, `${d.target} ${titleOf(m.scenario, d.target)}`), h("td", null, `${d.status}${d.note ? ` — ${d.note}` : ""}`), h("td", null, STATUS[m.view.targets[d.target]?.status ?? "draft"] ?? "")))),
                  )
                : null,
              history.signed !== undefined ? h("p", null, `In history, ${history.signed} signed${history.declined !== undefined ? ` and ${history.declined} did not` : ""}.`) : null,
              history.notes.map((n) => h("p", { class: "hint" }, n)),
            )
          : null,
      );
    },
  );
}
