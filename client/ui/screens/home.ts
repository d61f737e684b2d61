import { h } from "../dom.ts";

/** The first screen: the four things people come to do, each one click away. */
export function homeScreen(): HTMLElement {
  const card = (href: string, title: string, text: string, cta: string, id: string) =>
    h("a", { class: "card", href, id }, h("h2", null, title), h("p", null, text), h("span", { class: "cta" }, cta, " →"));
  return h(
    "div",
    { class: "home" },
    h(
      "header",
      { class: "hero" },
      h("h1", null, "Plenipo"),
      h("p", { class: "tagline" }, "Negotiate the future of the Internet at the ITU. Decide by consensus — or by one country, one vote — and see who wins under each rule."),
    ),
    h(
      "nav",
      { class: "cards" },
      card("#/solo", "Play solo", "Lead one delegation; bots play every other seat and the chair.", "Choose a delegation", "go-solo"),
      card("#/host", "Host a class", "Create a game, show the join code, chair it yourself or let a bot chair.", "Set up a class", "go-host"),
      card("#/join", "Join with a code", "Your teacher gave you six characters: take your delegation's seat.", "Enter the code", "go-join"),
      card("#/replay", "Open a replay", "Step through a recorded game: a log file, or a finished game of this server.", "Open a log", "go-replay"),
    ),
    h("footer", { class: "foot" }, "Texts and positions are simplified for play; unverified facts are marked [M]."),
  );
}
