/**
 * Seeded randomness. The game's stream lives in the state as four uint32 words (sfc32), so a JSON round trip
 * keeps it; bots get their own stream seeded from (seed, seat, seq) and never touch the game's.
 */
export type RngState = [number, number, number, number];

/** 32-bit FNV-1a over UTF-16 code units: a stable way to turn a seat id into seed material. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Seeds a stream from any number of integers (a game seed, a hashed seat id, a seq…). */
export function seedRng(...parts: number[]): RngState {
  let mixed = 0x6a09e667;
  for (const part of parts) mixed = Math.imul(mixed ^ (part >>> 0), 0x9e3779b1) >>> 0 ^ hashString(String(part));
  const next = splitmix32(mixed);
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  // sfc32 needs a few rounds before its output is well mixed: the same steps as sfc32(), without allocating.
  for (let i = 0; i < 12; i++) {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = (b ^ (b >>> 9)) >>> 0;
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
  }
  return [a, b, c, d];
}

/** One sfc32 step: returns a uint32 and the next state, without mutating the input. */
export function sfc32(state: RngState): [number, RngState] {
  let [a, b, c, d] = state;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  return [t, [a >>> 0, b >>> 0, c, d]];
}

/** An integer in [0, n) drawn from `state`, with the state to continue from. */
export function drawInt(state: RngState, n: number): [number, RngState] {
  const [value, next] = sfc32(state);
  return [Math.floor((value / 4294967296) * n), next];
}

/** A mutable stream for bots, which draw several numbers inside one decision. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

export function makeRng(seedState: RngState | (() => RngState)): Rng {
  // A seed may come as a function, so that a stream nobody draws from costs nothing to set up.
  let state: RngState | null = typeof seedState === "function" ? null : seedState;
  const seedOf = seedState;
  const next = () => {
    const [value, after] = sfc32(state ?? (typeof seedOf === "function" ? seedOf() : seedOf));
    state = after;
    return value / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}
