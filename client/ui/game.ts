import type { HallScene } from "../hall/HallScene.ts";
import { groupsOf, css, VOTE_COLOURS, VOTE_GLYPHS } from "../hall/palette.ts";
import { clockText, METHODS, nameOf, PHASES, RULES, titleOf } from "../format.ts";
import type { GameModel } from "../model.ts";
import type { PanelContext, Panel } from "./context.ts";
import { fill, h } from "./dom.ts";
import { HallText } from "./hallText.ts";
import { actionsPanel } from "./panels/actions.ts";
import { briefingPanel } from "./panels/briefing.ts";
import { chairPanel } from "./panels/chair.ts";
import { dealsPanel } from "./panels/deals.ts";
import { debriefPanel } from "./panels/debrief.ts";
import { recordPanel } from "./panels/record.ts";
import { textsPanel } from "./panels/texts.ts";

/** What the tally box says: the open question, its count against what is needed, or the last decision. */
export function tallyText(m: GameModel): { title: string; lines: string[] } | null {
  const v = m.view;
  const b = v.ballot;
  if (b) {
    const n = b.voters.length;
    const counts = b.counts
      ? `${VOTE_GLYPHS.yes} ${b.counts.yes} yes · ${VOTE_GLYPHS.no} ${b.counts.no} no · ${VOTE_GLYPHS.abstain} ${b.counts.abstain} abstaining`
      : `Secret ballot: the counts are announced at the close`;
    const revealed = m.revealed?.[b.id];
    return {
      title: `Vote on ${b.subject} (${METHODS[b.method]})`,
      lines: [
        counts,
        revealed ? `Revealed (full log): ${revealed.map((c) => `${c.voter} ${c.choice ?? "?"}`).join(", ")}` : "",
        `${b.voted.length} of ${n} have voted${b.called ? ` · the roll-call has reached ${nameOf(m.scenario, b.called)}` : ""}`,
        b.needed,
      ].filter(Boolean),
    };
  }
  if (v.consensus) {
    const objections = Object.keys(v.targets[v.consensus.target]?.objections ?? {});
    return {
      title: `Call for consensus on ${v.consensus.target} — ${titleOf(m.scenario, v.consensus.target)}`,
      lines: [objections.length ? `Objecting: ${objections.map((d) => nameOf(m.scenario, d)).join(", ")} — consensus cannot be declared while an objection stands` : "No objection so far"],
    };
  }
  if (v.temperature) {
    const values = Object.values(v.temperature.placards);
    return { title: `The feel of the room on ${v.temperature.target}`, lines: [`▲ ${values.filter((x) => x === "for").length} for · ▼ ${values.filter((x) => x === "against").length} against — indicative, not a vote`] };
  }
  const last = Object.entries(v.targets)
    .filter(([, t]) => t.decision && t.decision.status !== "postponed" ? t.status !== "tabled" && t.status !== "moved" : t.decision !== null)
    .sort((a, b) => (b[1].decision?.seq ?? 0) - (a[1].decision?.seq ?? 0))[0];
  if (last?.[1].decision) {
    const d = last[1].decision;
    return { title: `Last decision: ${last[0]} — ${titleOf(m.scenario, last[0])}`, lines: [d.tally ? `${d.tally.yes} yes · ${d.tally.no} no · ${d.tally.abstain} abstaining` : "", d.reason].filter(Boolean) };
  }
  return null;
}

/**
 * The game screen (DESIGN §10): the hall on the left with the tally above it and the floor below, the panels
 * on the right in tabs, the bar on top with the phase, the item and the time left. On a phone they stack,
 * and while a vote is open the hall shrinks so the ballot buttons are on the first screen. Live games and
 * replays render the same model; only live ones have buttons that act.
 */
export class GameScreen {
  readonly el: HTMLElement;
  private readonly tabs: { id: string; label: string; heading: string; panel: Panel }[];
  private readonly tabButtons = new Map<string, HTMLButtonElement>();
  // Focusable, as the ARIA tabs pattern has it: a panel that is all text (Texts, Briefing) still takes the
  // keyboard, and the desktop layout scrolls it.
  private readonly body = h("div", { class: "tab-body", role: "tabpanel", tabindex: 0 });
  private readonly top = h("header", { class: "topbar" });
  private readonly title: HTMLElement;
  private readonly chips = h("span", { class: "chips" });
  private readonly status = h("div", { class: "status-line" });
  private readonly tally = h("div", { class: "tally" });
  // Read out once when the question changes (a vote opens, a decision is taken), not at every ballot cast:
  // the running count is in the box and in the hall's table for whoever looks.
  private readonly announce = h("p", { class: "sr-only", "aria-live": "polite" });
  private readonly floor = h("div", { class: "floor" });
  private readonly legend = h("div", { class: "legend" });
  // The canvas repeats what the table beside it says in words; screen readers read the table.
  readonly hallBox = h("div", { class: "hall", "aria-hidden": "true" });
  private readonly hallText = new HallText();
  readonly banner = h("div", { class: "banner", role: "status", "aria-live": "assertive" });
  readonly extra = h("div", { class: "extra" });
  private active = "";
  private model: GameModel | null = null;
  private closedSeen = false;
  private timer: ReturnType<typeof setInterval>;
  hall: HallScene | null = null;
  private hallGame: { destroy(removeCanvas: boolean): void } | null = null;

