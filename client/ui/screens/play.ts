import { LiveSession } from "../../live/session.ts";
import { saved } from "../../saved.ts";
import { preloadHall, startHall } from "../../hall/load.ts";
import { fill, h, toast } from "../dom.ts";
import { GameScreen } from "../game.ts";

/**
 * A live game. The seat comes from the saved token when this browser held one (a reload keeps the seat),
 * otherwise from the link: ?seat=GHA[&team=1], ?chair=1 (with the chair key kept when the game was
 * created), or ?observer=1.
 */
export async function playScreen(code: string, query: URLSearchParams, go: (hash: string) => void): Promise<{ el: HTMLElement; dispose: () => void }> {
  // Phaser loads while the page joins the room.
  void preloadHall();
  const el = h("div", { class: "loading" }, h("p", null, `Joining ${code}…`));
  let session: LiveSession | null = null;
  let screen: GameScreen | null = null;
  let disposed = false;

  const join = async () => {
    const mine = saved.get(code);
    if (mine) {
      try {
        return await LiveSession.join(code, { token: mine.token }, mine.chairKey);
      } catch {
        saved.forget(code);
      }
    }
    const name = query.get("name") ?? localStorage.getItem("plenipo:name") ?? "Player";
    if (query.get("chair")) {
      const chairKey = saved.chairKey(code);
      return LiveSession.join(code, { role: "chair", name: "Chair", chairKey }, chairKey);
    }
    if (query.get("seat")) return LiveSession.join(code, { role: "delegation", seat: query.get("seat") ?? "", team: query.get("team") === "1", name });
    if (query.get("observer")) return LiveSession.join(code, { role: "observer", name });
    return null;
  };

  void (async () => {
    try {
      session = await join();
    } catch (error) {
      const message = (error as Error).message.replace(/^[a-z]+\/[a-z-]+: /, "");
      fill(el, h("div", { class: "error-box" }, h("h2", null, "Could not join"), h("p", null, message), h("a", { class: "button", href: `#/join/${code}` }, "Choose another seat"), " ", h("a", { class: "button quiet", href: "#/" }, "Home")));
      return;
    }
    if (!session) return go(`#/join/${code}`);
    performance.mark("plenipo:joined");
    if (disposed) return void session.leave();
    const s = session;
    const role = s.model?.me.role ?? "observer";
    const shownAs = `${role}:${s.model?.me.seat ?? ""}`;
    let moving: ReturnType<typeof setTimeout> | null = null;
    const key = saved.chairKey(code);
    const start = key && role === "delegation" ? () => s.chair({ type: "start", chairKey: key }) : undefined;
    screen = new GameScreen({ act: (a, seen) => s.act(a, seen), chair: (c) => s.chair(c), pass: () => s.pass(), start }, role === "viewer" ? "observer" : role);
    el.replaceWith(screen.el);
    const banner = screen.banner;
    s.onConnection((state) => {
      banner.className = `banner ${state}`;
      banner.textContent = state === "reconnecting" ? "Connection lost — reconnecting… your seat is kept." : state === "reconnected" ? "Reconnected: you are up to date." : state === "lost" ? "Disconnected. Reload the page to take your seat back." : "";
    });
    s.onNotice((n) => toast(n.text, "info"));
    // The panels first (the buttons work at once), then the hall once Phaser has loaded.
    s.subscribe((m) => {
      // The teacher moved this person to another delegation, or out of their seat to watch: the page opens
      // again as what they are now (their saved seat token already says so).
      if (`${m.me.role}:${m.me.seat ?? ""}` !== shownAs) {
        if (!moving) moving = setTimeout(() => !disposed && go(location.hash), 1500);
        return;
      }
      screen?.update(m);
    });
    (window as unknown as { plenipo: unknown }).plenipo = { session: s, screen };
    const started = await startHall(screen.hallBox);
    if (disposed) return started.game.destroy(true);
    performance.mark("plenipo:hall");
    screen.attachHall(started);
  })();

  return {
    el,
    dispose: () => {
      disposed = true;
      screen?.destroy();
      void session?.leave();
    },
  };
}
