import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as z from "zod";
import type { Action } from "../../shared/engine/actions.ts";
import {
  AnswerSchema,
  NoticeSchema,
  PrivateMessageSchema,
  PublicOutcomeSchema,
  PublicScenarioSchema,
  RecordMessageSchema,
  RoomStateSchema,
  WelcomeSchema,
  type Notice,
  type PrivateMessage,
  type RecordLine,
  type Welcome,
} from "../../shared/protocol/serverMessages.ts";
import { join, startServer, until, type Player, type TestServer } from "../server/harness.ts";

/**
 * The server keeps the published contract (docs/protocol.md, shared/protocol/serverMessages.ts): in a real
 * game taken to its close — offers accepted, declined and retracted, a speech, a secret ballot, a roll-call,
 * signatures with reservations and a refusal, the teacher's reveal and seat controls after the close — every
 * message every client receives, and every answer to a request, parses with its strict schema.
 */

const SCHEMAS: Record<string, z.ZodType> = {
  welcome: WelcomeSchema,
  private: PrivateMessageSchema,
  record: RecordMessageSchema,
  notice: NoticeSchema,
  outcome: PublicOutcomeSchema,
  scenario: PublicScenarioSchema,
};

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** Every answer any client got, to be held to the contract with the messages. */
const answers: unknown[] = [];
const request = async (p: Player, type: string, payload?: unknown) => {
  const answer: unknown = await p.room.request(type, payload);
  answers.push(answer);
  return answer as { ok: boolean; seq?: number; code?: string; message?: string };
};
const ok = async (p: Player, type: string, payload?: unknown) => {
  const answer = await request(p, type, payload);
  expect(answer, `${JSON.stringify(payload)} → ${answer.code}: ${answer.message}`).toMatchObject({ ok: true });
};
const legal = (p: Player, type: Action["type"]) => p.latest()?.legal?.actions.filter((l) => l.action.type === type).map((l) => l.action) ?? [];
const privates = (p: Player) => p.messages.filter((m) => m.type === "private").map((m) => m.payload as PrivateMessage);
const notices = (p: Player) => p.messages.filter((m) => m.type === "notice").map((m) => (m.payload as Notice).kind);
const outcomes = (p: Player) => p.messages.filter((m) => m.type === "outcome").map((m) => m.payload as z.infer<typeof PublicOutcomeSchema>);
const welcomes = (p: Player) => p.messages.filter((m) => m.type === "welcome").map((m) => m.payload as Welcome);

