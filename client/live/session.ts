import { Client, type Room } from "@colyseus/sdk";
import type { Action } from "../../shared/engine/actions.ts";
import type { PublicOutcome } from "../../shared/engine/outcome.ts";
import { viewFor, type PublicScenario } from "../../shared/engine/view.ts";
import type { Answer, ChairCommand, JoinOptions, PrivateMessage, RecordLine, Seen, Welcome } from "../../shared/protocol/messages.ts";
import { PublicMirror, scenarioFromPublic } from "../mirror.ts";
import type { GameModel, SeatInfo } from "../model.ts";
import { saved } from "../saved.ts";

export type ConnectionState = "connected" | "reconnecting" | "reconnected" | "lost";

interface SchemaSeat {
  id: string;
  control: string;
  holders: Iterable<string>;
  connected: number;
  team: boolean;
}

/**
 * A live game: the Colyseus room, the client's mirror of the game (rebuilt from the public record), this
 * seat's private view, and the connection's health. Screens subscribe to `model` changes, batched per frame.
 */
export class LiveSession {
  private mirror: PublicMirror | null = null;
  private welcome: Welcome | null = null;
  /**
   * Private messages in the order received. The server sends the private view of seq N just before the
   * record line N: until the mirror has applied line N, the page must keep drawing from the previous one, or
   * it would pair an older view (labels) with newer legal actions (buttons) — and a click would land on
   * another question than the one it showed.
   */
  private privates: PrivateMessage[] = [];
  private records: RecordLine[] = [];
  private outcome: PublicOutcome | null = null;
  private scenario: PublicScenario | null = null;
  private listeners = new Set<(m: GameModel) => void>();
  private connectionListeners = new Set<(s: ConnectionState) => void>();
  private scheduled = false;
  connection: ConnectionState = "connected";
  model: GameModel | null = null;

  private constructor(
    readonly room: Room,
    readonly code: string,
  ) {}

  /** Joins a game (or rejoins it with a saved token) and resolves once the first model is ready. */
  static async join(code: string, options: Omit<JoinOptions, "code">, chairKey?: string): Promise<LiveSession> {
    const client = new Client(location.origin);
    performance.mark("plenipo:join-start");
    const room = await client.joinOrCreate("plenary", { code, ...options });
    performance.mark("plenipo:room");
    const session = new LiveSession(room, code);
    session.listen(client, chairKey);
    await new Promise<void>((resolve, reject) => {
      const started = Date.now();
      const wait = () => {
        if (session.model) resolve();
        else if (Date.now() - started > 15_000) reject(new Error("The game did not answer in time."));
        else setTimeout(wait, 20);
      };
      wait();
    });
    return session;
  }

  private listen(client: Client, chairKey?: string): void {
    const room = this.room;
    room.reconnection.minUptime = 0;
    room.onMessage("*", (type, payload) => {
      if (type === "welcome") {
        this.welcome = payload as Welcome;
        this.scenario = this.welcome.scenario;
        this.outcome = this.welcome.outcome;
        saved.put({ code: this.code, token: this.welcome.token, name: this.welcome.name, chairKey: chairKey ?? saved.chairKey(this.code) });
      } else if (type === "record") {
        const p = payload as RecordLine | { lines: RecordLine[] };
        if ("lines" in p) {
          // A full record (on joining or reconnecting): rebuild the mirror from the start.
          this.records = [...p.lines];
          this.mirror = null;
        } else this.records.push(p);
      } else if (type === "private") this.privates.push(payload as PrivateMessage);
      else if (type === "outcome") this.outcome = payload as PublicOutcome;
      else if (type === "scenario") this.scenario = payload as PublicScenario;
      else if (type === "notice") this.noticeListeners.forEach((l) => l(payload as { kind: string; text: string }));
      this.schedule();
    });
    room.onStateChange(() => this.schedule());
    room.onDrop(() => this.setConnection("reconnecting"));
    room.onReconnect(() => {
      this.setConnection("reconnected");
      setTimeout(() => this.connection === "reconnected" && this.setConnection("connected"), 3000);
    });
    room.onLeave((code) => {
      if (code !== 4000) this.setConnection("lost");
    });
    void client;
  }

  private noticeListeners = new Set<(n: { kind: string; text: string }) => void>();
  onNotice(l: (n: { kind: string; text: string }) => void): () => void {
    this.noticeListeners.add(l);
    return () => this.noticeListeners.delete(l);
  }

