import { CloseCode, ErrorCode, Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { randomBytes } from "node:crypto";
import * as z from "zod";
import { defaultBot } from "../../shared/bots/registry.ts";
import { applyParsed, parseAction } from "../../shared/engine/apply.ts";
import type { Action, AnyAction } from "../../shared/engine/actions.ts";
import { legalActions } from "../../shared/engine/legal.ts";
import { publicOutcome, type PublicOutcome } from "../../shared/engine/outcome.ts";
import { indexOf } from "../../shared/engine/scenarioIndex.ts";
import { CHAIR, SYSTEM, type State } from "../../shared/engine/state.ts";
import { publicScenarioOf, viewFor } from "../../shared/engine/view.ts";
import { linesFor, makeEntry } from "../../shared/log/recorder.ts";
import {
  ActEnvelopeSchema,
  ChairCommandSchema,
  JoinOptionsSchema,
  type Answer,
  type Person,
  type PrivateMessage,
  type RecordLine,
  type Role,
  type Seen,
  type Welcome,
} from "../../shared/protocol/messages.ts";
import { Conductor } from "../../shared/sim/conductor.ts";
import type { GameRecord, GameStore } from "../store/gameStore.ts";
import { keyMatches } from "../http/keys.ts";
import { GameClock } from "./gameClock.ts";
import { HumanWindows } from "./humanWindows.ts";
import { Lobby } from "./lobby.ts";
import { PACES, stepMs, type PaceTiming } from "./pace.ts";
import { staleRefusal } from "./staleCheck.ts";
import { PlenaryState, syncPublicState } from "./publicState.ts";
import { recordLine, reopenGame } from "./reopen.ts";
import { RateLimit } from "./rateLimit.ts";
import { Seating } from "./seating.ts";
import { TimerSet } from "./timers.ts";

export interface RoomDeps {
  store: GameStore;
  log: { info(o: object, m?: string): void; warn(o: object, m?: string): void; error(o: object, m?: string): void };
  /** Requests a client may burst, then sustain per second, before it counts as a flood. */
  rateLimit?: { burst: number; perSecond: number };
  /** The address students type to reach this server (`--public-url`), ending in "/". */
  publicUrl: string;
  /** What /api/health reports: counts of what went wrong in the rooms. */
  health: ServerHealth;
}

export interface ServerHealth {
  /** Actions on which the engine itself failed (engine/internal-error): each one is a bug to look at. */
  internalErrors: number;
}

interface Auth {
  role: Role;
  seat: string | null;
  name: string;
  team: boolean;
  token: string;
  isNew: boolean;
  replacing: string | null;
}

const FLOOD_CLOSE_CODE = 4429;
const REPLACED_CLOSE_CODE = 4409;
const REPLACED_TEXT = "Your seat was opened in another window; this one is disconnected.";
/** Up to this many bot seats, bots keep the pace's full delay between actions (see kickBots). */
const CROWD = 12;

const refuse = (code: string, message: string): Answer => ({ ok: false, code, message });
const joinError = (code: string, message: string) => new ServerError(ErrorCode.AUTH_FAILED, `${code}: ${message}`);

/**
 * The room `plenary` (DESIGN §9): a thin adapter between Colyseus and the engine. The engine's state is the
 * truth; room.state is its public projection; each client's private view goes to that client alone. Every
 * action — from a person, a bot or the clock — goes through submit(): checked by the engine, appended to the
 * store, and only then shown to anyone.
 */
export function plenaryRoom(deps: RoomDeps) {
  const { store, log } = deps;
  const limit = deps.rateLimit ?? { burst: 40, perSecond: 20 };

  return class PlenaryRoom extends Room<{ state: PlenaryState }> {
    // A game's own limit on people is enforced in onAuth, with a message; Colyseus must never lock the room
    // (joinOrCreate would then open a second room for the same code).
    override maxClients = 100_000;
    override state = new PlenaryState();

    private game!: GameRecord;
    private engine!: State;
    private seating!: Seating;
    private conductor!: Conductor;
    private attending: readonly string[] = [];

    /** How many delegation seats bots play now. */
    private get botSeats(): number {
      return this.attending.filter((d) => this.seating.control(d) === "bot").length;
    }
    private conference!: GameClock;
    private timing!: PaceTiming;
    private readonly record: RecordLine[] = [];
    private readonly lastPrivate = new Map<string, string>();
    private readonly limits = new Map<string, RateLimit>();
    private lastActionAt = Date.now();
    private botTimer: { clear(): void } | null = null;
    /** Waiting for a person's moment to close: the debate deadline it holds back, if any. */
    private windowWait: { step: string | null; timer: { clear(): void } } | null = null;
    /** A deadline that fell while bots were about to move: it applies once they have nothing to do. */
    private heldDeadline: string | null = null;
    private readonly timers = new TimerSet();
    private windows!: HumanWindows;
    private lobby!: Lobby;
    /** Refreshes the private views when a person's prompt runs out. */
    private promptTimer: { at: number; timer: { clear(): void } } | null = null;

    override onCreate(options: unknown): void {
      const code = z.object({ code: z.string() }).safeParse(options);
      // The code also picks the room (filterBy), as sent: a code in small letters would open a second room for
      // the same game, so it is refused with the code to use.
      const capitals = code.success ? code.data.code.trim().toUpperCase() : "";
      if (code.success && capitals !== code.data.code && store.getGame(capitals)) {
        throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `join/code-case: Join codes are written in capitals: use ${capitals}.`);
      }
      const game = code.success ? store.getGame(code.data.code) : null;
      if (!game) throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, `join/unknown-code: No game has the code "${code.success ? code.data.code : ""}". Check the code your teacher gave you.`);
      const gameLog = store.loadLog(game.code);
      if (!gameLog) throw new ServerError(ErrorCode.APPLICATION_ERROR, `game/missing-log: The log of game ${game.code} is missing.`);
      const rebuilt = reopenGame(gameLog);
      if (!rebuilt.ok) throw new ServerError(ErrorCode.APPLICATION_ERROR, `game/corrupt: The log of game ${game.code} does not replay (seq ${rebuilt.seq}: ${rebuilt.message}).`);
      for (const line of rebuilt.record) this.record.push(line);
      this.game = game;
      this.engine = rebuilt.state;
      this.roomId = game.code;
      this.timing = PACES[game.pace];
      const scenario = this.engine.scenario;
      this.seating = new Seating(
        game.options,
        scenario.delegations.map((d) => ({ id: d.id, name: d.name, playable: d.playable, present: d.present })),
        store.seatsOf(game.code).flatMap((s) => (s.seat ? [s.seat] : [])),
      );
      this.attending = indexOf(scenario).attending;
      this.conductor = new Conductor(this.attending, game.seed, (seat) => (this.seating.control(seat) === "bot" ? defaultBot(seat) : null));
      this.conference = new GameClock(
        (step) => stepMs(this.timing, step),
        { now: () => Date.now(), setTimeout: (fn, ms) => this.timers.setTimeout(fn, ms) },
        (step) => this.onDeadline(step),
      );
      this.windows = new HumanWindows(this.timing.humanWindowMs, () => Date.now());
      this.lobby = new Lobby(game.options);
      this.conference.setWaiting(this.lobby.waiting);
      Object.assign(this.state, { code: game.code, scenarioId: scenario.id, title: scenario.title, rule: this.engine.rule, pace: game.pace });
      this.setMetadata({ code: game.code, title: scenario.title, rule: this.engine.rule, pace: game.pace });

      this.onMessage("act", (client, payload) => this.act(client, payload));
      this.onMessage("chair", (client, payload) => this.chairCommand(client, payload));
      this.onMessage("pass", (client) => {
        const flood = this.flood(client);
        if (flood) return flood;
        const seat = (client.userData as { seat: string | null } | undefined)?.seat;
        if (!seat || seat === CHAIR) return refuse("pass/nothing", "Only a delegation lets its moment pass.");
        this.windows.pass(seat);
        this.sendPrivateViews();
        if (this.windowWait && Math.max(this.debateHold(), this.debateHold("ballot")) <= Date.now()) this.windowClosed();
        else this.kickBots();
        return { ok: true, seq: this.engine.seq } satisfies Answer;
      });
      this.onMessage("sync", (client) => {
        const flood = this.flood(client);
        if (flood) return flood;
        this.sendWelcome(client);
        return { ok: true, seq: this.engine.seq } satisfies Answer;
      });

      this.conference.sync(this.engine);
      this.syncState();
      this.kickBots();
      log.info({ code: game.code, seq: this.engine.seq }, "game opened");
    }

    /** Who may join, as what (DESIGN §9): a code, a name and a role; a seat token brings back an earlier seat. */
    override onAuth(client: Client, options: unknown, _context: AuthContext): Auth {
      const parsed = JoinOptionsSchema.safeParse(options);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw joinError("join/invalid", `${issue?.path.join(".") || "options"}: ${issue?.message}`);
      }
      const o = parsed.data;
      if (o.token) {
        const seat = store.findSeat(this.game.code, o.token);
        if (!seat) throw joinError("join/unknown-token", "This seat token does not belong to this game; join again with your name and seat.");
        const replacing = this.seating.all.find((x) => x.token === o.token)?.sessionId ?? null;
        const error = this.seating.admit({ role: seat.role, seat: seat.seat, team: seat.team, name: seat.name }, replacing ?? undefined);
        if (error) throw joinError(error.code, error.message);
        return { role: seat.role, seat: seat.seat, name: seat.name, team: seat.team, token: o.token, isNew: false, replacing };
      }
      if (!o.role) throw joinError("join/invalid", "Say how you join: as a delegation, as the chair, or as an observer.");
      if (!o.name) throw joinError("join/invalid", "Give a name, so the others know who holds the seat.");
      if (o.role === "chair" && !keyMatches(o.chairKey, this.game.chairKeyHash)) {
        throw joinError("join/bad-chair-key", "That is not this game's chair key. Only the teacher who created the game has it.");
      }
      if (o.role === "delegation" && !o.seat) throw joinError("join/invalid", "Choose the delegation you play (seat).");
      const seat = o.role === "delegation" ? (o.seat ?? null) : o.role === "chair" ? CHAIR : null;
      const error = this.seating.admit({ role: o.role, seat, team: o.team, name: o.name });
      if (error) throw joinError(error.code, error.message);
      return { role: o.role, seat, name: o.name, team: o.team || o.role === "chair", token: randomBytes(18).toString("base64url"), isNew: true, replacing: null };
    }

    override onJoin(client: Client, _options: unknown, auth: Auth): void {
      if (auth.replacing) {
        // The same seat token again: a reloaded page. The newer connection takes the seat.
        const old = this.clients.getById(auth.replacing);
        this.seating.detach(auth.replacing);
        old?.send("notice", { kind: "replaced", text: REPLACED_TEXT });
        old?.leave(REPLACED_CLOSE_CODE);
      }
      const again = this.seating.admit({ role: auth.role, seat: auth.seat, team: auth.team, name: auth.name });
      if (again) throw joinError(again.code, again.message);
      if (auth.isNew) store.saveSeat({ token: auth.token, code: this.game.code, role: auth.role, seat: auth.seat, name: auth.name, team: auth.team });
      if (auth.seat && auth.seat !== CHAIR && this.seating.holdersOf(auth.seat).length === 0) this.windows.seatToPeople(auth.seat);
      this.seating.attach({ sessionId: client.sessionId, name: auth.name, token: auth.token, role: auth.role, seat: auth.seat, team: auth.team, connected: true });
      client.userData = { seat: auth.seat, role: auth.role };
      this.limits.set(client.sessionId, new RateLimit(limit.burst, limit.perSecond, Date.now()));
      this.sendWelcome(client);
      this.afterSeatingChange();
      log.info({ code: this.game.code, seat: auth.seat, role: auth.role }, "joined");
    }

    override onDrop(client: Client): void {
      this.seating.setConnected(client.sessionId, false);
      this.syncState();
      if (this.game.options.reconnectSeconds > 0) {
        this.allowReconnection(client, this.game.options.reconnectSeconds).catch(() => undefined);
      }
    }

    /**
     * Colyseus's reconnection token used while its connection is still open (a second tab, a network switch):
     * the newer connection takes the seat, as a reload with the seat token does — and the older one is told,
     * and closed with the same code (4409), rather than silently with Colyseus's 4002 (docs/protocol.md §5).
     */
    override checkReconnectionToken(reconnectionToken: string) {
      const old = this.clients.find((c) => c.reconnectionToken === reconnectionToken);
      if (old) {
        old.send("notice", { kind: "replaced", text: REPLACED_TEXT });
        const leave = old.leave.bind(old);
        old.leave = (_code?: number, data?: string) => leave(REPLACED_CLOSE_CODE, data);
      }
      return super.checkReconnectionToken(reconnectionToken);
    }

    override onReconnect(client: Client): void {
      this.seating.setConnected(client.sessionId, true);
      this.lastPrivate.delete(client.sessionId);
      this.sendWelcome(client);
      this.syncState();
    }

    override onLeave(client: Client, code?: number): void {
      const gone = this.seating.detach(client.sessionId);
      this.limits.delete(client.sessionId);
      this.lastPrivate.delete(client.sessionId);
      if (gone?.seat === CHAIR && code !== CloseCode.CONSENTED && code !== REPLACED_CLOSE_CODE && this.seating.holdersOf(CHAIR).length === 0) {
        // The teacher is gone past the reconnection window: a bot chairs so the class is not stuck (even if the
        // teacher had once taken the chair back from a bot, which left an override for a person).
        this.game.options.chair = "bot";
        delete this.game.options.seatOverrides[CHAIR];
        store.setOptions(this.game.code, this.game.options);
      }
      this.afterSeatingChange();
    }

    override onDispose(): void {
      // onCreate may have refused the game (an unknown code) before any of this existed.
      this.conference?.dispose();
      this.timers.clearAll();
      // Colyseus 0.18 rejects pending reconnections when the server shuts down but leaves their timers armed,
      // which keeps a stopping process alive for the whole reconnection window.
      const reserved = (this as unknown as { _reservedSeatTimeouts?: Record<string, ReturnType<typeof setTimeout>> })._reservedSeatTimeouts;
      for (const t of Object.values(reserved ?? {})) clearTimeout(t);
      log.info({ code: this.game?.code, seq: this.engine?.seq }, "game room closed");
    }

    /** A request to act: parsed, checked by the engine as the sender's seat, and answered either way. */
    private act(client: Client, payload: unknown): Answer {
      const flood = this.flood(client);
      if (flood) return flood;
      const seat = (client.userData as { seat: string | null } | undefined)?.seat ?? null;
      if (!seat) return refuse("seat/observer", "Observers watch the conference; they cannot act in it.");
      // An envelope {action, seen} (docs/protocol.md), or a bare action (no stale check).
      let body = payload;
      let seen: Seen | undefined;
      if (typeof payload === "object" && payload !== null && "action" in payload) {
        const envelope = ActEnvelopeSchema.safeParse(payload);
        if (!envelope.success) {
          const issue = envelope.error.issues[0];
          return refuse("action/malformed", `The request is malformed (${issue?.path.join(".") || "act"}: ${issue?.message}).`);
        }
        body = envelope.data.action;
        seen = envelope.data.seen;
      }
      const parsed = parseAction(this.engine, body);
      if (!parsed.ok) return { ok: false, ...parsed.error };
      if (this.lobby.waiting) return this.lobby.refusal();
      if (seat === CHAIR && this.seating.control(CHAIR) === "bot") {
        return refuse("seat/bot-chairs", "A bot is chairing: take the chair back first (chair command seat, bot: false).");
      }
      if (seat !== CHAIR && this.seating.control(seat) === "bot") {
        return refuse("seat/with-bot", `The teacher has handed ${this.nameOf(seat)} to a bot: your controls are off until the teacher gives it back.`);
      }
      const stale = staleRefusal(this.engine, parsed.action, seen);
      if (stale) return stale;
      return this.submit(seat, parsed.action, undefined, client.sessionId);
    }

    private nameOf(seat: string): string {
      return this.engine.scenario.delegations.find((d) => d.id === seat)?.name ?? seat;
    }

    /**
     * The one path every action takes. Durable before visible: the entry (and any checkpoint) is in the
     * store before room.state changes, any message goes out, or the request is answered.
     */
    private submit(by: string, action: AnyAction, why?: string, from?: string, whyPublic?: string): Answer {
      const before = this.engine;
      const result = applyParsed(before, by, action);
      if (!result.ok) {
        if (result.error.code === "engine/internal-error") {
          // Not a refusal: the engine broke on this action. The room goes on; the bug is on record.
          deps.health.internalErrors += 1;
          log.error({ code: this.game.code, seq: before.seq + 1, by, action, err: result.error.message }, "engine internal error");
        }
        return { ok: false, ...result.error };
      }
      const after = result.state;
      const entry = makeEntry(after, by, action as Action, Date.now(), why, whyPublic);
      try {
        store.append(this.game.code, linesFor(after, entry), after.phase === "closed");
      } catch (error) {
        log.error({ code: this.game.code, err: String(error) }, "append failed");
        return refuse("store/failed", "The server could not save this action; nothing changed. Try again.");
      }
      this.engine = after;
      this.lastActionAt = Date.now();
      this.windows.observe(before, after, by);
      this.conductor.observe(by, action as Action, after);
      this.conference.sync(after);
      // Private views go out before the record line: a client that has line N has every private update of N.
      this.syncState();
      const line = recordLine(entry, before, after, result.events);
      this.record.push(line);
      this.broadcast("record", line);
      if (after.phase === "closed") {
        // The debrief: scores and the historical record are revealed to everyone.
        for (const client of this.clients) client.send("outcome", this.outcomeFor(client.sessionId));
        this.broadcast("scenario", publicScenarioOf(after.scenario, true));
      }
      for (const e of result.events) {
        if (!e.to) continue;
        // The client that acted has its answer; its teammates on the seat, and the other party, get a notice.
        for (const o of this.seating.all) {
          if (o.seat && o.sessionId !== from && e.to.includes(o.seat)) this.clients.getById(o.sessionId)?.send("notice", { kind: e.type, text: e.text });
        }
      }
      this.kickBots();
      // The person the meeting was waiting for has acted: it need wait no longer.
      if (this.windowWait && by !== SYSTEM && by !== CHAIR && Math.max(this.debateHold(), this.debateHold("ballot")) <= Date.now()) this.timers.setTimeout(() => this.windowClosed(), 0);
      return { ok: true, seq: after.seq };
    }

    /**
     * The clock ran out. If bots are still working through the room (a ballot in a 193-seat plenary takes
     * the server longer than an instant game's three scenario minutes), the gavel waits until they have
     * nothing left to do, as the simulator's does: a vote's result must not depend on the machine's speed.
     * People are held to the clock as it stands.
     */
    private onDeadline(step: string): void {
      if (this.botTimer) {
        this.heldDeadline = step;
        return;
      }
      const top = this.engine.steps.at(-1);
      const hold = top?.kind === "debate" ? this.debateHold() : top?.kind === "ballot" ? this.debateHold("ballot") : 0;
      if (hold > Date.now() && top?.id === step) {
        // A person's moment: the time is up, but the debate (or the vote) ends only once their window has closed.
        this.waitForWindow(hold, step);
        return;
      }
      this.heldDeadline = null;
      const answer = this.submit(SYSTEM, { type: "deadline", step });
      if (!answer.ok && answer.code !== "deadline/stale") log.warn({ code: this.game.code, step, answer }, "deadline refused");
    }

    /** The chair's room controls: the clock, and who plays which seat. Not engine actions: never logged. */
    private chairCommand(client: Client, payload: unknown): Answer {
      const flood = this.flood(client);
      if (flood) return flood;
      const parsed = ChairCommandSchema.safeParse(payload);
      const isChair = (client.userData as { role?: Role } | undefined)?.role === "chair";
      // A solo player holds the chair key of the game they created: they may start it from their own seat.
      const keyed = parsed.success && parsed.data.type === "start" && keyMatches(parsed.data.chairKey, this.game.chairKeyHash);
      if (!isChair && !keyed) return refuse("seat/chair-only", "Only the chair controls the clock and the seats.");
      if (!parsed.success) return refuse("chair/malformed", `The command is malformed (${parsed.error.issues[0]?.message}).`);
      const c = parsed.data;
      const options = this.game.options;
      // The chair's hand on the clock overrides a deadline still waiting for the bots.
      if (c.type === "pause" || c.type === "extend") this.heldDeadline = null;
      if (c.type === "pause") this.conference.pause();
      else if (c.type === "resume") this.conference.resume();
      else if (c.type === "extend") this.conference.extend(c.minutes * this.timing.msPerMinute);
      else if (c.type === "absent_bots") options.botsForAbsent = c.on;
      else if (c.type === "reveal") {
        options.reveal = c.cards ? "cards" : "own";
        if (this.engine.phase === "closed") for (const cl of this.clients) cl.send("outcome", this.outcomeFor(cl.sessionId));
      }
      else if (c.type === "start") {
        const refused = this.lobby.start(Date.now());
        if (refused) return refused;
        this.conference.setWaiting(false);
        // Everyone's moment starts with the conference, not when they joined the lobby.
        for (const seat of this.attending) if (this.seating.control(seat) === "human") this.windows.seatToPeople(seat);
        log.info({ code: this.game.code }, "started from the lobby");
      } else if (c.type === "remove" || c.type === "move") {
        const answer = this.reseat(c.session, c.type === "move" ? c.to : null);
        if (answer) return answer;
      } else {
        if (c.seat !== CHAIR && !this.engine.scenario.delegations.some((d) => d.id === c.seat && d.present)) {
          return refuse("chair/unknown-seat", `There is no delegation "${c.seat}" at this conference.`);
        }
        const was = this.seating.control(c.seat);
        if (c.seat === CHAIR) options.chair = c.bot ? "bot" : "human";
        options.seatOverrides[c.seat] = c.bot ? "bot" : "human";
        if (c.seat !== CHAIR && was !== this.seating.control(c.seat)) this.tellHolders(c.seat, c.bot);
        this.conductor.wakeAll();
      }
      store.setOptions(this.game.code, options);
      this.syncState();
      this.kickBots();
      return { ok: true, seq: this.engine.seq };
    }

    /** The people on a seat the teacher handed to a bot, or gave back, are told, and their controls follow. */
    private tellHolders(seat: string, bot: boolean): void {
      const name = this.nameOf(seat);
      if (!bot) this.windows.seatToPeople(seat);
      const text = bot
        ? `The teacher has handed ${name} to a bot: your controls are off until the teacher gives it back.`
        : `The teacher has given ${name} back to you: it is yours to play again.`;
      for (const o of this.seating.holdersOf(seat)) this.clients.getById(o.sessionId)?.send("notice", { kind: bot ? "seat_to_bot" : "seat_back", text });
    }

    /** The teacher moves a person to another delegation (`to`), or out of their seat to watch (null). */
    private reseat(session: string, to: string | null): Answer | null {
      const person = this.seating.of(session);
      const from = person?.seat ?? null;
      if (to !== null && !this.engine.scenario.delegations.some((d) => d.id === to && d.present)) {
        return refuse("chair/unknown-seat", `There is no delegation "${to}" at this conference.`);
      }
      const error = this.seating.reseat(session, to === null ? { role: "observer", seat: null } : { role: "delegation", seat: to });
      if (error || !person) return refuse(error?.code ?? "chair/unknown-person", error?.message ?? "That person is no longer in the game.");
      store.moveSeat(this.game.code, person.token, { role: person.role, seat: person.seat, team: person.team });
      if (to !== null && this.seating.holdersOf(to).length === 1) this.windows.seatToPeople(to);
      const client = this.clients.getById(session);
      if (client) {
        client.userData = { seat: person.seat, role: person.role };
        const text = to === null
          ? `The teacher has taken you out of ${from ? this.nameOf(from) : "your seat"}: you are watching now.`
          : `The teacher has moved you${from ? ` from ${this.nameOf(from)}` : ""} to ${this.nameOf(to)}.`;
        client.send("notice", { kind: to === null ? "removed" : "moved", text });
        this.sendWelcome(client);
      }
      log.info({ code: this.game.code, from, to }, "the chair moved a person");
      this.afterSeatingChange();
      return null;
    }

    private flood(client: Client): Answer | null {
      const bucket = this.limits.get(client.sessionId);
      if (!bucket || bucket.take(Date.now())) return null;
      // Answer first, then disconnect: only floods are cut off.
      this.timers.setTimeout(() => client.leave(FLOOD_CLOSE_CODE), 0);
      return refuse("rate/flood", "Too many requests: this connection is closed. Reload to continue.");
    }

    /**
     * Bots act one at a time, paced so people can follow; the chair bot waits for a quiet room. In a full
     * plenary many delegations act in the same minute: the pause between bot actions shrinks with the number
     * of bot seats beyond a classroom's dozen, so 180 bots do not take 15 times as long as 12.
     */
    private kickBots(delay?: number): void {
      if (this.botTimer || this.engine.phase === "closed" || this.lobby.waiting) return;
      const [min, max] = this.timing.botDelay;
      const crowd = Math.min(1, CROWD / Math.max(1, this.botSeats));
      const wait = delay ?? (min + Math.random() * (max - min)) * crowd;
      this.botTimer = this.timers.setTimeout(() => {
        this.botTimer = null;
        this.runBots();
      }, wait);
    }

    private runBots(): void {
      const commit = (seat: string, d: { action: Action; why: string; publicWhy?: string }) => this.submit(seat, d.action, d.why, undefined, d.publicWhy).ok;
      try {
        if (this.conductor.delegationMove(() => this.engine, commit) === "acted") return;
        if (this.seating.control(CHAIR) === "bot") {
          // A point of order is ruled on at once: a stream of them must not keep the room from ever being quiet.
          const urgent = this.engine.points.some((p) => p.status === "pending");
          const wait = this.lastActionAt + this.timing.chairQuiet - Date.now();
          if (wait > 0 && !urgent) return this.kickBots(wait);
          const hold = this.debateHold();
          let held = false;
          const chairCommit = (seat: string, d: { action: Action; why: string }) => {
            if (hold > Date.now() && this.windows.endsDebate(this.engine, d.action)) {
              held = true;
              return false;
            }
            return commit(seat, d);
          };
          if (this.conductor.chairMove(this.engine, chairCommit)) return;
          // The chair would end the debate, but a person's moment is still open: ask it again when it closes.
          if (held) return this.waitForWindow(hold, null);
        }
        if (this.heldDeadline !== null) this.onDeadline(this.heldDeadline);
      } catch (error) {
        // A bot that throws idles (the conductor has already passed over it); the room goes on.
        log.warn({ code: this.game.code, err: String(error) }, "a bot failed");
        this.kickBots(Math.max(250, this.timing.chairQuiet));
      }
    }

    /** Holds the chair bot (and a debate's deadline, when `step` is given) until a person's moment closes. */
    private waitForWindow(until: number, step: string | null): void {
      const held = step ?? this.windowWait?.step ?? null;
      this.windowWait?.timer.clear();
      this.windowWait = { step: held, timer: this.timers.setTimeout(() => this.windowClosed(), Math.max(0, until - Date.now()) + 5) };
    }

    /** The moment is over (its time ran out, or the person acted or passed): the meeting may move on. */
    private windowClosed(): void {
      const step = this.windowWait?.step ?? null;
      this.windowWait?.timer.clear();
      this.windowWait = null;
      if (step !== null) this.onDeadline(step);
      this.kickBots();
    }

    /** Until when a person's moment keeps the debate (or the ballot) open (0: nobody's does). */
    private debateHold(holds: "debate" | "ballot" = "debate"): number {
      const people = this.attending.filter((d) => this.seating.control(d) === "human");
      return people.length ? this.windows.holdUntil(this.engine, people, holds) : 0;
    }

    private afterSeatingChange(): void {
      this.conductor.wakeAll();
      this.syncState();
      this.kickBots();
    }

    private syncState(): void {
      const view = viewFor(this.engine, "observer");
      syncPublicState(
        this.state,
        view,
        (seat) => {
          const holders = this.seating.holdersOf(seat);
          return {
            control: this.seating.control(seat),
            holders: holders.map((o) => o.name),
            connected: holders.filter((o) => o.connected).length,
            team: holders.some((o) => o.team),
          };
        },
        { deadlineAt: this.conference.deadlineAt, paused: this.conference.paused },
      );
      this.state.observers = this.seating.all.filter((o) => o.role === "observer").length;
      this.state.lobby = this.lobby.waiting;
      this.state.reveal = this.game.options.reveal ?? "cards";
      this.sendPrivateViews();
    }

    /** Each client's private view and legal actions (or only `only`'s), sent only when they changed. */
    private sendPrivateViews(only?: string): void {
      // Computed once per seat (a team shares it), sent only when its content changed (not merely its seq).
      const bySeat = new Map<string, { message: PrivateMessage; json: string }>();
      for (const o of this.seating.all) {
        if (!o.connected || !o.seat || (only !== undefined && o.sessionId !== only)) continue;
        const client = this.clients.getById(o.sessionId);
        if (!client) continue;
        let computed = bySeat.get(o.seat);
        if (computed === undefined) {
          const view = viewFor(this.engine, o.seat).private;
          const legal = legalActions(this.engine, o.seat);
          const prompt = o.seat !== CHAIR && this.seating.control(o.seat) === "human" ? this.windows.promptFor(this.engine, o.seat) : null;
          if (prompt) this.refreshAt(prompt.until);
          const people = o.seat === CHAIR ? this.people() : undefined;
          const ballot = this.engine.ballot?.id ?? null;
          const step = this.engine.steps.at(-1)?.id ?? null;
          const message: PrivateMessage = { seq: this.engine.seq, ballot, step, private: view, legal, prompt, ...(people ? { people } : {}) };
          computed = { message, json: JSON.stringify([view, legal, prompt, people, ballot, step]) };
          bySeat.set(o.seat, computed);
        }
        if (this.lastPrivate.get(o.sessionId) === computed.json) continue;
        this.lastPrivate.set(o.sessionId, computed.json);
        client.send("private", computed.message);
      }
    }

    /**
     * The debrief as this client may see it: every delegation's score and what made it when the teacher
     * reveals the cards (the default), else its own delegation's alone (the chair sees all; an observer none).
     */
    private outcomeFor(sessionId: string): PublicOutcome {
      const all = publicOutcome(this.engine);
      const o = this.seating.of(sessionId);
      if (this.game.options.reveal !== "own" || o?.role === "chair") return all;
      const mine = (r: Record<string, unknown>) => (o?.seat && r[o.seat] !== undefined ? { [o.seat]: r[o.seat] } : {});
      return { ...all, scores: mine(all.scores) as PublicOutcome["scores"], details: mine(all.details) as PublicOutcome["details"] };
    }

    /** The people in the game, for the chair's console (moving and removing them). */
    private people(): Person[] {
      return this.seating.all.map((o) => ({ session: o.sessionId, name: o.name, role: o.role, seat: o.seat, team: o.team, connected: o.connected }));
    }

    /** Sends the private views again when a prompt runs out (the Act panel drops it, the meeting moves on). */
    private refreshAt(at: number): void {
      if (this.promptTimer && this.promptTimer.at <= at) return;
      this.promptTimer?.timer.clear();
      this.promptTimer = {
        at,
        timer: this.timers.setTimeout(() => {
          this.promptTimer = null;
          this.sendPrivateViews();
          this.kickBots();
        }, Math.max(0, at - Date.now()) + 5),
      };
    }

    private sendWelcome(client: Client): void {
      const o = this.seating.of(client.sessionId);
      if (!o) return;
      const welcome: Welcome = {
        code: this.game.code,
        token: o.token,
        role: o.role,
        seat: o.seat,
        name: o.name,
        pace: this.game.pace,
        rule: this.engine.rule,
        seed: this.engine.seed,
        engine: this.engine.engine,
        publicUrl: deps.publicUrl,
        joinUrl: `${deps.publicUrl}#/join/${this.game.code}`,
        scenario: publicScenarioOf(this.engine.scenario, this.engine.phase === "closed"),
        outcome: this.engine.phase === "closed" ? this.outcomeFor(client.sessionId) : null,
      };
      client.send("welcome", welcome);
      client.send("record", { lines: this.record });
      this.lastPrivate.delete(client.sessionId);
      this.sendPrivateViews(client.sessionId);
    }

    /** For the HTTP seat list: who holds each seat now. */
    seatList() {
      return {
        chair: { control: this.seating.control(CHAIR), holders: this.seating.holdersOf(CHAIR).map((o) => o.name) },
        delegations: this.engine.scenario.delegations.map((d) => ({
          id: d.id,
          name: d.name,
          playable: d.playable,
          present: d.present,
          control: this.seating.control(d.id),
          holders: this.seating.holdersOf(d.id).map((o) => o.name),
          team: this.seating.holdersOf(d.id).some((o) => o.team),
        })),
        observers: this.seating.all.filter((o) => o.role === "observer").length,
      };
    }
  };
}
