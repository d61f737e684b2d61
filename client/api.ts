import type { PublicScenario } from "../shared/engine/view.ts";
import type { CreateGame } from "../shared/protocol/messages.ts";

/** The HTTP API of docs/protocol.md. Errors become exceptions carrying the server's sentence. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (!res.ok) throw new ApiError("http/error", `The server answered ${res.status}.`);
    return text as T;
  }
  if (!res.ok) {
    const e = (body as { error?: { code: string; message: string } } | null)?.error;
    throw new ApiError(e?.code ?? "http/error", e?.message ?? `The server answered ${res.status}.`);
  }
  return body as T;
}

export interface CreatedGame {
  code: string;
  chairKey: string;
  scenario: string;
  title: string;
  rule: string;
  seed: number;
  pace: string;
}

export interface SeatListing {
  id: string;
  name: string;
  playable: boolean;
  present: boolean;
  control: string;
  /** Names, for the chair only (with the chair key); everyone else sees `people`. */
  holders: string[];
  /** How many people hold the seat. */
  people?: number;
  team: boolean;
}

export interface GameInfo {
  code: string;
  scenario: string;
  title: string;
  rule: string;
  pace: string;
  status: "open" | "closed";
  seq: number;
  live: boolean;
  seats: { delegations: SeatListing[]; chair?: { control: string; holders: string[] } };
}

export const api = {
  scenarios: () => call<PublicScenario[]>("/api/scenarios"),
  createGame: (body: Partial<CreateGame> & { scenario: string }) =>
    call<CreatedGame>("/api/games", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  game: (code: string) => call<GameInfo>(`/api/games/${encodeURIComponent(code.trim().toUpperCase())}`),
  publicExport: (code: string) => call<string>(`/api/games/${encodeURIComponent(code)}/export`),
  fullLog: (code: string, chairKey: string) => call<string>(`/api/games/${encodeURIComponent(code)}/log`, { headers: { authorization: `Bearer ${chairKey}` } }),
};
