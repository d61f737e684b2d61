import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

describe("privacy on the wire", () => {
  it("no client ever receives another delegation's secret ballot or private offer", async () => {
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
});
