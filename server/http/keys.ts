import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/** No 0/O, 1/I/L: a code read aloud in a classroom and typed by a student must survive both. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A six-character join code. */
export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The chair key: a secret the teacher keeps; the server stores only its hash. */
export function newChairKey(): string {
  let key = "";
  for (let i = 0; i < 24; i++) key += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return key;
}

export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function keyMatches(key: string | undefined, hash: string): boolean {
  if (!key) return false;
  const a = Buffer.from(hashKey(key), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
