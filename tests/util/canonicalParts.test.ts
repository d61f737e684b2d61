import fc from "fast-check";
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { hash } from "../../shared/engine/hash.ts";
import { replay } from "../../shared/log/replay.ts";
import { runGame } from "../../shared/sim/runGame.ts";
import { canonicalJson, canonicalPartsOfImmutable } from "../../shared/util/canonical.ts";
import { digest, digestImmutable, portableSha256, portableSha256OfParts, useSha256 } from "../../shared/util/digest.ts";
import { useNativeDigest } from "../../server/node/nativeDigest.ts";
import { fixtureScenario } from "../fixtures/build.ts";

/**
 * A state's hash is computed from pieces of its canonical JSON, never joined (issue 12): the pieces must add
 * up to exactly the canonical text, and both SHA-256 implementations must hash the pieces as they would the
 * whole, so that no checkpoint in any log changes.
 */

const objects = fc.oneof(fc.dictionary(fc.string({ unit: "grapheme" }), fc.jsonValue()), fc.array(fc.jsonValue()));
// Large children too: those are the pieces handed over without a copy.
const big = fc.record({ a: fc.array(fc.string({ minLength: 50, maxLength: 200, unit: "grapheme" }), { minLength: 10, maxLength: 40 }), b: fc.jsonValue(), "→": fc.string({ unit: "grapheme" }) });

afterAll(() => useNativeDigest());

describe("canonical JSON in pieces", () => {
  it("the pieces join to the canonical text, each piece whole", () => {
    fc.assert(
      fc.property(fc.oneof(objects, big), (v) => {
        const parts = canonicalPartsOfImmutable(v, new WeakMap());
        expect(parts.join("")).toBe(canonicalJson(v));
        // No piece begins or ends inside a surrogate pair: each is whole UTF-16, encoded alone as in the whole.
        for (const p of parts) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(p)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("digestImmutable equals digest, hashed in pieces by Node's SHA-256 and by the portable one", () => {
    fc.assert(
      fc.property(fc.oneof(objects, big), (v) => {
        const parts = canonicalPartsOfImmutable(v, new WeakMap());
        const whole = createHash("sha256").update(canonicalJson(v), "utf8").digest("hex");
        expect(portableSha256OfParts(parts)).toBe(whole);
        useNativeDigest();
        expect(digestImmutable(v)).toBe(digest(v));
        useSha256(portableSha256);
        expect(digestImmutable(v)).toBe("sha256:" + whole);
      }),
      { numRuns: 200 },
    );
  });

  it("a game's state hashes the same in pieces as its whole canonical text, seq after seq", () => {
    useNativeDigest();
    const game = runGame(fixtureScenario("classroom-quick"), { rule: "majority", seed: 4 });
    let n = 0;
    const r = replay(game.log, {
      onEntry: (_e, _b, after) => {
        if (after.seq % 7 !== 0) return;
        const { scenario: _s, ...rest } = after;
        expect(hash(after)).toBe(digest(rest));
        n += 1;
      },
    });
    expect(r.ok).toBe(true);
    expect(n).toBeGreaterThan(10);
  });
});
