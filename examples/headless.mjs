// A headless Plenipo client in plain Node, with the Colyseus SDK: it creates a game, joins as the chair and
// as one delegation (Ghana), plays Ghana with a few simple rules, lets bots play the rest, and prints the
// result when the conference closes.
//
//   npm start                      # in another terminal
//   node examples/headless.mjs [http://localhost:2567] [scenario] [pace]
//   scenario: classroom-quick (default), busan-2014, dubai-2012; pace: instant (default), fast, classroom
import { Client } from "@colyseus/sdk";

const base = process.argv[2] ?? "http://localhost:2567";
const scenario = process.argv[3] ?? "classroom-quick";
const pace = process.argv[4] ?? "instant";
const post = async (path, body) => {
  const res = await fetch(new URL(path, base), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = await res.json();
  if (!res.ok) throw new Error(`${path}: ${json.error?.code}: ${json.error?.message}`);
  return json;
};

// 1. Create a game: a scenario, a rule, a pace; a bot chairs. The answer has the join code and the chair key.
const game = await post("/api/games", { scenario, rule: "majority", pace, chair: "bot" });
console.log(`game ${game.code} (${game.title}), chair key ${game.chairKey}`);

// 2. Join with the code: as a delegation (alone), giving a name. The server answers with a seat token.
globalThis.WebSocket ??= (await import("ws")).WebSocket; // Node 20 has no WebSocket of its own
const client = new Client(base);
const room = await client.joinOrCreate("plenary", { code: game.code, name: "Headless student", role: "delegation", seat: "GHA" });

// 3. Read: room.state is the public projection; "private" messages carry our own view and legal actions.
// One handler for every type (the SDK drops what nobody listens to, and gives a type with its own handler
// nothing through "*"). docs/schema/protocol.schema.json describes each payload.
let token;
let latest = null; // the last private message: what our controls are drawn from
room.onMessage("*", (type, payload) => {
  if (type === "welcome") {
    token = payload.token;
    console.log(`joined as ${payload.seat} (${payload.role}); seat token ${payload.token.slice(0, 6)}…`);
  } else if (type === "private") {
    latest = payload;
    void play();
  } else if (type === "notice") console.log("notice:", payload.text);
  // "record": the public record, line by line; "outcome" and "scenario": the debrief, at the close.
});

// 4. Act: room.request("act", {action, seen}) always answers {ok: true, seq} or {ok: false, code, message}.
// `seen` is what the control was drawn from: the server refuses the action if that changed meanwhile.
const act = async (action) => {
  const seen = { seq: latest.seq, ballot: latest.ballot, ...(latest.step ? { step: latest.step } : {}), ...(action.target ? { target: action.target } : {}) };
  const answer = await room.request("act", { action, seen });
  if (!answer.ok) console.log(`refused ${action.type}: ${answer.code}: ${answer.message}`);
  return answer;
};

let busy = false;
const play = async () => {
  if (busy || !latest?.legal) return;
  busy = true;
  try {
    const legal = latest.legal;
    const can = (type) => legal.actions.find((l) => l.action.type === type)?.action;
    const vote = can("vote");
    if (vote) {
      // Ghana votes for whatever adds development money, abstains otherwise.
      await act({ ...vote, choice: vote.target === "A1b" || vote.target === "A3a" ? "yes" : "abstain" });
    } else if (can("speak")) await act({ type: "speak", text: "Ghana asks that every text come with development money." });
    else if (can("sign")) await act({ type: "sign" });
  } finally {
    busy = false;
  }
};

// 5. Wait for the close, then read the outcome.
await new Promise((resolve) => {
  const check = () => room.state.phase === "closed" && resolve();
  room.onStateChange(check);
});
const decisions = [...room.state.targets.values()].filter((t) => t.status !== "draft").map((t) => `${t.id} ${t.status}${t.reason ? ` (${t.reason})` : ""}`);
console.log(`closed at seq ${room.state.seq}:\n  ${decisions.join("\n  ")}`);
const signed = [...room.state.seats.values()].filter((s) => s.signature === "signed").length;
console.log(`Ghana ${room.state.seats.get("GHA").signature}, as did ${signed - 1} others; my private view had ${latest?.private?.offers.length ?? 0} offers.`);

// 6. Reconnect later with the seat token (a reload, or after a server restart): the same seat comes back.
await room.leave();
const again = await client.joinOrCreate("plenary", { code: game.code, token });
again.onMessage("*", () => undefined);
await new Promise((resolve) => again.onStateChange.once(resolve));
console.log(`rejoined with the token as ${[...again.state.seats.values()].find((s) => s.holders.includes("Headless student"))?.id}`);
await again.leave();

// 7. The public export (anyone with the code) replays with `npx plenipo replay`.
const exported = await fetch(new URL(`/api/games/${game.code}/export`, base)).then((r) => r.text());
console.log(`public export: ${exported.trim().split("\n").length} lines`);
process.exit(0);
