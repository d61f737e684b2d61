import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { CreateGame, Role } from "../../shared/protocol/messages.ts";
import { isCheckpoint, type GameLog, type LogHeader, type LogLine } from "../../shared/log/format.ts";

export interface GameRecord {
  code: string;
  chairKeyHash: string;
  scenarioId: string;
  title: string;
  rule: string;
  seed: number;
  pace: CreateGame["pace"];
  options: GameOptionsRecord;
  status: "open" | "closed";
  seq: number;
  createdAt: string;
  closedAt: string | null;
}

/** The settings that may change during a game (who chairs, whether bots replace absent students). */
export interface GameOptionsRecord {
  chair: "human" | "bot";
  maxPlayers: number;
  reconnectSeconds: number;
  botsForAbsent: boolean;
  /** Seats the chair handed to a bot, or back ("human"), overriding the default. */
  seatOverrides: Record<string, "bot" | "human">;
  /** The game waits in a lobby until the chair starts it (absent: it started at once). */
  lobby?: boolean;
  /** When the chair started a lobby game (ms since the epoch). */
  startedAt?: number;
  /** What the debrief shows everyone (absent: "cards", every delegation's card and score). */
  reveal?: "cards" | "own";
}

export interface SeatRecord {
  token: string;
  code: string;
  role: Role;
  seat: string | null;
  name: string;
  team: boolean;
}

/**
 * The durable store (DESIGN §9): SQLite through better-sqlite3, in WAL mode with synchronous=NORMAL, which
 * survives a killed process (only a power cut can lose the last commits). Every accepted action is appended,
 * in a transaction with its checkpoint, before anyone sees its effect. Seat tokens live here too, so they
 * survive a restart.
 */
