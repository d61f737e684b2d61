import { defineRoom, defineServer, Room } from "@colyseus/core";
import { schema, t } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { WebSocket } from "ws";

/**
 * The baseline of `npm run bench:server`: a Colyseus room that does nothing but answer. Same transport, same
 * room name and join options as the game server, so the difference in latency is the game's own work.
 */
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const BareState = schema({ seq: t.uint32(), phase: t.string() }, "BareState");

class BareRoom extends Room<{ state: InstanceType<typeof BareState> }> {
  override maxClients = 100_000;
  override state = new BareState();
  override onCreate(options: { code: string }) {
    this.roomId = options.code;
    this.onMessage("act", () => {
      this.state.seq += 1;
      return { ok: true, seq: this.state.seq };
    });
  }
  override onAuth() {
    return true;
  }
  override onJoin(client: { send(type: string, message: unknown): void }) {
    client.send("welcome", { token: "bare" });
  }
}

const port = Number(process.argv[3] ?? 2590);
const server = defineServer({ transport: new WebSocketTransport({ maxPayload: 64 * 1024 }), greet: false, gracefullyShutdown: false, rooms: { plenary: defineRoom(BareRoom).filterBy(["code"]) } });
await server.listen(port, "127.0.0.1");
console.log("bare server listening");
