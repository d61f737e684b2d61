import type { PublicScenario } from "../../../shared/engine/view.ts";
import { api } from "../../api.ts";
import { RULES } from "../../format.ts";
import { saved } from "../../saved.ts";
import { fill, h, markdown, toast } from "../dom.ts";

// "instant" is for tests and scripts: nobody can follow a conference that ends in four seconds.
const PACES = [
  { id: "fast", label: "Fast", text: "The bots move quickly; the meeting still waits a moment for each person to act." },
  { id: "classroom", label: "Classroom", text: "The scenario's own minutes (about 45 for classroom-quick)." },
];

function radios<T extends string>(name: string, options: { id: T; label: string; text: string }[], value: T, onChange: (v: T) => void): HTMLElement {
  return h(
    "div",
    { class: "radios", role: "radiogroup", "aria-label": name },
    options.map((o) =>
      h(
        "label",
        { class: "radio" },
        h("input", { type: "radio", name, value: o.id, checked: o.id === value, onchange: () => onChange(o.id) }),
        h("span", null, h("strong", null, o.label), h("span", { class: "hint" }, o.text)),
      ),
    ),
  );
}

const RULE_TEXT = {
  consensus: "Any formal objection blocks a text; the chair declares consensus. A vote needs the meeting's leave.",
  majority: "Every text is put to a vote: a majority of the delegations present and voting decides.",
};

/**
 * Setting up a game: solo (pick a delegation, read its briefing first; bots play the rest and the chair) or
 * hosting (pick scenario, rule and pace; then chair it or let a bot chair).
 */
export async function setupScreen(mode: "solo" | "host", go: (hash: string) => void): Promise<HTMLElement> {
  const root = h("div", { class: "setup" }, h("a", { class: "back", href: "#/" }, "← Plenipo"), h("h1", null, mode === "solo" ? "Play solo" : "Host a class"));
  const body = h("div", { class: "setup-body" }, h("p", null, "Loading the scenarios…"));
  root.append(body);
  let scenarios: PublicScenario[];
  try {
    scenarios = await api.scenarios();
  } catch (error) {
    fill(body, h("p", { class: "error" }, `The server did not answer: ${(error as Error).message}`));
    return root;
  }
  let scenario = scenarios.find((s) => s.id === "classroom-quick") ?? scenarios[0];
  let delegation = "";
  let rule: "consensus" | "majority" = (scenario?.rule as "consensus" | "majority") ?? "consensus";
  let pace = mode === "solo" ? "fast" : "classroom";
  let botChair = mode === "solo";
  const briefing = h("div", { class: "briefing-preview" });

  const render = () => {
    if (!scenario) return fill(body, h("p", { class: "error" }, "No scenario is installed."));
    const s = scenario;
    const playable = s.delegations.filter((d) => d.playable && d.present);
    fill(
      body,
      h(
        "section",
        null,
        h("h2", null, "1. The conference"),
        h("div", { class: "choices" }, scenarios.map((x) => h("button", { class: `choice ${x.id === s.id ? "selected" : ""}`, "aria-pressed": String(x.id === s.id), onclick: () => ((scenario = x), (delegation = ""), (rule = x.rule as typeof rule), render()) }, h("strong", null, x.title), h("span", null, x.summary)))),
      ),
      mode === "solo"
        ? h(
            "section",
            null,
            h("h2", null, "2. Your delegation"),
            h("div", { class: "delegations" }, playable.map((d) => h("button", { class: `delegation ${d.id === delegation ? "selected" : ""}`, id: `pick-${d.id}`, "aria-pressed": String(d.id === delegation), onclick: () => ((delegation = d.id), render(), briefing.scrollIntoView({ behavior: "smooth", block: "nearest" })) }, h("span", { class: "iso" }, d.id), d.name))),
            briefing,
          )
        : null,
      h("section", null, h("h2", null, mode === "solo" ? "3. The rule" : "2. The rule"), radios("rule", (["consensus", "majority"] as const).map((r) => ({ id: r, label: RULES[r] ?? r, text: RULE_TEXT[r] })), rule, (v) => (rule = v))),
      h("section", null, h("h2", null, mode === "solo" ? "4. The pace" : "3. The pace"), radios("pace", PACES, pace, (v) => (pace = v))),
      mode === "host"
        ? h("section", null, h("h2", null, "4. The chair"), radios("chair", [{ id: "me", label: "I chair", text: "You run the meeting from the chair's console." }, { id: "bot", label: "A bot chairs", text: "You watch and can take the chair back at any time." }], botChair ? "bot" : "me", (v) => (botChair = v === "bot")))
        : null,
      h("div", { class: "row" }, h("button", { class: "primary big", id: "start", disabled: mode === "solo" && !delegation, onclick: () => void start() }, mode === "solo" ? (delegation ? `Play ${playable.find((d) => d.id === delegation)?.name}: read the briefing` : "Choose a delegation first") : "Create the game")),
    );
    if (mode === "solo" && delegation) void showBriefing();
  };

  // What anyone may know of the delegation before the game: who it is and what it sponsors. Its card — the
  // briefing, its stances, red lines and private objectives — is its own: it opens with the game (the game
  // waits in its lobby until the player has read it and starts it).
  const showBriefing = async () => {
    const s = scenario;
    const d = s?.delegations.find((x) => x.id === delegation);
    if (!s || !d) return;
    const sponsored = s.proposals.flatMap((p) => [p, ...p.amendments]).filter((p) => p.sponsors.includes(d.id));
    fill(
      briefing,
      h("h3", null, d.name),
      sponsored.length ? h("div", null, h("h4", null, "You sponsor"), h("ul", null, sponsored.map((p) => h("li", null, h("strong", null, p.id), ` ${p.title}`)))) : h("p", null, "You sponsor no text: your weight is in your votes and your deals."),
      h("p", { class: "hint" }, "Your briefing, your positions, your red lines and your private objectives open with the game: read them before you start it."),
    );
  };

  const start = async () => {
    if (!scenario) return;
    try {
      // Both wait in the lobby: a class until the teacher starts it, a solo game until the player has read the
      // briefing (the player holds the chair key, which starts it).
      const game = await api.createGame({ scenario: scenario.id, rule, pace: pace as "fast", chair: botChair ? "bot" : "human", lobby: true });
      saved.rememberChairKey(game.code, game.chairKey);
      go(mode === "solo" ? `#/game/${game.code}?seat=${delegation}` : `#/game/${game.code}?chair=1`);
    } catch (error) {
      toast((error as Error).message, "refused");
    }
  };
  render();
  return root;
}
