import "./styles.css";
import "./ui/classroom.css";

import { homeScreen } from "./ui/screens/home.ts";
import { joinScreen } from "./ui/screens/join.ts";
import { playScreen } from "./ui/screens/play.ts";
import { replayScreen } from "./ui/screens/replay.ts";
import { setupScreen } from "./ui/screens/setup.ts";

/** The router: one screen at a time, chosen by the address (so a reload comes back to the same place). */
const app = document.getElementById("app") as HTMLElement;
let dispose: (() => void) | null = null;

const go = (hash: string) => {
  if (location.hash === hash) void route();
  else location.hash = hash;
};

async function route(): Promise<void> {
  dispose?.();
  dispose = null;
  const [path = "", queryText = ""] = location.hash.replace(/^#/, "").split("?");
  const parts = path.split("/").filter(Boolean);
  const query = new URLSearchParams(queryText);
  let el: HTMLElement;
  if (parts[0] === "solo" || parts[0] === "host") el = await setupScreen(parts[0], go);
  else if (parts[0] === "join") el = joinScreen(go, (parts[1] ?? "").toUpperCase());
  else if (parts[0] === "game" && parts[1]) {
    const screen = await playScreen(parts[1].toUpperCase(), query, go);
    el = screen.el;
    dispose = screen.dispose;
  } else if (parts[0] === "replay") {
    const screen = replayScreen((parts[1] ?? "").toUpperCase());
    el = screen.el;
    dispose = screen.dispose;
  } else el = homeScreen();
  app.replaceChildren(el);
  document.title = parts[0] === "game" ? `Plenipo · ${parts[1]}` : "Plenipo";
}

window.addEventListener("hashchange", () => void route());
void route();
