import { createHash } from "node:crypto";
import { useSha256 } from "../../shared/util/digest.ts";

/** Node hosts (the CLI, the server, tests) hash with Node's native SHA-256; the result is identical. */
export function useNativeDigest(): void {
  useSha256(
    (text) => createHash("sha256").update(text, "utf8").digest("hex"),
    (parts) => {
      const h = createHash("sha256");
      for (const part of parts) h.update(part, "utf8");
      return h.digest("hex");
    },
  );
}
