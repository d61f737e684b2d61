import { api, type GameInfo } from "../../api.ts";
import { fill, h, toast } from "../dom.ts";

/**
 * Joining a class: the code (six characters) and a name; then the delegations and who holds them, to take a
 * seat alone or join its team, or to watch.
 */
export function joinScreen(go: (hash: string) => void, presetCode = ""): HTMLElement {
  const code = h("input", { id: "join-code", type: "text", inputmode: "text", autocomplete: "off", maxlength: 6, placeholder: "ABC234", value: presetCode, "aria-label": "Join code", class: "code-input" });
  const name = h("input", { id: "join-name", type: "text", maxlength: 40, placeholder: "Your name", "aria-label": "Your name", value: localStorage.getItem("plenipo:name") ?? "" });
  const seats = h("div", { class: "seats-choice" });
  // The seat list stays live while the student chooses: a seat someone takes meanwhile never shows "free".
  let poll: ReturnType<typeof setInterval> | null = null;
  let shown = "";
  const look = async (quiet = false) => {
    const c = code.value.trim().toUpperCase();
    if (c.length !== 6) {
      if (!quiet) toast("A join code has six characters.", "refused");
      return;
    }
    let info: GameInfo;
    try {
      info = await api.game(c);
    } catch (error) {
      return fill(seats, h("p", { class: "error" }, (error as Error).message));
    }
    if (!root.isConnected && quiet) {
      if (poll) clearInterval(poll);
      return;
    }
    poll ??= setInterval(() => void look(true), 2000);
    const fresh = JSON.stringify(info.seats);
    if (quiet && fresh === shown) return;
    shown = fresh;
    const enter = (query: string) => {
      if (!name.value.trim()) return toast("Give your name first, so others know who holds the seat.", "refused");
      localStorage.setItem("plenipo:name", name.value.trim());
      go(`#/game/${info.code}?${query}&name=${encodeURIComponent(name.value.trim())}`);
    };
    fill(
      seats,
      h("h2", null, info.title),
      h("p", { class: "hint" }, `${info.status === "closed" ? "This conference is over: you can watch its debrief." : "Choose your delegation."}`),
      h(
        "div",
        { class: "delegations" },
        // A full plenary lists the delegations people can play; the other seats are the bots'.
        info.seats.delegations
          .filter((d) => d.present && (info.seats.delegations.length <= 24 || d.playable || (d.people ?? d.holders.length) > 0))
          .map((d) => {
            // Names stay in the room: here only whether, and by how many, a seat is taken.
            const people = d.people ?? d.holders.length;
            return h(
              "div",
              { class: `delegation-seat ${people ? "taken" : ""}` },
              h("div", null, h("span", { class: "iso" }, d.id), " ", h("strong", null, d.name)),
              h("div", { class: "hint" }, people ? (d.team ? `taken by a team of ${people}` : "taken") : d.playable ? "free" : "played by a bot"),
              d.playable
                ? h(
                    "div",
                    { class: "row" },
                    !people ? h("button", { class: "primary", id: `take-${d.id}`, onclick: () => enter(`seat=${d.id}`) }, "Take this seat") : null,
                    d.team || !people ? h("button", { id: `team-${d.id}`, onclick: () => enter(`seat=${d.id}&team=1`) }, people ? "Join the team" : "Share it as a team") : null,
                  )
                : null,
            );
          }),
      ),
      info.seats.delegations.length > 24 ? h("p", { class: "hint" }, `The other ${info.seats.delegations.filter((d) => d.present && !d.playable && (d.people ?? d.holders.length) === 0).length} delegations in the room are played by bots.`) : null,
      h("button", { class: "quiet", id: "watch", onclick: () => enter("observer=1") }, "Just watch"),
    );
  };
  const root = h(
    "div",
    { class: "join" },
    h("a", { class: "back", href: "#/" }, "← Plenipo"),
    h("h1", null, "Join a class"),
    h("form", { class: "join-form", onsubmit: (e: Event) => (e.preventDefault(), (shown = ""), void look()) }, h("label", null, "Code ", code), h("label", null, "Name ", name), h("button", { type: "submit", class: "primary", id: "join-look" }, "Find the game")),
    seats,
  );
  if (presetCode) void look();
  return root;
}
