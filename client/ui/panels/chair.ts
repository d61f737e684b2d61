import qrcode from "qrcode-generator";
import type { Action, Method } from "../../../shared/engine/actions.ts";
import type { ChairCommand, Person } from "../../../shared/protocol/messages.ts";
import { METHODS, nameOf, titleOf } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { keyed, type Panel, type PanelContext } from "../context.ts";
import { fill, h, toast } from "../dom.ts";
import { send } from "./actions.ts";

async function command(ctx: PanelContext, c: ChairCommand, done: string): Promise<void> {
  if (!ctx.chair) return;
  const answer = await ctx.chair(c);
  toast(answer.ok ? done : answer.message, answer.ok ? "ok" : "refused");
}

const qrSvg = new Map<string, string>();

/** A QR code of the join link (with the code in it), for students to scan from the projected console. */
function qrOf(url: string): HTMLElement {
  let svg = qrSvg.get(url);
  if (svg === undefined) {
    const qr = qrcode(0, "M");
    qr.addData(url);
    qr.make();
    svg = qr.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
    qrSvg.set(url, svg);
  }
  const box = h("div", { class: "qr", role: "img", "aria-label": `QR code of ${url}` });
  box.innerHTML = svg;
  return box;
}

/**
 * How students join, kept on the console for the whole game: the address they type (the server's public
 * URL, never localhost), the code in large type, and a QR code of the link with the code filled in.
 */
function joinBox(m: GameModel, lobby: boolean, joined: number, playable: number): HTMLElement {
  const address = m.publicUrl ?? `${location.origin}/`;
  const link = m.joinUrl ?? `${address}#/join/${m.code}`;
  return h(
    lobby ? "div" : "details",
    { class: `lobby ${lobby ? "waiting" : "started"}`, ...(lobby ? {} : { open: m.view.phase === "opening" }) },
    lobby ? null : h("summary", null, `Join code ${m.code} · ${joined} of ${playable} delegations taken`),
    h(
      "div",
      { class: "join-box" },
      h(
        "div",
        null,
        h("p", null, "Students open"),
        h("p", { class: "join-url" }, address),
        h("p", null, "choose Join with a code, and type"),
        h("p", { class: "join-code", "aria-label": `Join code ${m.code.split("").join(" ")}` }, m.code),
        h("p", { class: "hint" }, `${joined} of ${playable} delegations taken. Empty seats are played by bots.`),
      ),
      h("div", { class: "qr-box" }, qrOf(link), h("p", { class: "hint" }, "or scan this: it opens the game with the code")),
    ),
  );
}

/** The people in the game, each movable to another delegation or out of their seat (they then watch). */
function peopleTable(ctx: PanelContext, m: GameModel, people: Person[]): HTMLElement | null {
  const students = people.filter((p) => p.role !== "chair");
  if (!students.length) return null;
  const seats = m.scenario.delegations.filter((d) => d.present && d.playable);
  return h(
    "details",
    { class: "group people" },
    h("summary", null, `People (${students.length})`),
    h(
      "ul",
      { class: "people-list" },
      students.map((p) => {
        const to = h("select", { "aria-label": `Move ${p.name} to` }, seats.filter((d) => d.id !== p.seat).map((d) => h("option", { value: d.id }, d.name)));
        return h(
          "li",
          null,
          h("span", null, h("strong", null, p.name), " — ", p.seat ? nameOf(m.scenario, p.seat) : "watching", p.connected ? "" : " (disconnected)"),
          h(
            "span",
            { class: "inline" },
            to,
            h("button", { class: "small", onclick: () => void command(ctx, { type: "move", session: p.session, to: to.value }, `${p.name} moved to ${nameOf(m.scenario, to.value)}`) }, "Move"),
            p.seat ? h("button", { class: "small quiet", onclick: () => void command(ctx, { type: "remove", session: p.session }, `${p.name} now watches`) }, "Remove from seat") : null,
          ),
        );
      }),
    ),
  );
}

/**
 * The chair's console (DESIGN §10): how students join (for the whole game), the lobby's Start, the procedure
 * (from the chair's legal actions), the room's controls (the clock, who plays which seat) and the people.
 */
