import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson, canonicalPartsOfImmutable } from "./canonical.ts";

/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256Hex = (text: string) => string;
/**
 * SHA-256 of the concatenation of some texts, as lower-case hex, without joining them: a large text whose
 * pieces are already in memory (a state's cached sub-trees) is hashed where it lies. Each piece must be whole
 * UTF-16 (never half of a surrogate pair), as every piece of canonical JSON is.
 */
export type Sha256OfParts = (parts: readonly string[]) => string;

const portableParts: Sha256OfParts = (parts) => {
  const h = nobleSha256.create();
  for (const part of parts) h.update(utf8ToBytes(part));
  return bytesToHex(h.digest());
};

let hex: Sha256Hex = (text) => bytesToHex(nobleSha256(utf8ToBytes(text)));
let hexOfParts: Sha256OfParts = portableParts;

/**
 * Lets a host swap in a faster SHA-256 (Node's native one is ~15× faster than the portable one the browser
 * uses). The digest is the same bytes either way: tests/util/digest.test.ts checks that both agree. Without
 * `parts`, pieces are joined and hashed with `impl`.
 */
export function useSha256(impl: Sha256Hex, parts?: Sha256OfParts): void {
  hex = impl;
  hexOfParts = parts ?? ((ps) => impl(ps.join("")));
}

/** SHA-256 of a UTF-8 string, as lower-case hex, with the host's implementation. */
export function sha256Hex(text: string): string {
  return hex(text);
}

/** "sha256:" + hex of the canonical JSON of a value: the one hash used for scenarios and game states. */
export function digest(value: unknown): string {
  return "sha256:" + hex(canonicalJson(value));
}

const immutableText = new WeakMap<object, string>();

/**
 * digest() of a value that is never mutated afterwards (a game state), reusing the encoding of shared parts;
 * the outer object's own text is never built, its pieces go to the hash as they are.
 */
export function digestImmutable(value: object): string {
  return "sha256:" + hexOfParts(canonicalPartsOfImmutable(value, immutableText));
}

/** The portable implementation, for tests that compare it with a host's. */
export function portableSha256(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)));
}

/** The portable implementation over pieces, for tests that compare it with a host's. */
export const portableSha256OfParts: Sha256OfParts = portableParts;
