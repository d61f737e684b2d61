import type { Action, Method, MotionKind } from "../../../shared/engine/actions.ts";
import type { LegalAction } from "../../../shared/engine/legal.ts";
import type { Seen } from "../../../shared/protocol/messages.ts";
import { describe, METHODS, nameOf, STATUS, titleOf } from "../../format.ts";
import type { GameModel } from "../../model.ts";
import { keyed, type Panel, type PanelContext } from "../context.ts";
import { fill, h, toast } from "../dom.ts";

/**
 * What a control was drawn from (docs/protocol.md): the view's seq, the ballot open, the step and the text it
 * names. The server refuses the action if one of them has changed since, so a click never lands on a
 * question the person did not see.
 */
export function seenBy(model: GameModel, target?: string): Seen {
  return { seq: model.view.seq, ballot: model.view.ballot?.id ?? null, ...(model.view.step ? { step: model.view.step.id } : {}), ...(target ? { target } : {}) };
}

/** Sends an action and says what the server answered. */
export async function send(ctx: PanelContext, model: GameModel, action: Action, target?: string): Promise<boolean> {
  if (!ctx.act) return false;
  const answer = await ctx.act(action, seenBy(model, target));
  if (answer.ok) toast(`Done: ${model.me.seat ? nameOf(model.scenario, model.me.seat) : "you"} ${describe(model.scenario, action)}.`, "ok");
  else toast(answer.message, "refused");
  return answer.ok;
}

/** "18 s": the time left until `until` (ms since the epoch), kept up to date by tick(). */
export function countdown(until: number): HTMLElement {
  return h("span", { class: "countdown", "data-until": String(until) }, secondsLeft(until));
}

const secondsLeft = (until: number) => `${Math.max(0, Math.ceil((until - Date.now()) / 1000))} s`;

/** Updates every countdown in `root` (once a second; the panel itself is not redrawn for it). */
function tick(root: HTMLElement): void {
  for (const c of root.querySelectorAll<HTMLElement>(".countdown[data-until]")) {
    const text = secondsLeft(Number(c.dataset.until));
    if (c.textContent !== text) c.textContent = text;
  }
}

const of = (legal: LegalAction[], type: Action["type"]) => legal.filter((l) => l.action.type === type).map((l) => l.action);

/** What the Act panel shows, and nothing else: it is redrawn only when this changes (not at every seq). */
function actKey(m: GameModel): string {
  const b = m.view.ballot;
  const texts = Object.fromEntries(Object.entries(m.view.targets).map(([id, t]) => [id, t.status]));
  const mine = m.me.seat ? m.seats[m.me.seat]?.control : null;
  return JSON.stringify([m.legal, m.me, m.prompt, mine, m.lobby, b && [b.id, b.method, b.called, b.subject], b?.method === "roll_call" ? m.clock?.deadlineAt : 0, m.view.floor.holder, texts, m.view.phase]);
}

/**
 * What this delegation may do now (DESIGN §10): one button per legal action the server sent, grouped by what
 * the student is doing, and — folded below — why every other action is refused right now.
 */