  constructor(
    private readonly ctx: PanelContext,
    role: "delegation" | "chair" | "observer" | "viewer",
  ) {
    const all = {
      act: { id: "act", label: "Act", heading: "Your actions", panel: actionsPanel(ctx) },
      chair: { id: "chair", label: "Chair", heading: "The chair's console", panel: chairPanel(ctx) },
      texts: { id: "texts", label: "Texts", heading: "The agenda and the texts", panel: textsPanel() },
      deals: { id: "deals", label: "Deals", heading: "Deals", panel: dealsPanel(ctx) },
      briefing: { id: "briefing", label: "Briefing", heading: "Your briefing", panel: briefingPanel(ctx) },
      record: { id: "record", label: "Record", heading: "The record of the conference", panel: recordPanel() },
      debrief: { id: "debrief", label: "Debrief", heading: "The debrief", panel: debriefPanel() },
    };
    this.tabs =
      role === "delegation"
        ? [all.act, all.texts, all.deals, all.briefing, all.record, all.debrief]
        : role === "chair"
          ? [all.chair, all.texts, all.record, all.debrief]
          : [all.texts, all.record, all.debrief];
    const tablist = h(
      "div",
      { class: "tabs", role: "tablist", "aria-label": "Panels", onkeydown: (e: KeyboardEvent) => this.keys(e) },
      this.tabs.map((t) => {
        const b = h("button", { role: "tab", id: `tab-${t.id}`, "aria-controls": "tab-body", onclick: () => this.show(t.id) }, t.label);
        this.tabButtons.set(t.id, b);
        return b;
      }),
    );
    this.body.id = "tab-body";
    // A replay sits under the viewer's own h1, so there the conference's title is a level down.
    this.title = h(role === "viewer" ? "h2" : "h1", { class: "title-name" });
    fill(this.top, h("a", { class: "brand", href: "#/" }, "Plenipo"), h("div", { class: "title" }, this.title, this.chips), this.status);
    const hall = h("section", { class: "hall-wrap", "aria-labelledby": "hall-heading" }, h("h2", { class: "sr-only", id: "hall-heading" }, "The hall"), this.tally, this.announce, this.hallBox, this.hallText.el);
    this.el = h("div", { class: "game" }, this.top, this.banner, h("div", { class: "stage" }, h("div", { class: "left" }, hall, this.floor, this.legend), h("div", { class: "right" }, tablist, this.body)), this.extra);
    this.show(this.tabs[0]?.id ?? "texts");
    this.timer = setInterval(() => this.model && this.renderTop(this.model), 1000);
  }

  private keys(e: KeyboardEvent): void {
    const i = this.tabs.findIndex((t) => t.id === this.active);
    const n = this.tabs.length;
    const next = e.key === "ArrowRight" ? i + 1 : e.key === "ArrowLeft" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = this.tabs[(next + n) % n];
    if (t) {
      this.show(t.id);
      this.tabButtons.get(t.id)?.focus();
    }
  }

  show(id: string): void {
    // A keyboard inside the panel being swapped out (the conference closes while a student is on "Sign")
    // lands on the new panel's tab, not at the top of the page.
    const hadFocus = this.body.contains(document.activeElement);
    this.active = id;
    for (const [tid, b] of this.tabButtons) {
      b.setAttribute("aria-selected", String(tid === id));
      b.tabIndex = tid === id ? 0 : -1;
    }
    const tab = this.tabs.find((t) => t.id === id);
    if (tab) {
      this.body.setAttribute("aria-labelledby", `tab-${id}`);
      fill(this.body, h("h2", { class: "sr-only" }, tab.heading), tab.panel.el);
      if (this.model) tab.panel.update(this.model);
    }
    if (hadFocus && !this.body.contains(document.activeElement)) this.tabButtons.get(id)?.focus({ preventScroll: true });
    // On a phone the page scrolls and the tabs stick to the top: a tab chosen deep in a long panel opens at
    // its beginning, not in its middle.
    const right = this.body.parentElement;
    if (right && right.getBoundingClientRect().top < 0) right.scrollIntoView({ block: "start" });
  }