export class GameStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly appendTx: (code: string, lines: LogLine[], closed: boolean) => void;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS games (
        code TEXT PRIMARY KEY, chair_key_hash TEXT NOT NULL, scenario_id TEXT NOT NULL, title TEXT NOT NULL,
        rule TEXT NOT NULL, seed INTEGER NOT NULL, pace TEXT NOT NULL, options TEXT NOT NULL, header TEXT NOT NULL,
        status TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, closed_at TEXT);
      CREATE TABLE IF NOT EXISTS lines (
        code TEXT NOT NULL, n INTEGER NOT NULL, line TEXT NOT NULL, PRIMARY KEY (code, n)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS seats (
        token TEXT PRIMARY KEY, code TEXT NOT NULL, role TEXT NOT NULL, seat TEXT, name TEXT NOT NULL,
        team INTEGER NOT NULL, created_at TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS seats_by_code ON seats (code);
    `);
    this.statements = {
      insertGame: this.db.prepare(
        `INSERT INTO games (code, chair_key_hash, scenario_id, title, rule, seed, pace, options, header, status, seq, created_at)
         VALUES (@code, @chairKeyHash, @scenarioId, @title, @rule, @seed, @pace, @options, @header, 'open', 0, @createdAt)`,
      ),
      game: this.db.prepare("SELECT * FROM games WHERE code = ?"),
      games: this.db.prepare("SELECT * FROM games ORDER BY created_at DESC LIMIT ?"),
      header: this.db.prepare("SELECT header FROM games WHERE code = ?"),
      lines: this.db.prepare("SELECT line FROM lines WHERE code = ? ORDER BY n"),
      nextLine: this.db.prepare("SELECT COALESCE(MAX(n) + 1, 0) AS n FROM lines WHERE code = ?"),
      insertLine: this.db.prepare("INSERT INTO lines (code, n, line) VALUES (?, ?, ?)"),
      setSeq: this.db.prepare("UPDATE games SET seq = ? WHERE code = ?"),
      close: this.db.prepare("UPDATE games SET status = 'closed', closed_at = ? WHERE code = ?"),
      setOptions: this.db.prepare("UPDATE games SET options = ? WHERE code = ?"),
      insertSeat: this.db.prepare("INSERT INTO seats (token, code, role, seat, name, team, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
      seat: this.db.prepare("SELECT * FROM seats WHERE token = ? AND code = ?"),
      seats: this.db.prepare("SELECT * FROM seats WHERE code = ?"),
      moveSeat: this.db.prepare("UPDATE seats SET role = ?, seat = ?, team = ? WHERE token = ? AND code = ?"),
    };
    this.appendTx = this.db.transaction((code: string, lines: LogLine[], closed: boolean) => {
      let n = (this.statements.nextLine.get(code) as { n: number }).n;
      let seq: number | null = null;
      for (const line of lines) {
        this.statements.insertLine.run(code, n++, JSON.stringify(line));
        if (!isCheckpoint(line)) seq = line.seq;
      }
      if (seq !== null) this.statements.setSeq.run(seq, code);
      if (closed) this.statements.close.run(new Date().toISOString(), code);
    });
  }

  createGame(g: Omit<GameRecord, "status" | "seq" | "closedAt">, header: LogHeader): void {
    this.statements.insertGame.run({ ...g, options: JSON.stringify(g.options), header: JSON.stringify(header) });
  }

  getGame(code: string): GameRecord | null {
    const row = this.statements.game.get(code) as Record<string, unknown> | undefined;
    return row ? toGame(row) : null;
  }

  listGames(limit = 100): GameRecord[] {
    return (this.statements.games.all(limit) as Record<string, unknown>[]).map(toGame);
  }

  /** The whole log of a game, as written so far. */
  loadLog(code: string): GameLog | null {
    const header = this.statements.header.get(code) as { header: string } | undefined;
    if (!header) return null;
    const lines = (this.statements.lines.all(code) as { line: string }[]).map((r) => JSON.parse(r.line) as LogLine);
    return { header: JSON.parse(header.header) as LogHeader, lines };
  }

  /** Appends an accepted action's lines (its entry, and a checkpoint if one falls due) in one transaction. */
  append(code: string, lines: LogLine[], closed: boolean): void {
    this.appendTx(code, lines, closed);
  }

  setOptions(code: string, options: GameOptionsRecord): void {
    this.statements.setOptions.run(JSON.stringify(options), code);
  }

  saveSeat(s: SeatRecord): void {
    this.statements.insertSeat.run(s.token, s.code, s.role, s.seat, s.name, s.team ? 1 : 0, new Date().toISOString());
  }

  /** A person moved by the teacher: their token now brings back the new seat (or watching). */
  moveSeat(code: string, token: string, to: { role: Role; seat: string | null; team: boolean }): void {
    this.statements.moveSeat.run(to.role, to.seat, to.team ? 1 : 0, token, code);
  }

  findSeat(code: string, token: string): SeatRecord | null {
    const row = this.statements.seat.get(token, code) as Record<string, unknown> | undefined;
    return row ? toSeat(row) : null;
  }

  seatsOf(code: string): SeatRecord[] {
    return (this.statements.seats.all(code) as Record<string, unknown>[]).map(toSeat);
  }

  close(): void {
    this.db.close();
  }
}

function toGame(r: Record<string, unknown>): GameRecord {
  return {
    code: r.code as string,
    chairKeyHash: r.chair_key_hash as string,
    scenarioId: r.scenario_id as string,
    title: r.title as string,
    rule: r.rule as string,
    seed: r.seed as number,
    pace: r.pace as GameRecord["pace"],
    options: JSON.parse(r.options as string) as GameOptionsRecord,
    status: r.status as GameRecord["status"],
    seq: r.seq as number,
    createdAt: r.created_at as string,
    closedAt: (r.closed_at as string | null) ?? null,
  };
}

function toSeat(r: Record<string, unknown>): SeatRecord {
  return { token: r.token as string, code: r.code as string, role: r.role as Role, seat: (r.seat as string | null) ?? null, name: r.name as string, team: r.team === 1 };
}