export function chairPanel(ctx: PanelContext): Panel {
  const el = h("section", { class: "panel chair", "aria-label": "Chair's console" });
  return keyed(
    el,
    (m) => JSON.stringify([m.legal, m.view.seq, m.seats, m.chairSeat, m.clock?.paused, m.lobby, m.people, m.reveal]),
    (m) => {
      const legal = (m.legal?.actions ?? []).map((l) => l.action);
      const of = <T extends Action["type"]>(type: T) => legal.filter((a) => a.type === type) as Extract<Action, { type: T }>[];
      const go = (a: Action) => () => void send(ctx, m, a);
      const btn = (label: string, a: Action, cls = "") => h("button", { class: cls, onclick: go(a) }, label);
      const botChairs = m.chairSeat?.control === "bot";
      const v = m.view;

      const flow: (HTMLElement | null)[] = [];
      for (const a of of("rule")) flow.push(btn(`Rule on ${a.point}: ${a.decision === "upheld" ? "uphold" : "reject"}`, a, a.decision === "upheld" ? "primary" : ""));
      const items = of("open_item");
      if (items.length) {
        const pick = h("select", { "aria-label": "Agenda item to open" }, items.map((a) => h("option", { value: a.item }, m.scenario.agenda.find((i) => i.id === a.item)?.title ?? a.item)));
        flow.push(h("span", { class: "inline" }, pick, h("button", { class: "primary", onclick: () => void send(ctx, m, { type: "open_item", item: pick.value }) }, "Open the item")));
      }
      for (const a of of("give_floor")) flow.push(btn(`Give the floor to ${nameOf(m.scenario, a.to)}`, a));
      for (const a of of("close_speakers_list")) flow.push(btn("Close the list of speakers", a));
      for (const a of of("call_consensus")) flow.push(btn(`Call for consensus on ${a.target}`, a, "primary"));
      for (const a of of("declare_consensus")) {
        const objections = Object.keys(v.targets[a.target]?.objections ?? {});
        flow.push(btn(`Declare consensus on ${a.target}`, a, objections.length ? "" : "primary"));
        if (objections.length) flow.push(btn(`Adopt ${a.target} over ${objections.map((d) => nameOf(m.scenario, d)).join(", ")}'s objection (ruling, costs legitimacy)`, { ...a, overrule: true }, "warn"));
      }
      for (const a of of("take_temperature").slice(0, 3)) flow.push(btn(`Take the temperature on ${a.target}`, a));
      for (const a of of("call_vote")) {
        const isMotion = v.motions.some((mo) => mo.id === a.target);
        const method = h("select", { "aria-label": "Voting method" }, (["show_of_hands", "roll_call", "secret"] as Method[]).map((x) => h("option", { value: x }, METHODS[x])));
        flow.push(
          isMotion
            ? btn(`Put motion ${a.target} to the vote`, a, "primary")
            : h("span", { class: "inline" }, method, h("button", { class: "primary", onclick: () => void send(ctx, m, { type: "call_vote", target: a.target, method: method.value as Method }) }, `Call a vote on ${a.target}`)),
        );
      }
      for (const a of of("close_vote")) {
        const b = v.ballot;
        flow.push(btn(`Close the vote (${b?.voted.length ?? 0} of ${b?.voters.length ?? 0} voted)`, a, b && b.voted.length >= b.voters.length ? "primary" : ""));
      }
      for (const a of of("suspend")) flow.push(btn("Suspend the meeting", a, "quiet"));
      for (const a of of("resume")) flow.push(btn("Resume the meeting", a, "primary"));
      for (const a of of("open_signing")) flow.push(btn("Open the Final Acts for signature", a, v.concluded ? "primary" : "quiet"));
      for (const a of of("close_conference")) flow.push(btn("Close the conference", a, "primary"));

      // In a 193-seat plenary the console lists the seats people can take (and any they hold).
      const seatRows = m.scenario.delegations
        .filter((d) => d.present && (m.scenario.delegations.length <= 24 || d.playable || (m.seats[d.id]?.holders.length ?? 0) > 0))
        .map((d) => {
          const s = m.seats[d.id];
          return h(
            "tr",
            null,
            h("td", null, d.name),
            h("td", null, s?.holders.length ? s.holders.join(", ") : h("span", { class: "muted" }, "—")),
            h("td", null, s?.control ?? ""),
            h(
              "td",
              null,
              s?.control === "bot"
                ? h("button", { class: "small", onclick: () => void command(ctx, { type: "seat", seat: d.id, bot: false }, `${d.name}: back to its people`) }, "Give back")
                : h("button", { class: "small", onclick: () => void command(ctx, { type: "seat", seat: d.id, bot: true }, `${d.name}: a bot plays it`) }, "Hand to a bot"),
            ),
          );
        });
      const joined = m.scenario.delegations.filter((d) => (m.seats[d.id]?.holders.length ?? 0) > 0).length;

      const playable = m.scenario.delegations.filter((d) => d.present && d.playable).length;
      fill(
        el,
        m.source === "live" ? joinBox(m, m.lobby, joined, playable) : null,
        m.lobby
          ? h(
              "div",
              { class: "group start" },
              h("p", null, "The game waits here until you start it: students can join and read their briefings; nothing moves and the clock stands still."),
              h("button", { class: "primary big", id: "start-conference", onclick: () => void command(ctx, { type: "start" }, "The conference has started") }, "Start the conference"),
            )
          : null,
        h(
          "div",
          { class: "group" },
          h("h3", null, botChairs ? "A bot is chairing" : "Procedure"),
          botChairs
            ? h("p", { class: "hint" }, "Take the chair back to run the meeting yourself.")
            : flow.length
              ? h("div", { class: "column" }, flow)
              : h("p", { class: "hint" }, v.ballot ? "Waiting for the ballots." : v.floor.holder ? `${nameOf(m.scenario, v.floor.holder)} is speaking.` : "Nothing for the chair right now."),
        ),
        h(
          "div",
          { class: "group" },
          h("h3", null, "The room"),
          h(
            "div",
            { class: "row wrap" },
            m.clock?.paused
              ? h("button", { class: "primary", onclick: () => void command(ctx, { type: "resume" }, "Clock running") }, "Start the clock")
              : h("button", { onclick: () => void command(ctx, { type: "pause" }, "Clock paused") }, "Pause the clock"),
            h("button", { onclick: () => void command(ctx, { type: "extend", minutes: 1 }, "One more minute") }, "+1 min"),
            h("button", { onclick: () => void command(ctx, { type: "extend", minutes: 5 }, "Five more minutes") }, "+5 min"),
            h("button", { class: botChairs ? "primary" : "quiet", onclick: () => void command(ctx, { type: "seat", seat: "chair", bot: !botChairs }, botChairs ? "You chair" : "A bot chairs") }, botChairs ? "Take the chair back" : "Let a bot chair"),
          ),
          // The cards are each delegation's own until the debrief; what the debrief shows is the teacher's call.
          h(
            "label",
            { class: "check" },
            h("input", {
              type: "checkbox",
              id: "reveal-cards",
              value: "reveal-cards",
              checked: m.reveal === "cards",
              onchange: (e: Event) => {
                const cards = (e.target as HTMLInputElement).checked;
                void command(ctx, { type: "reveal", cards }, cards ? "At the debrief everyone will see every card and score" : "At the debrief each delegation will see only its own card and score");
              },
            }),
            " At the debrief, show every delegation's card and score to everyone",
          ),
        ),
        h(
          "details",
          { class: "group", open: v.phase === "opening" },
          h("summary", null, "Seats"),
          h("table", { class: "seats" }, h("thead", null, h("tr", null, h("th", null, "Delegation"), h("th", null, "Played by"), h("th", null, "Control"), h("th", null, h("span", { class: "sr-only" }, "Change")))), h("tbody", null, seatRows)),
        ),
        m.people ? peopleTable(ctx, m, m.people) : null,
        v.consensus ? h("p", { class: "hint" }, `Call for consensus on ${v.consensus.target} (${titleOf(m.scenario, v.consensus.target)}).`) : null,
      );
    },
  );
}