  update(m: GameModel): void {
    // In the lobby a delegation reads its briefing first; when the conference starts, it is back on Act.
    const wasLobby = this.model?.lobby ?? false;
    this.model = m;
    if (m.lobby && !wasLobby && this.tabs.some((t) => t.id === "briefing")) this.show("briefing");
    if (!m.lobby && wasLobby && this.active === "briefing" && this.tabs.some((t) => t.id === "act")) this.show("act");
    this.renderTop(m);
    this.renderTally(m);
    this.renderFloor(m);
    this.renderLegend(m);
    // The hall gives way (on a phone) while this person has a ballot to cast: the Act panel is redrawn in the
    // same frame, so no control moves under their finger; a vote they are not in moves nothing.
    this.el.classList.toggle("voting", !!m.legal?.actions.some((l) => l.action.type === "vote"));
    this.tabs.find((t) => t.id === this.active)?.panel.update(m);
    this.hall?.setModel(m);
    this.hallText.update(m);
    if (m.view.phase === "closed" && !this.closedSeen && m.source === "live") {
      this.closedSeen = true;
      this.show("debrief");
    }
    const ballotOpen = !!m.legal?.actions.some((l) => l.action.type === "vote");
    this.tabButtons.get("act")?.classList.toggle("attention", ballotOpen && this.active !== "act");
    const incoming = (m.private?.offers ?? []).some((o) => o.status === "open" && o.to === m.me.seat);
    this.tabButtons.get("deals")?.classList.toggle("attention", incoming && this.active !== "deals");
  }

  /** Rebuilds a part of the screen only when what it shows has changed (a vote updates many times a second). */
  private changed(part: HTMLElement, key: string): boolean {
    if (part.dataset.key === key) return false;
    part.dataset.key = key;
    return true;
  }

  // The bar is filled part by part: the clock ticks every second, and the "Plenipo" link a keyboard may be
  // standing on is never rebuilt.
  private renderTop(m: GameModel): void {
    const v = m.view;
    if (this.changed(this.title, JSON.stringify([m.scenario.title, v.rule, m.code, m.me]))) {
      this.title.textContent = m.scenario.title;
      fill(this.chips, h("span", { class: `chip rule-${v.rule}` }, RULES[v.rule]), m.code ? h("span", { class: "chip code", title: "Join code" }, m.code) : null, m.me.seat ? h("span", { class: "chip me" }, nameOf(m.scenario, m.me.seat)) : m.me.role === "chair" ? h("span", { class: "chip me" }, "Chair") : null);
    }
    const item = v.item ? m.scenario.agenda.find((a) => a.id === v.item)?.title : null;
    const time = m.clock ? (m.clock.paused ? "paused" : clockText(m.clock.deadlineAt, Date.now())) : "";
    if (!this.changed(this.status, JSON.stringify([v.suspended, v.phase, item, time]))) return;
    fill(this.status, h("span", { class: "phase" }, v.suspended ? "Suspended" : PHASES[v.phase]), item ? h("span", { class: "item-name" }, item) : null, time ? h("span", { class: "clock" }, time === "paused" ? "clock paused" : `${time} left`) : null);
  }

  private renderTally(m: GameModel): void {
    const t = tallyText(m);
    if (!this.changed(this.tally, JSON.stringify(t))) return;
    const said = t ? `${t.title}. ${t.lines[t.lines.length - 1] ?? ""}` : "";
    if (this.announce.dataset.title !== (t?.title ?? "")) {
      this.announce.dataset.title = t?.title ?? "";
      this.announce.textContent = said;
    }
    if (!t) return fill(this.tally);
    fill(this.tally, h("div", { class: "tally-title" }, t.title), t.lines.map((l) => h("div", null, l)));
  }

  private renderFloor(m: GameModel): void {
    const v = m.view;
    if (!this.changed(this.floor, JSON.stringify([v.floor, v.lastSpeech]))) return;
    fill(
      this.floor,
      h("div", { class: "speaking" }, v.floor.holder ? h("strong", null, `${nameOf(m.scenario, v.floor.holder)} has the floor`) : v.lastSpeech ? h("span", null, h("strong", null, nameOf(m.scenario, v.lastSpeech.by)), `: “${v.lastSpeech.text}”`) : h("span", { class: "muted" }, "Nobody is speaking.")),
      v.floor.speakers.length ? h("div", { class: "speakers" }, h("span", { class: "muted" }, v.floor.closed ? "Speakers (list closed): " : "Speakers: "), v.floor.speakers.map((d) => h("span", { class: "chip" }, nameOf(m.scenario, d)))) : null,
    );
  }

  private renderLegend(m: GameModel): void {
    if (this.legend.dataset.scenario === m.scenario.id) return;
    this.legend.dataset.scenario = m.scenario.id;
    const { groups } = groupsOf(m.scenario);
    fill(
      this.legend,
      groups.map((g) => h("span", { class: "key" }, h("span", { class: "swatch", style: `background:${css(g.colour)}` }), g.name)),
      (["yes", "no", "abstain"] as const).map((c) => h("span", { class: `key vote-${c}-key` }, h("span", { class: "swatch vote", "aria-hidden": "true", style: `background:${css(VOTE_COLOURS[c])}` }, VOTE_GLYPHS[c]), c)),
    );
  }

  /** The hall, once Phaser has started it; the screen owns it from then on and stops it when it goes. */
  attachHall(started: { scene: HallScene; game: { destroy(removeCanvas: boolean): void } }): void {
    this.hall = started.scene;
    this.hallGame = started.game;
    if (this.model) this.hall.setModel(this.model);
  }

  destroy(): void {
    clearInterval(this.timer);
    this.hallGame?.destroy(true);
    this.hallGame = null;
    this.hall = null;
  }
}
