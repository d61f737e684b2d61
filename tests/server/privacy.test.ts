import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseLog } from "../../shared/log/format.ts";
import { replay } from "../../shared/log/replay.ts";
import { join, startServer, until, type Player, type TestServer } from "./harness.ts";

/**
 * Privacy over the wire (DESIGN §3–5, §9): every message and every state patch each client receives during a
 * game with a secret ballot and a private offer is captured; none carries another delegation's ballot or offer.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

const IDS = ["USA", "DEU", "CHN", "RUS", "IND", "BRA", "GHA", "SAU"] as const;
const SECRET_CHOICES: Record<string, "yes" | "no" | "abstain"> = { USA: "no", DEU: "no", CHN: "yes", RUS: "yes", IND: "abstain", BRA: "yes", GHA: "no", SAU: "yes" };

/** What would give a delegation's card away: its briefing's opening words and each of its objectives. */
const scenario = JSON.parse(readFileSync("scenarios/classroom-quick.json", "utf8")) as { delegations: { id: string; briefing: string; objectives: { text: string }[] }[] };
const cardsOf = (id: string) => {
  const d = scenario.delegations.find((x) => x.id === id);
  return [d?.briefing.slice(0, 60) ?? "", ...(d?.objectives.map((o) => o.text) ?? [])].filter((t) => t.length > 10).map((t) => JSON.stringify(t).slice(1, -1));
};