/** Each message (and each state after a patch) that does not parse, as "type: path: problem". */
function breaches(p: Player): string[] {
  const problems = (what: string, schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${what}: ${i.path.join(".")}: ${i.message}`);
  };
  return [
    ...p.messages.flatMap(({ type, payload }) => {
      const schema = SCHEMAS[type];
      return schema ? problems(type, schema, payload) : [`${type}: a message type the contract does not know`];
    }),
    ...p.states.flatMap((json) => problems("room.state", RoomStateSchema, JSON.parse(json))),
  ];
}

const IDS = ["USA", "DEU", "CHN", "RUS", "IND", "BRA", "GHA", "SAU"] as const;
const SECRET: Record<string, "yes" | "no" | "abstain"> = { USA: "no", DEU: "no", CHN: "yes", RUS: "yes", IND: "abstain", BRA: "yes", GHA: "no", SAU: "yes" };

/** A student who votes as soon as the roll-call calls them (and only then: the others have no vote button). */
function answerRollCall(p: Player, choice: "yes" | "no"): void {
  let busy = false;
  p.afterMessage(() => {
    const vote = legal(p, "vote")[0];
    if (!vote || busy || p.latest()?.step === null) return;
    busy = true;
    // A moment before answering, as a person takes: room.state is patched every 50 ms, and the observer must
    // see the roll-call standing at someone.
    setTimeout(() => void request(p, "act", { action: { ...vote, choice }, seen: { ballot: p.latest()?.ballot } }).finally(() => (busy = false)), 80);
  });
}

describe("the server keeps the contract", () => {
  it("every message of a whole game, to the chair, the delegations, a team mate and observers, parses with its schema", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant", lobby: true });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const observer = await join(server, { code: body.code, name: "Visitor", role: "observer" });
    const d: Record<string, Player> = {};
    for (const id of IDS) d[id] = await join(server, { code: body.code, name: `Student ${id}`, role: "delegation", seat: id, team: id === "USA" });
    const usa = d.USA as Player, deu = d.DEU as Player, gha = d.GHA as Player, sau = d.SAU as Player, ind = d.IND as Player, bra = d.BRA as Player;
    const mate = await join(server, { code: body.code, name: "Team mate", role: "delegation", seat: "USA", team: true });
    const everyone = [chair, observer, mate, ...Object.values(d)];
    // Everything below is the teacher's doing: the clock stands still, so no deadline races the script.
    await ok(chair, "chair", { type: "pause" });
    await ok(chair, "chair", { type: "start" });

    await ok(chair, "act", { action: { type: "open_item", item: "governance" }, seen: { step: chair.latest()?.step ?? undefined } });
    await ok(sau, "act", { type: "table", target: "P1" });
    await ok(gha, "act", { type: "request_floor" });
    await ok(chair, "act", { type: "give_floor", to: "GHA" });
    await until(() => legal(gha, "speak").length > 0, 5000, "Ghana's turn to speak");
    await ok(gha, "act", { type: "speak", text: "Ghana asks that every text come with development money." });
    if (legal(gha, "yield_floor").length) await ok(gha, "act", { type: "yield_floor" });
    // Deals: one accepted (its pledges are judged), one declined, one retracted.
    await ok(usa, "act", { type: "offer", to: "GHA", give: [{ cosponsor: "A2c" }], ask: [{ vote: { target: "P1", choice: "no" } }] });
    await until(() => gha.latest()?.private?.offers.length === 1, 5000, "Ghana sees the offer");
    await ok(gha, "act", { type: "accept_offer", offer: "O1" });
    await ok(ind, "act", { type: "offer", to: "BRA", give: [{ second: "A1b" }], ask: [{ no_objection: "P1" }] });
    await until(() => bra.latest()?.private?.offers.length === 1, 5000, "Brazil sees the offer");
    await ok(bra, "act", { type: "decline_offer", offer: "O2" });
    await ok(sau, "act", { type: "offer", to: "DEU", give: [{ withdraw: "P1" }], ask: [{ second: "P1" }] });
    await ok(sau, "act", { type: "retract_offer", offer: "O3" });

    // Five requests make the ballot secret (shared/engine/rules/method.ts).
    for (const id of ["SAU", "RUS", "CHN", "IND", "BRA"]) await ok(d[id] as Player, "act", { type: "request_vote", target: "P1", method: "secret" });
    await ok(chair, "act", { type: "call_vote", target: "P1" });
    await until(() => IDS.every((id) => legal(d[id] as Player, "vote").length > 0), 5000, "the secret ballot open to all");
    await until(() => observer.room.state.hasBallot && observer.room.state.ballot.method === "secret", 5000, "the observer to see the secret ballot");
    for (const id of IDS) await ok(d[id] as Player, "act", { action: { type: "vote", target: "P1", choice: SECRET[id] }, seen: { ballot: d[id]?.latest()?.ballot, target: "P1" } });
    await ok(chair, "act", { type: "close_vote" });
    await until(() => chair.room.state.targets.get("P1")?.status === "adopted", 5000, "P1 decided");

    // Two requests make a roll-call; Germany asked for a secret ballot and is told why it did not get one.
    await until(() => legal(chair, "open_item").length > 0, 5000, "the next item");
    await ok(chair, "act", { type: "open_item", item: "security" });
    await ok(ind, "act", { type: "table", target: "P2" });
    await ok(bra, "act", { type: "second", target: "P2" });
    await ok(usa, "act", { type: "request_vote", target: "P2", method: "roll_call" });
    await ok(deu, "act", { type: "request_vote", target: "P2", method: "secret" });
    for (const id of IDS) answerRollCall(d[id] as Player, id === "IND" || id === "CHN" ? "yes" : "no");
    await ok(chair, "act", { type: "call_vote", target: "P2" });
    await until(() => chair.records.some((r) => r.entry.action.type === "vote" && r.entry.action.result !== undefined), 10_000, "the roll-call to complete");

    // The Final Acts: signatures, one with a reservation, one refusal; the teacher closes the conference.
    await until(() => legal(chair, "open_signing").length > 0, 5000, "the signature to be in order");
    await ok(chair, "act", { type: "open_signing" });
    await until(() => legal(usa, "sign").length > 0, 5000, "the Final Acts open");
    for (const id of IDS) {
      const action = id === "GHA" ? { type: "decline_to_sign" } : id === "USA" ? { type: "sign", reservations: ["P1"] } : { type: "sign" };
      await ok(d[id] as Player, "act", action);
    }
    await ok(chair, "act", { type: "close_conference" });
    await until(() => everyone.every((p) => outcomes(p).length > 0 && p.messages.some((m) => m.type === "scenario")), 5000, "the debrief");

    // After the close: each delegation its own card and score only; a late observer, a sync, a reload, the
    // teacher's seat controls.
    await ok(chair, "chair", { type: "reveal", cards: false });
    await until(() => outcomes(gha).length === 2 && outcomes(observer).length === 2 && outcomes(chair).length === 2, 5000, "the outcome again");
    const late = await join(server, { code: body.code, name: "Latecomer", role: "observer" });
    await ok(gha, "sync");
    await ok(chair, "chair", { type: "seat", seat: "BRA", bot: true });
    await ok(chair, "chair", { type: "seat", seat: "BRA", bot: false });
    const person = (name: string) => chair.latest()?.people?.find((p) => p.name === name)?.session ?? "";
    await ok(chair, "chair", { type: "remove", session: person("Student DEU") });
    await ok(chair, "chair", { type: "move", session: person("Team mate"), to: "DEU" });
    const reload = await join(server, { code: body.code, token: sau.welcome()?.token });
    await until(() => notices(bra).includes("seat_back") && notices(deu).includes("removed") && notices(mate).includes("moved") && notices(sau).includes("replaced"), 5000, "the notices");
    await new Promise((r) => setTimeout(r, 100)); // the last frames

    const all = [...everyone, late, reload];
    expect(all.flatMap((p) => breaches(p))).toEqual([]);
    expect(answers.filter((a) => !AnswerSchema.safeParse(a).success)).toEqual([]);

    // The optional and nullable parts the contract describes were all on the wire, so each was checked.
    const lines = chair.records as RecordLine[];
    expect(lines.some((l) => l.entry.action.type === "vote" && l.entry.action.choice === null), "a secret vote").toBe(true);
    expect(lines.some((l) => l.entry.action.type === "close_vote" && l.entry.action.result !== undefined), "a closed ballot's result").toBe(true);
    expect(lines.some((l) => l.entry.action.type === "offer" && l.entry.action.to === null && l.entry.by === "USA"), "an offer, redacted").toBe(true);
    expect(lines.some((l) => l.entry.by === null), "an answer to an offer, anonymous").toBe(true);
    expect(privates(gha).some((m) => m.private?.pledges.length && m.private.offers.length && Object.keys(m.private.ballots).length), "Ghana's pledges, offers and ballots").toBe(true);
    expect(privates(chair).some((m) => m.private === null && (m.people?.length ?? 0) > 8), "the chair's people").toBe(true);
    expect(observer.messages.some((m) => m.type === "private"), "a private message to an observer").toBe(false);
    const states = observer.states.map((j) => JSON.parse(j) as { hasBallot: boolean; ballot: { method: string; yes: number; called: string } });
    expect(states.some((s) => s.hasBallot && s.ballot.method === "secret" && s.ballot.yes === -1), "a secret ballot's counts, unknown").toBe(true);
    expect(states.some((s) => s.hasBallot && s.ballot.method === "roll_call" && s.ballot.called !== ""), "a roll-call's delegation called").toBe(true);
    expect(welcomes(late)[0]?.outcome?.scores, "a latecomer's welcome has the outcome").toEqual({});
    expect(welcomes(late)[0]?.scenario.history, "and the history").not.toBeNull();
    expect(Object.keys(outcomes(gha).at(-1)?.scores ?? {}), "reveal own: Ghana's score only").toEqual(["GHA"]);
    expect(Object.keys(outcomes(chair).at(-1)?.scores ?? {}).sort(), "the chair's: all").toEqual([...IDS].sort());
    expect(Object.keys(outcomes(gha)[0]?.scores ?? {}).sort(), "reveal cards: everyone's").toEqual([...IDS].sort());
    expect(new Set(all.flatMap(notices))).toEqual(new Set(["offer", "offer_accepted", "offer_declined", "offer_retracted", "method", "replaced", "seat_to_bot", "seat_back", "removed", "moved"]));
    // (Saudi Arabia's first connection was closed by its reload.)
    for (const p of all) if (p !== sau) await p.room.leave();
  }, 60_000);

  it("a person's moment (the fast pace) and its pass keep the contract", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "fast", lobby: true });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const sau = await join(server, { code: body.code, name: "Sara", role: "delegation", seat: "SAU" });
    await ok(chair, "chair", { type: "pause" });
    await ok(chair, "chair", { type: "start" });
    await ok(chair, "act", { type: "open_item", item: "governance" });
    // Saudi Arabia sponsors P1: the meeting waits for it to table it, and says so in its private message.
    await until(() => sau.latest()?.prompt?.action?.type === "table", 5000, "the prompt");
    expect(sau.latest()?.prompt).toMatchObject({ text: "Table P1 now", holds: "debate", action: { type: "table", target: "P1" } });
    await ok(sau, "pass");
    await until(() => sau.latest()?.prompt === null, 5000, "the moment to pass");
    expect([...breaches(chair), ...breaches(sau)]).toEqual([]);
    expect(answers.filter((a) => !AnswerSchema.safeParse(a).success)).toEqual([]);
    await sau.room.leave();
    await chair.room.leave();
  });

  it("the schemas refuse a field the contract does not know, at any depth", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", rule: "majority", pace: "instant", chair: "bot" });
    const gha = await join(server, { code: body.code, name: "Kofi", role: "delegation", seat: "GHA" });
    await until(() => gha.records.length > 2 && (gha.latest()?.legal?.actions.length ?? 0) > 0, 5000, "a few lines and a legal action");
    const p = structuredClone(gha.latest()) as PrivateMessage & Record<string, unknown>;
    const w = structuredClone(gha.welcome()) as Welcome;
    const line = structuredClone(gha.records[1]) as RecordLine;
    expect(PrivateMessageSchema.safeParse(p).success).toBe(true);
    expect(WelcomeSchema.safeParse(w).success).toBe(true);
    expect(RecordMessageSchema.safeParse(line).success).toBe(true);
    const added = [
      PrivateMessageSchema.safeParse({ ...p, extra: 1 }),
      PrivateMessageSchema.safeParse({ ...p, private: { ...p.private, delegation: { ...p.private?.delegation, stanceSecret: 1 } } }),
      PrivateMessageSchema.safeParse({ ...p, legal: { ...p.legal, actions: [{ ...p.legal?.actions[0], extra: 1 }] } }),
      WelcomeSchema.safeParse({ ...w, scenario: { ...w.scenario, delegations: [{ ...w.scenario.delegations[0], stance: {} }] } }),
      RecordMessageSchema.safeParse({ ...line, entry: { ...line.entry, whyPublic: "a deal" } }),
      RecordMessageSchema.safeParse({ ...line, entry: { ...line.entry, action: { ...line.entry.action, secret: true } } }),
      NoticeSchema.safeParse({ kind: "offer", text: "…", from: "USA" }),
    ];
    expect(added.map((r) => r.success)).toEqual(added.map(() => false));
    await gha.room.leave();
  });
});
