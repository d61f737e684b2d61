import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/util/canonical.ts";
import { digest, portableSha256, useSha256 } from "../../shared/util/digest.ts";
import { useNativeDigest } from "../../server/node/nativeDigest.ts";
import { createHash } from "node:crypto";

describe("canonical JSON and the digest", () => {
  it("sorts keys and parses back to the same value", () => {
    expect(canonicalJson({ b: 1, a: [2, { d: null, c: "x" }] })).toBe('{"a":[2,{"c":"x","d":null}],"b":1}');
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it("the portable SHA-256 the browser uses and Node's native one agree", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        expect(portableSha256(text)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
      }),
    );
    useNativeDigest();
    const native = digest({ a: "→ é" });
    useSha256(portableSha256);
    expect(digest({ a: "→ é" })).toBe(native);
  });
});