  private setConnection(s: ConnectionState): void {
    this.connection = s;
    this.connectionListeners.forEach((l) => l(s));
  }

  onConnection(l: (s: ConnectionState) => void): () => void {
    this.connectionListeners.add(l);
    return () => this.connectionListeners.delete(l);
  }

  subscribe(l: (m: GameModel) => void): () => void {
    this.listeners.add(l);
    if (this.model) l(this.model);
    return () => this.listeners.delete(l);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.rebuild();
    };
    if (typeof requestAnimationFrame === "function" && document.visibilityState === "visible") requestAnimationFrame(run);
    else setTimeout(run, 16);
  }

  private rebuild(): void {
    const w = this.welcome;
    const scenario = this.scenario;
    if (!w || !scenario) return;
    if (!this.mirror) this.mirror = new PublicMirror(scenarioFromPublic(scenario), w.rule as "consensus" | "majority", w.seed, w.engine);
    if (!this.mirror.catchUp(this.records)) {
      // The copy fell out of step (a missed line): ask for the whole record again.
      this.mirror = null;
      void this.room.request("sync").catch(() => undefined);
      return;
    }
    const state = this.room.state as unknown as {
      seats: Map<string, SchemaSeat>;
      chairControl: string;
      chairHolders: Iterable<string>;
      deadlineAt: number;
      clockPaused: boolean;
    };
    const seats: Record<string, SeatInfo> = {};
    state.seats?.forEach((s: SchemaSeat, id: string) => {
      seats[id] = { control: s.control, holders: [...s.holders], connected: s.connected, team: s.team };
    });
    // The newest private view the mirror has caught up with (older ones are no longer needed).
    const seq = this.mirror.state.seq;
    let i = this.privates.length - 1;
    while (i > 0 && (this.privates[i]?.seq ?? 0) > seq) i -= 1;
    if (i > 0) this.privates = this.privates.slice(i);
    const fresh = (this.privates[0]?.seq ?? 0) <= seq ? this.privates[0] : null;
    this.model = {
      source: "live",
      code: this.code,
      scenario,
      view: viewFor(this.mirror.state, "observer"),
      me: { seat: w.seat, role: w.role, name: w.name },
      private: fresh?.private ?? null,
      legal: fresh?.legal ?? null,
      seats,
      chairSeat: state.chairControl !== undefined ? { control: state.chairControl, holders: [...(state.chairHolders ?? [])], connected: 0, team: true } : null,
      // While the meeting waits for this person (their moment), the step ends no sooner than it does.
      clock: { deadlineAt: state.deadlineAt && fresh?.prompt ? Math.max(state.deadlineAt, fresh.prompt.until) : (state.deadlineAt ?? 0), paused: state.clockPaused ?? false },
      pace: w.pace,
      outcome: this.outcome,
      records: this.records,
      revealed: null,
      prompt: fresh?.prompt ?? null,
      people: fresh?.people ?? null,
      lobby: (this.room.state as unknown as { lobby?: boolean }).lobby ?? false,
      reveal: (this.room.state as unknown as { reveal?: string }).reveal === "own" ? "own" : "cards",
      publicUrl: w.publicUrl ?? null,
      joinUrl: w.joinUrl ?? null,
    };
    this.listeners.forEach((l) => l(this.model as GameModel));
  }

  /**
   * Sends an action with what its control was drawn from (docs/protocol.md: the server refuses it if the ballot,
   * the step or the text it showed has changed since); the answer is the server's, always.
   */
  async act(action: Action, seen?: Seen): Promise<Answer> {
    try {
      return (await this.room.request("act", seen ? { action, seen } : action, { timeout: 10_000 })) as Answer;
    } catch (error) {
      return { ok: false, code: "connection/lost", message: `The action was not sent: ${(error as Error).message}` };
    }
  }

  /** Lets this person's moment go (the meeting need not wait for them). */
  async pass(): Promise<Answer> {
    try {
      return (await this.room.request("pass", {}, { timeout: 10_000 })) as Answer;
    } catch (error) {
      return { ok: false, code: "connection/lost", message: `Not sent: ${(error as Error).message}` };
    }
  }

  async chair(command: ChairCommand): Promise<Answer> {
    try {
      return (await this.room.request("chair", command, { timeout: 10_000 })) as Answer;
    } catch (error) {
      return { ok: false, code: "connection/lost", message: `The command was not sent: ${(error as Error).message}` };
    }
  }

  async leave(): Promise<void> {
    await this.room.leave().catch(() => undefined);
  }
}