describe("privacy on the wire", () => {
  it("no client ever receives another delegation's card, secret ballot, private offer, its recipient or a pledge; no endpoint gives them away", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "classroom", rule: "majority" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const observer = await join(server, { code: body.code, name: "Visitor", role: "observer" });
    const d: Record<string, Player> = {};
    for (const id of IDS) d[id] = await join(server, { code: body.code, name: `Student ${id}`, role: "delegation", seat: id });
    const all: [string, Player][] = [["chair", chair], ["observer", observer], ...Object.entries(d)];
    const ok = async (p: Player, action: unknown) => expect(await p.act(action)).toMatchObject({ ok: true });

    await ok(chair, { type: "open_item", item: "governance" });
    await ok(d.SAU as Player, { type: "table", target: "P1" });
    // A private deal: the United States pledges to co-sponsor A2c if Ghana votes no on P1.
    await ok(d.USA as Player, { type: "offer", to: "GHA", give: [{ cosponsor: "A2c" }], ask: [{ vote: { target: "P1", choice: "no" } }] });
    await until(() => (d.GHA as Player).latest()?.private?.offers.length === 1, 5000, "Ghana sees the offer");
    await ok(d.GHA as Player, { type: "accept_offer", offer: "O1" });
    // A second deal, declined: India to Brazil.
    await ok(d.IND as Player, { type: "offer", to: "BRA", give: [{ second: "A1b" }], ask: [{ no_objection: "P1" }] });
    await until(() => (d.BRA as Player).latest()?.private?.offers.length === 1, 5000, "Brazil sees the offer");
    await ok(d.BRA as Player, { type: "decline_offer", offer: "O2" });

    // Mid-game, over HTTP: with and without the code, nothing of a card, a deal or a ballot.
    const http: [string, { status: number; text: string }][] = [];
    for (const [name, path, headers] of [
      ["the list of games", "/api/games", {}],
      ["a game by code", `/api/games/${body.code}`, {}],
      ["the public export", `/api/games/${body.code}/export`, {}],
      ["the full log without the key", `/api/games/${body.code}/log`, {}],
      ["the full log mid-game with the key", `/api/games/${body.code}/log`, { "x-chair-key": body.chairKey }],
      ["the scenarios", "/api/scenarios", {}],
      ["a briefing by scenario", "/api/scenarios/classroom-quick/briefing/USA", {}],
      ["health", "/api/health", {}],
    ] as const) http.push([name, await server.get(path, headers)]);
    expect(Object.fromEntries(http.map(([n, r]) => [n, r.status]))).toEqual({
      "the list of games": 403,
      "a game by code": 200,
      "the public export": 200,
      "the full log without the key": 403,
      "the full log mid-game with the key": 409,
      "the scenarios": 200,
      "a briefing by scenario": 404,
      health: 200,
    });
    for (const [name, r] of http) {
      for (const id of IDS) for (const card of cardsOf(id)) expect(r.text, `${name} gives ${id}'s card away`).not.toContain(card);
      expect(r.text, `${name} names the students`).not.toContain("Student ");
      expect(r.text, `${name} shows a deal`).not.toContain('"cosponsor":"A2c"');
    }
    // In the export, answers to offers keep their place but not who answered, nor which offer.
    const exported = parseLog(http.find(([n]) => n === "the public export")?.[1].text ?? "");
    expect(exported.ok).toBe(true);
    if (exported.ok) {
      expect(exported.log.header).toMatchObject({ public: true, scenarioPublic: true });
      const answers = exported.log.lines.filter((l) => "action" in l && (l.action.type === "accept_offer" || l.action.type === "decline_offer"));
      expect(answers.map((l) => ("by" in l ? [l.by, l.action.offer] : null))).toEqual([[null, null], [null, null]]);
      const again = replay(exported.log);
      expect(again.ok && again.state.seq).toBe(exported.log.lines.length);
    }
    for (const id of ["SAU", "RUS", "CHN", "IND", "BRA"]) await ok(d[id] as Player, { type: "request_vote", target: "P1", method: "secret" });
    await ok(chair, { type: "call_vote", target: "P1" });
    await until(() => chair.room.state.hasBallot && chair.room.state.ballot.method === "secret", 5000, "a secret ballot");
    for (const id of IDS) await ok(d[id] as Player, { type: "vote", target: "P1", choice: SECRET_CHOICES[id] });
    await until(() => chair.room.state.ballot.voted.length === 8, 5000, "every ballot cast");
    await ok(chair, { type: "close_vote" });
    await until(() => chair.room.state.targets.get("P1").status !== "tabled", 5000, "the result");
    await new Promise((r) => setTimeout(r, 200)); // let the last patches arrive

    expect(chair.room.state.targets.get("P1")).toMatchObject({ status: "adopted", yes: 4, no: 3, abstain: 1 });

    const deal = '{"cosponsor":"A2c"}';
    for (const [who, p] of all) {
      const wire = JSON.stringify(p.messages) + p.states.join("\n");
      // The cards: each delegation receives its own, nobody another's (the chair and observers none).
      for (const id of IDS) {
        for (const card of cardsOf(id)) {
          if (id === who) expect(wire, `${who} did not get its own card`).toContain(card);
          else expect(wire, `${who} received ${id}'s card`).not.toContain(card);
        }
      }
      // Who answered an offer, and which offer, stays with the parties: in the record, both are null.
      for (const line of p.records) {
        if (line.entry.action.type === "accept_offer" || line.entry.action.type === "decline_offer") expect([line.entry.by, line.entry.action.offer]).toEqual([null, null]);
      }
      // A pledge reaches its two parties only.
      const pledged = p.privates.some((m) => (m.private?.pledges ?? []).length > 0);
      if (who !== "USA" && who !== "GHA") expect(pledged, `${who} saw a pledge`).toBe(false);
      // The offer: its two parties see it; nobody else sees its contents, or even its recipient.
      if (who === "USA" || who === "GHA") expect(wire).toContain(deal);
      else {
        expect(wire, `${who} saw the offer`).not.toContain(deal);
        expect(wire, `${who} saw whom the offer went to`).not.toContain('"from":"USA","to":"GHA"');
      }
      for (const line of p.records) {
        if (line.entry.action.type === "offer") expect(line.entry.action).toEqual({ type: "offer", to: null, give: null, ask: null });
      }
      // The secret ballot: no choice in the public state while it is open...
      for (const s of p.states.map((x) => JSON.parse(x))) {
        if (s.hasBallot && s.ballot.method === "secret") {
          expect(s.ballot.choices).toEqual({});
          expect([s.ballot.yes, s.ballot.no, s.ballot.abstain]).toEqual([-1, -1, -1]);
        }
      }
      // ...no choice and no reason in the public record...
      for (const line of p.records) {
        if (line.entry.action.type === "vote") {
          expect(line.entry.action.choice).toBeNull();
          expect(line.events.join(" ")).not.toMatch(/: (yes|no|abstain)$/);
        }
      }
      // ...and in its private view, a delegation sees its own ballot only.
      for (const m of p.privates) {
        for (const [ballot, entries] of Object.entries(m.private?.ballots ?? {})) {
          for (const e of entries) {
            expect(e.for, `${who} received ${e.for}'s ballot in ${ballot}`).toBe(who);
            expect(e.choice).toBe(SECRET_CHOICES[who]);
          }
        }
      }
    }
    for (const [, p] of all) await p.room.leave();
  });

  it("at the debrief, the teacher decides: each delegation's own card and score, or everyone's (the default)", async () => {
    const { body } = await server.createGame({ scenario: "classroom-quick", pace: "instant", rule: "majority", chair: "bot", reveal: "own" });
    const chair = await join(server, { code: body.code, name: "Teacher", role: "chair", chairKey: body.chairKey });
    const ana = await join(server, { code: body.code, name: "Ana", role: "delegation", seat: "GHA" });
    await chair.chair({ type: "seat", seat: "GHA", bot: true });
    await until(() => ana.room.state.phase === "closed", 30_000, "the close");
    const outcome = () => [...ana.messages].reverse().find((m) => m.type === "outcome")?.payload as { scores: Record<string, number>; details: Record<string, unknown> } | undefined;
    await until(() => outcome() !== undefined, 5000, "the debrief");
    expect(Object.keys(outcome()?.scores ?? {})).toEqual(["GHA"]);
    expect(Object.keys(outcome()?.details ?? {})).toEqual(["GHA"]);
    const hidden = await server.get(`/api/games/${body.code}/export`);
    for (const id of IDS) for (const card of cardsOf(id)) expect(hidden.text).not.toContain(card);
    // The teacher reveals the cards: everyone's score reaches everyone, and the export carries the cards.
    expect(await chair.chair({ type: "reveal", cards: true })).toMatchObject({ ok: true });
    await until(() => Object.keys(outcome()?.scores ?? {}).length === 8, 5000, "every score");
    const shown = await server.get(`/api/games/${body.code}/export`);
    for (const card of cardsOf("USA")) expect(shown.text).toContain(card);
    const parsed = parseLog(shown.text);
    const again = parsed.ok ? replay(parsed.log) : null;
    expect(again?.ok && again.cards).toBe(true);
    for (const p of [chair, ana]) await p.room.leave();
  });
});
