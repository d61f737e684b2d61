import { api } from "../../api.ts";
import { preloadHall, startHall } from "../../hall/load.ts";
import { Replayer } from "../../replay/replayer.ts";
import { saved } from "../../saved.ts";
import { fill, h, toast } from "../dom.ts";
import { GameScreen } from "../game.ts";

/**
 * The replay viewer (DESIGN §10): the shared engine runs in the browser over a log — a .jsonl file, or a
 * finished game of this server (its public record, or the full log with the chair key). Step, scrub, jump to
 * each decision; a full log can show the secret ballots.
 */
export function replayScreen(presetCode = ""): { el: HTMLElement; dispose: () => void } {
  void preloadHall();
  const file = h("input", { type: "file", accept: ".jsonl,.json,.txt", id: "replay-file", "aria-label": "A log file" });
  const code = h("input", { type: "text", maxlength: 6, placeholder: "ABC234", id: "replay-code", value: presetCode, "aria-label": "Game code", class: "code-input" });
  const key = h("input", { type: "password", placeholder: "chair key (optional: the full log)", id: "replay-key", "aria-label": "Chair key", value: presetCode ? (saved.chairKey(presetCode) ?? "") : "" });
  const stage = h("div", { class: "replay-stage" });
  let screen: GameScreen | null = null;

  const open = async (text: string) => {
    let r: Replayer;
    try {
      r = Replayer.fromText(text);
    } catch (error) {
      // The game shown before (and its hall) goes: the page now shows why this log cannot be replayed.
      screen?.destroy();
      screen = null;
      return fill(stage, h("p", { class: "error" }, `This log cannot be replayed: ${(error as Error).message}`));
    }
    screen?.destroy();
    screen = new GameScreen({}, "viewer");
    const slider = h("input", { type: "range", min: 0, max: r.total, value: r.total, id: "replay-seq", "aria-label": "Position in the game" });
    const label = h("span", { class: "seq-label", id: "replay-at" });
    const reveal = h("input", { type: "checkbox", id: "replay-reveal", disabled: r.isPublic });
    const jump = h("select", { id: "replay-jump", "aria-label": "Jump to a decision" }, h("option", { value: "" }, "Jump to a decision…"), r.moments.map((mo) => h("option", { value: String(mo.seq) }, `${mo.seq}: ${mo.label.slice(0, 90)}`)));
    let timer: ReturnType<typeof setInterval> | null = null;
    const play = h("button", { onclick: () => toggle() }, "▶ Play");
    const show = (seq: number) => {
      const s = Math.max(0, Math.min(r.total, seq));
      slider.value = String(s);
      label.textContent = `seq ${s} of ${r.total}`;
      screen?.update(r.modelAt(s, reveal.checked));
    };
    const toggle = () => {
      if (timer) {
        clearInterval(timer);
        timer = null;
        play.textContent = "▶ Play";
        return;
      }
      play.textContent = "❚❚ Pause";
      timer = setInterval(() => {
        const s = Number(slider.value) + 1;
        if (s > r.total && timer) return toggle();
        show(s);
      }, 250);
    };
    slider.addEventListener("input", () => show(Number(slider.value)));
    reveal.addEventListener("change", () => show(Number(slider.value)));
    jump.addEventListener("change", () => jump.value && show(Number(jump.value)));
    fill(
      stage,
      h(
        "div",
        { class: "timeline" },
        h("button", { onclick: () => show(0), "aria-label": "To the start" }, "« Start"),
        h("button", { onclick: () => show(Number(slider.value) - 1), "aria-label": "One step back", id: "replay-back" }, "◀"),
        play,
        h("button", { onclick: () => show(Number(slider.value) + 1), "aria-label": "One step forward", id: "replay-forward" }, "▶"),
        h("button", { onclick: () => show(r.total), "aria-label": "To the end" }, "End »"),
        slider,
        label,
        jump,
        h("label", { class: "check", title: r.isPublic ? "A public export has no secret ballots to show" : "" }, reveal, " show secret ballots"),
      ),
      h("p", { class: "hint", id: "replay-verified" }, `${r.title} · ${r.rule} · ${r.verification}`),
      screen.el,
    );
    const hallFor = screen;
    const started = await startHall(hallFor.hallBox);
    if (screen !== hallFor) started.game.destroy(true);
    else screen.attachHall(started);
    show(r.total);
    (window as unknown as { plenipo: unknown }).plenipo = { replayer: r, show, screen };
  };

  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (f) await open(await f.text());
  });
  const fromServer = async () => {
    const c = code.value.trim().toUpperCase();
    try {
      await open(key.value.trim() ? await api.fullLog(c, key.value.trim()) : await api.publicExport(c));
    } catch (error) {
      toast((error as Error).message, "refused");
    }
  };
  const el = h(
    "div",
    { class: "replay" },
    h("a", { class: "back", href: "#/" }, "← Plenipo"),
    h("h1", null, "Replay a game"),
    h(
      "div",
      { class: "replay-open" },
      h("label", { class: "drop" }, "A log file (.jsonl) ", file),
      h("span", { class: "or" }, "or"),
      h("form", { class: "inline", onsubmit: (e: Event) => (e.preventDefault(), void fromServer()) }, h("label", null, "A finished game ", code), key, h("button", { type: "submit", class: "primary", id: "replay-load" }, "Open")),
    ),
    stage,
  );
  if (presetCode) void fromServer();
  return { el, dispose: () => screen?.destroy() };
}
