import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { canonicalJson, canonicalJsonOfImmutable } from "./canonical.ts";

/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256Hex = (text: string) => string;

let sha256Hex: Sha256Hex = (text) => bytesToHex(nobleSha256(utf8ToBytes(text)));

/**
 * Lets a host swap in a faster SHA-256 (Node's native one is ~15× faster than the portable one the browser
 * uses). The digest is the same bytes either way: tests/util/digest.test.ts checks that both agree.
 */
export function useSha256(impl: Sha256Hex): void {
  sha256Hex = impl;
}

/** "sha256:" + hex of the canonical JSON of a value: the one hash used for scenarios and game states. */
export function digest(value: unknown): string {
  return "sha256:" + sha256Hex(canonicalJson(value));
}

const immutableText = new WeakMap<object, string>();

/** digest() of a value that is never mutated afterwards (a game state), reusing the encoding of shared parts. */
export function digestImmutable(value: object): string {
  return "sha256:" + sha256Hex(canonicalJsonOfImmutable(value, immutableText));
}

/** The portable implementation, for tests that compare it with a host's. */
export function portableSha256(text: string): string {
  return bytesToHex(nobleSha256(utf8ToBytes(text)));
}
