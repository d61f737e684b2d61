import * as z from "zod";
import { ActionSchema } from "../engine/actions.ts";
import { ChairCommandSchema, CreateGameSchema, JoinOptionsSchema, SeenSchema } from "./messages.ts";
import {
  AnswerSchema,
  CreatedGameSchema,
  GameInfoSchema,
  GameListSchema,
  HealthSchema,
  HttpErrorSchema,
  NoticeSchema,
  PrivateMessageSchema,
  PublicOutcomeSchema,
  PublicScenarioSchema,
  RecordMessageSchema,
  RoomStateSchema,
  ScenarioListSchema,
  WelcomeSchema,
} from "./serverMessages.ts";

/**
 * The JSON Schemas of every message of the protocol, both ways (docs/protocol.md), generated from the zod
 * schemas the server itself parses and is held to; `plenipo schema --protocol` prints them and
 * docs/schema/protocol.schema.json publishes them. Its own module: the browser never loads the generator.
 */

/** The body of the "act" request: an envelope with what the control was drawn from, or a bare action. */
export const ActRequestSchema = z.union([z.strictObject({ action: ActionSchema, seen: SeenSchema.optional() }), ActionSchema]);

/** "pass" and "sync" carry nothing: whatever is sent is ignored. */
const NoPayload = z.unknown();

interface Message {
  schema: z.ZodType;
  /** What a client sends is described as it may be written (defaults optional); what it receives, as sent. */
  io: "input" | "output";
  description: string;
}

const MESSAGES: Record<string, Message> = {
  createGame: { schema: CreateGameSchema, io: "input", description: "client → server: the JSON body of POST /api/games" },
  createdGame: { schema: CreatedGameSchema, io: "output", description: "server → client: the answer of POST /api/games (201)" },
  game: { schema: GameInfoSchema, io: "output", description: "server → client: the answer of GET /api/games/:code" },
  gameList: { schema: GameListSchema, io: "output", description: "server → client: the answer of GET /api/games (the administrator's Basic auth)" },
  scenarioList: { schema: ScenarioListSchema, io: "output", description: "server → client: the answer of GET /api/scenarios" },
  health: { schema: HealthSchema, io: "output", description: "server → client: the answer of GET /api/health" },
  httpError: { schema: HttpErrorSchema, io: "output", description: "server → client: the body of every HTTP error (400, 403, 404, 409)" },
  join: { schema: JoinOptionsSchema, io: "input", description: 'client → server: the options of joinOrCreate("plenary", options)' },
  act: { schema: ActRequestSchema, io: "input", description: 'client → server: the "act" request, {action, seen} (or a bare action, with no stale check)' },
  action: { schema: ActionSchema, io: "input", description: "client → server: an action (DESIGN §4), as the act envelope carries it" },
  chair: { schema: ChairCommandSchema, io: "input", description: 'client → server: the "chair" request, a room control of the chair (or start with the chair key)' },
  pass: { schema: NoPayload, io: "input", description: 'client → server: the "pass" request (let a person\'s moment go); no payload' },
  sync: { schema: NoPayload, io: "input", description: 'client → server: the "sync" request (send welcome, record and private again); no payload' },
  answer: { schema: AnswerSchema, io: "output", description: "server → client: what every request (act, chair, pass, sync) resolves to" },
  welcome: { schema: WelcomeSchema, io: "output", description: 'server → client: the "welcome" message, after every join, reconnection, move or sync' },
  private: { schema: PrivateMessageSchema, io: "output", description: 'server → one client: the "private" message, its own view and legal actions (never to an observer)' },
  record: { schema: RecordMessageSchema, io: "output", description: 'server → client: the "record" message, {lines} after a welcome, then one line per accepted action' },
  notice: { schema: NoticeSchema, io: "output", description: 'server → one client: the "notice" message' },
  outcome: { schema: PublicOutcomeSchema, io: "output", description: 'server → client: the "outcome" message at the close (and again when the teacher changes what is revealed)' },
  scenario: { schema: PublicScenarioSchema, io: "output", description: 'server → everyone: the "scenario" message at the close, the public scenario with its history' },
  state: { schema: RoomStateSchema, io: "output", description: "server → everyone: room.state as toJSON() gives it; the fields listed are contract, any other is internal" },
};

/** Message name → a self-contained JSON Schema (draft 2020-12, its own `$id`: usable as a root anywhere). */
export function protocolJsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [name, m] of Object.entries(MESSAGES)) {
    const { $schema, ...body } = z.toJSONSchema(m.schema, { io: m.io, target: "draft-2020-12", reused: "ref", unrepresentable: "any" }) as Record<string, unknown>;
    out[name] = { $schema, $id: `urn:plenipo:protocol:${name}`, description: m.description, ...body };
  }
  return out;
}
