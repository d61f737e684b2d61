import { METHODS, nameOf, titleOf } from "../format.ts";
import { seatLooks, type SeatLook } from "../hall/looks.ts";
import { groupsOf, seatingOrder } from "../hall/palette.ts";
import type { GameModel } from "../model.ts";
import { h } from "./dom.ts";

/** How a choice reads in a sentence. */
const CHOICE = { yes: "yes", no: "no", abstain: "abstains" } as const;

interface Table {
  caption: string;
  columns: string[];
  /** Delegation id → its cells, in seating order. */
  rows: [string, string[]][];
}

/** Who plays the seat, in words: this browser's player, people by name, a bot, or nobody. */
function playedBy(m: GameModel, id: string): string {
  const s = m.seats[id];
  if (!s) return "";
  if (m.me.seat === id) {
    const others = s.holders.filter((x) => x !== m.me.name);
    return others.length ? `you, with ${others.join(", ")}` : "you";
  }
  if (s.control === "absent") return "not at the conference";
  if (s.control === "bot") return s.holders.length ? `a bot, for ${s.holders.join(", ")}` : "a bot";
  if (s.holders.length) return `${s.holders.join(", ")}${s.team && s.holders.length > 1 ? " (a team)" : ""}`;
  return "nobody yet";
}

/** What a seat is doing that the hall shows: the floor, an objection, a placard, a walk-out, a signature. */
function doing(look: SeatLook): string {
  return [
    !look.present ? "absent" : !look.inRoom ? "walked out" : "",
    look.speaking ? "has the floor" : "",
    look.objecting ? "objects" : "",
    look.placard === "for" ? "placard for" : look.placard === "against" ? "placard against" : "",
    look.signature === "signed" ? "signed the Final Acts" : look.signature === "declined" ? "declined to sign" : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * The vote column: the open ballot as the hall lights it, or else the last ballot taken. A secret ballot says
 * who voted, never how (unless a full log's replay reveals it).
 */
function votes(m: GameModel, looks: Map<string, SeatLook>): { caption: string; of: (id: string) => string } | null {
  const open = m.view.ballot;
  if (open) {
    const voters = new Set(open.voters);
    const secret = open.method === "secret" ? ", a secret ballot: who has voted, not how" : "";
    return {
      caption: `the vote on ${open.subject} (${METHODS[open.method]}${secret})`,
      of: (id) => {
        if (!voters.has(id)) return "no vote";
        const v = looks.get(id)?.vote;
        return !v ? "not yet" : v === "cast" ? "has voted" : CHOICE[v];
      },
    };
  }
  const last = m.view.ballots[m.view.ballots.length - 1];
  if (!last) return null;
  const voted = new Set(last.voted);
  const revealed = new Map((m.revealed?.[last.id] ?? []).map((c) => [c.voter, c.choice]));
  const secret = last.method === "secret" ? ", a secret ballot: who voted, not how" : "";
  return {
    caption: `the last vote, on ${last.target} ${titleOf(m.scenario, last.target)} (${METHODS[last.method]}${secret})`,
    of: (id) => {
      const c = last.choices[id] ?? revealed.get(id);
      if (c) return CHOICE[c];
      return voted.has(id) ? "voted" : "did not vote";
    },
  };
}

function tableOf(m: GameModel): Table {
  const looks = seatLooks(m);
  const { groups, groupOf } = groupsOf(m.scenario);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const live = Object.keys(m.seats).length > 0;
  const vote = votes(m, looks);
  const columns = ["Delegation", "Group", live ? "Played by" : null, "In the hall", vote ? "Vote" : null].filter((c): c is string => c !== null);
  const rows: Table["rows"] = seatingOrder(m.scenario).map((id) => {
    const look = looks.get(id);
    const cells = [look?.me ? `${nameOf(m.scenario, id)} (you)` : nameOf(m.scenario, id), groupName.get(groupOf(id)) ?? "", ...(live ? [playedBy(m, id)] : []), look ? doing(look) : "", ...(vote ? [vote.of(id)] : [])];
    return [id, cells];
  });
  const caption = `The ${rows.length} seats of the hall, in seating order${vote ? `, and ${vote.caption}` : ""}`;
  return { caption, columns, rows };
}

/**
 * The hall in words, for screen readers (DESIGN §10): beside the canvas, a visually hidden table of who holds
 * each seat, what it is doing and how it voted — built from the same model and the same seat looks the hall
 * draws. A plenary has 193 rows and the model changes many times a second during a vote, so only the cells
 * whose words changed are touched.
 */
export class HallText {
  readonly el: HTMLElement;
  private readonly caption = h("caption");
  private readonly head = h("thead");
  private readonly body = h("tbody");
  private headKey = "";
  private readonly rows = new Map<string, { tr: HTMLTableRowElement; key: string }>();

  constructor() {
    this.el = h("div", { class: "hall-text sr-only" }, h("table", null, this.caption, this.head, this.body));
  }

  update(m: GameModel): void {
    const t = tableOf(m);
    if (this.caption.textContent !== t.caption) this.caption.textContent = t.caption;
    const headKey = `${m.scenario.id}|${t.columns.join("|")}|${t.rows.map(([id]) => id).join()}`;
    if (headKey !== this.headKey) {
      this.headKey = headKey;
      this.head.replaceChildren(h("tr", null, t.columns.map((c) => h("th", { scope: "col" }, c))));
      this.rows.clear();
      this.body.replaceChildren();
    }
    for (const [id, cells] of t.rows) {
      const key = cells.join("\u0000");
      const row = this.rows.get(id);
      if (row?.key === key) continue;
      const tr = h("tr", null, cells.map((c, i) => (i === 0 ? h("th", { scope: "row" }, c) : h("td", null, c))));
      if (row) row.tr.replaceWith(tr);
      else this.body.append(tr);
      this.rows.set(id, { tr, key });
    }
  }
}