export function actionsPanel(ctx: PanelContext): Panel {
  const el = h("section", { class: "panel actions", "aria-label": "Your actions" });
  setInterval(() => el.isConnected && tick(el), 1000);
  return keyed(
    el,
    actKey,
    (m) => {
      // Drawn afresh each time (formState keeps what was typed, by label): a control that stayed in the page
      // while others appeared above it would move under the person's pointer.
      const speech = h("textarea", { rows: 3, placeholder: "What your delegation says…", "aria-label": "Your statement", maxlength: 2000 });
      const pointText = h("input", { type: "text", placeholder: "Your point of order…", "aria-label": "Point of order", maxlength: 300 });
      const withBot = m.me.seat !== null && m.seats[m.me.seat]?.control === "bot";
      const legal = m.lobby ? [] : (m.legal?.actions ?? []);
      const go = (action: Action, target?: string) => () => void send(ctx, m, action, target);
      const btn = (label: string, action: Action, cls = "", target?: string) => h("button", { class: cls, onclick: go(action, target) }, label);
      const sections: HTMLElement[] = [];

      if (m.lobby) {
        sections.push(h("div", { class: "group notice" }, h("h3", null, "The conference has not started yet"), h("p", null, "Your teacher starts it from the chair's console. Read your briefing meanwhile: what your delegation wants, its red lines, and what it sponsors.")));
      }
      if (withBot) {
        sections.push(
          h(
            "div",
            { class: "group notice with-bot", role: "status" },
            h("h3", null, `A bot is playing ${nameOf(m.scenario, m.me.seat)} for now`),
            h("p", null, "Your teacher has handed your seat to a bot: your controls are off until the teacher gives it back. You can still read everything."),
          ),
        );
      }

      // The meeting waits for this person: their moment, first.
      const prompt = m.prompt;
      if (prompt && prompt.holds === "debate" && !withBot) {
        const doIt = prompt.action;
        sections.push(
          h(
            "div",
            { class: "group moment", role: "status" },
            h("h3", null, prompt.text, " ", h("span", { class: "hint" }, "· ", countdown(prompt.until), " before the chair may move on")),
            h(
              "div",
              { class: "row" },
              doIt ? btn(doIt.type === "table" ? `Table ${doIt.target}` : doIt.type === "move_amendment" ? `Move ${doIt.amendment}` : describe(m.scenario, doIt), doIt, "primary") : null,
              ctx.pass ? h("button", { class: "quiet", onclick: () => void ctx.pass?.().then((a) => toast(a.ok ? "The meeting moves on without waiting for you." : a.message, a.ok ? "ok" : "refused")) }, "Not now") : null,
            ),
          ),
        );
      }

      // A vote is open: that comes first.
      const votes = of(legal, "vote") as Extract<Action, { type: "vote" }>[];
      const openBallot = m.view.ballot;
      if (!votes.length && openBallot?.method === "roll_call" && openBallot.called && m.me.seat && openBallot.voters.includes(m.me.seat) && !openBallot.voted.includes(m.me.seat)) {
        sections.push(h("div", { class: "group vote waiting" }, h("h3", null, `Roll-call on ${openBallot.subject}`), h("p", { class: "hint" }, `${nameOf(m.scenario, openBallot.called)} is voting now; your delegation is called in its turn, and then has ${m.pace === "classroom" ? "45" : "20"} seconds.`)));
      }
      if (votes.length) {
        const b = m.view.ballot;
        const principals = [...new Set(votes.map((v) => v.for ?? ""))];
        const turn = b?.method === "roll_call" && m.clock?.deadlineAt ? m.clock.deadlineAt : 0;
        sections.push(
          h(
            "div",
            { class: "group vote" },
            h("h3", null, `Vote on ${b?.subject ?? "the question"}`),
            turn ? h("p", { class: "turn" }, h("strong", null, "Your delegation is called: "), countdown(turn), " to answer, or the roll-call passes you and calls you again at the end.") : null,
            prompt?.holds === "ballot" ? h("p", { class: "turn" }, "The vote stays open for you for ", countdown(prompt.until), ".") : null,
            h("p", { class: "hint" }, `${METHODS[b?.method ?? ""] ?? ""}${b?.method === "secret" ? ": nobody else will see your choice" : ": the room sees your choice"}.`),
            principals.map((p) =>
              h(
                "div",
                { class: "row" },
                p ? h("span", { class: "proxy" }, `for ${nameOf(m.scenario, p)} (proxy)`) : null,
                (["yes", "no", "abstain"] as const).map((choice) => {
                  const a = votes.find((v) => (v.for ?? "") === p && v.choice === choice);
                  return a ? btn(choice === "yes" ? "Yes" : choice === "no" ? "No" : "Abstain", a, `vote-${choice}`, a.target) : null;
                }),
              ),
            ),
          ),
        );
      }

      const placards = of(legal, "placard") as Extract<Action, { type: "placard" }>[];
      if (placards.length) {
        sections.push(h("div", { class: "group" }, h("h3", null, `The chair asks for the feel of the room on ${placards[0]?.target}`), h("p", { class: "hint" }, "Indicative only: it decides nothing."), h("div", { class: "row" }, placards.map((a) => btn(a.position === "for" ? "▲ Placard for" : "▼ Placard against", a, "", placards[0]?.target)))));
      }

      // The floor.
      const floorButtons: HTMLElement[] = [];
      if (of(legal, "speak").length) {
        floorButtons.push(
          h("div", { class: "speak" }, speech, h("div", { class: "row" }, h("button", { class: "primary", onclick: () => void send(ctx, m, { type: "speak", text: speech.value.trim() || `${nameOf(m.scenario, m.me.seat)} thanks the chair.` }).then((ok) => ok && (speech.value = "")) }, "Speak"), of(legal, "yield_floor").map((a) => btn("Yield the floor", a)))),
        );
      }
      for (const a of of(legal, "request_floor")) floorButtons.push(btn("Ask for the floor", a));
      if (floorButtons.length) sections.push(h("div", { class: "group" }, h("h3", null, m.view.floor.holder === m.me.seat ? "You have the floor" : "The floor"), floorButtons));

      // Texts on the table.
      const targets = new Map<string, Action[]>();
      const textTypes = ["table", "second", "cosponsor", "move_amendment", "accept_amendment", "withdraw", "object", "withdraw_objection", "request_vote", "explain_vote"];
      for (const l of legal) {
        if (!textTypes.includes(l.action.type)) continue;
        const id = ("target" in l.action ? l.action.target : "amendment" in l.action ? l.action.amendment : "") as string;
        targets.set(id, [...(targets.get(id) ?? []), l.action]);
      }
      if (targets.size) {
        const rows = [...targets.entries()].map(([id, actions]) => {
          const t = m.view.targets[id];
          const methods = actions.filter((a) => a.type === "request_vote") as Extract<Action, { type: "request_vote" }>[];
          const method = h("select", { "aria-label": `Method of the vote on ${id}` }, methods.map((a) => h("option", { value: a.method }, METHODS[a.method])));
          const reason = h("input", { type: "text", placeholder: "reason (optional)", "aria-label": `Reason for objecting to ${id}`, maxlength: 200 });
          const explain = h("input", { type: "text", placeholder: "your explanation", "aria-label": `Explanation of vote on ${id}`, maxlength: 300 });
          return h(
            "div",
            { class: "text-row" },
            h("div", { class: "text-title" }, h("strong", null, id), ` ${titleOf(m.scenario, id)} `, h("span", { class: `status ${t?.status}` }, STATUS[t?.status ?? ""] ?? "")),
            h(
              "div",
              { class: "row" },
              actions.map((a) => {
                switch (a.type) {
                  case "table":
                    return btn("Table it", a, "primary", id);
                  case "second":
                    return btn("Second", a, "", id);
                  case "cosponsor":
                    return btn("Co-sponsor", a, "", id);
                  case "move_amendment":
                    return btn("Move this amendment", a, "primary", id);
                  case "accept_amendment":
                    return btn("Accept into our text", a, "", id);
                  case "withdraw":
                    return btn("Withdraw", a, "quiet", id);
                  case "object":
                    return h("span", { class: "inline" }, reason, h("button", { class: "warn", onclick: () => void send(ctx, m, { ...a, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }, id) }, "Object"));
                  case "withdraw_objection":
                    return btn("Withdraw our objection", a, "", id);
                  case "explain_vote":
                    return h("span", { class: "inline" }, explain, h("button", { onclick: () => explain.value.trim() && void send(ctx, m, { ...a, text: explain.value.trim() }, id) }, "Explain our vote"));
                  default:
                    return null;
                }
              }),
              methods.length ? h("span", { class: "inline" }, method, h("button", { onclick: () => void send(ctx, m, { type: "request_vote", target: id, method: method.value as Method }, id) }, "Request a vote")) : null,
            ),
          );
        });
        sections.push(h("div", { class: "group" }, h("h3", null, "Texts before the meeting"), rows));
      }

      // Signing.
      const sign = of(legal, "sign");
      if (sign.length || of(legal, "decline_to_sign").length) {
        const adopted = Object.entries(m.view.targets).filter(([, t]) => t.status === "adopted").map(([id]) => id);
        const boxes = adopted.map((id) => h("label", { class: "check" }, h("input", { type: "checkbox", value: id }), ` reservation on ${id}`));
        sections.push(
          h(
            "div",
            { class: "group" },
            h("h3", null, "The Final Acts"),
            h("p", { class: "hint" }, "Sign (a signature cannot be undone), sign with reservations on adopted texts, or decline."),
            boxes.length && sign.length ? h("div", { class: "checks" }, boxes) : null,
            h(
              "div",
              { class: "row" },
              sign.length
                ? h("button", {
                    class: "primary",
                    onclick: () => {
                      const reservations = boxes.map((b) => b.querySelector("input") as HTMLInputElement).filter((i) => i.checked).map((i) => i.value);
                      void send(ctx, m, reservations.length ? { type: "sign", reservations } : { type: "sign" });
                    },
                  }, "Sign")
                : null,
              of(legal, "decline_to_sign").map((a) => btn("Decline to sign", a, "warn")),
            ),
          ),
        );
      }

      // Procedure and presence.
      const procedure: HTMLElement[] = [];
      if (of(legal, "point_of_order").length) {
        procedure.push(h("span", { class: "inline" }, pointText, h("button", { onclick: () => pointText.value.trim() && void send(ctx, m, { type: "point_of_order", text: pointText.value.trim() }).then((ok) => ok && (pointText.value = "")) }, "Point of order")));
      }
      for (const a of of(legal, "appeal") as Extract<Action, { type: "appeal" }>[]) procedure.push(btn(`Appeal ruling ${a.ruling}`, a, "warn"));
      const motions = of(legal, "motion") as Extract<Action, { type: "motion" }>[];
      if (motions.length) {
        const kind = h("select", { "aria-label": "Procedural motion" }, motions.map((a) => h("option", { value: a.kind }, a.kind.replace("_", " the "))));
        procedure.push(h("span", { class: "inline" }, kind, h("button", { onclick: () => void send(ctx, m, { type: "motion", kind: kind.value as MotionKind }) }, "Move")));
      }
      for (const a of of(legal, "walk_out")) procedure.push(btn("Walk out", a, "quiet"));
      for (const a of of(legal, "return")) procedure.push(btn("Return to the room", a, "primary"));
      if (procedure.length) sections.push(h("div", { class: "group" }, h("h3", null, "Procedure"), h("div", { class: "row wrap" }, procedure)));

      const refused = m.legal?.refused ?? [];
      if (withBot) for (const c of sections.flatMap((x) => [...x.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>("button, input, select, textarea")])) c.disabled = true;
      fill(
        el,
        sections.length ? sections : h("p", { class: "empty" }, m.me.seat ? "Nothing for your delegation to do this moment. Watch the floor, or make a deal." : "You are watching."),
        refused.length
          ? h(
              "details",
              { class: "refused" },
              h("summary", null, `Why can't I… (${refused.length})`),
              h("ul", null, refused.map((r) => h("li", null, h("strong", null, r.type.replace(/_/g, " ")), ": ", r.message))),
            )
          : null,
      );
    },
  );
}
