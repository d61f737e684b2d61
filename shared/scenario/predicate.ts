import * as z from "zod";

/**
 * Red lines, objectives and history checks are data, not code: a small predicate language evaluated over a
 * game's outcome (see docs/scenarios.md). A red line is something that must stay true; it is crossed when its
 * predicate is false. An objective earns its bonus when its predicate is true.
 */
export type Predicate =
  | { adopted: string }
  | { not_adopted: string }
  | { dimension: string; atMost?: number; atLeast?: number }
  | { noVote: string }
  | { byConsensus: string }
  | { signedAtLeast: number }
  | { signedAtMost: number }
  | { signed: string }
  | { kept: "pledges" }
  | { all: Predicate[] }
  | { any: Predicate[] }
  | { not: Predicate };

/** The keys that say what a predicate is about; every predicate has exactly one of them. */
export const PREDICATE_HEADS = [
  "adopted",
  "not_adopted",
  "dimension",
  "noVote",
  "byConsensus",
  "signedAtLeast",
  "signedAtMost",
  "signed",
  "kept",
  "all",
  "any",
  "not",
] as const;

const Ref = z.string().min(1);
const Count = z.number().int().min(0);
const Bound = z.number().min(-1, "a bound on a dimension lies in [-1, 1]").max(1, "a bound on a dimension lies in [-1, 1]");

// One object with optional keys plus a refinement, rather than a union of objects, so that a mistake is
// reported against the key that is wrong ("Unrecognized key: adoptd") instead of a bare "Invalid input".
export const PredicateSchema: z.ZodType<Predicate> = z.lazy(() =>
  z
    .strictObject({
      adopted: Ref.optional().describe("true when this proposal or amendment was adopted"),
      not_adopted: Ref.optional().describe("true when this proposal or amendment was not adopted"),
      dimension: Ref.optional().describe("a dimension id; give atMost and/or atLeast"),
      atMost: Bound.optional(),
      atLeast: Bound.optional(),
      noVote: Ref.optional().describe("true when no formal vote was held on any question of this agenda item"),
      byConsensus: Ref.optional().describe("true when this proposal or amendment was adopted by consensus"),
      signedAtLeast: Count.optional(),
      signedAtMost: Count.optional(),
      signed: Ref.optional().describe("true when this delegation signed the Final Acts"),
      kept: z.literal("pledges").optional().describe("true when the delegation judged broke none of its pledges"),
      all: z.array(PredicateSchema).min(1).optional(),
      any: z.array(PredicateSchema).min(1).optional(),
      not: PredicateSchema.optional(),
    })
    .superRefine((value, ctx) => {
      const heads = PREDICATE_HEADS.filter((key) => (value as Record<string, unknown>)[key] !== undefined);
      if (heads.length !== 1) {
        ctx.addIssue({
          code: "custom",
          message:
            heads.length === 0
              ? `a predicate needs one of: ${PREDICATE_HEADS.join(", ")}`
              : `a predicate has exactly one of ${heads.join(", ")}; combine them with "all" or "any"`,
        });
        return;
      }
      const hasBound = value.atMost !== undefined || value.atLeast !== undefined;
      if (heads[0] === "dimension" && !hasBound) {
        ctx.addIssue({ code: "custom", message: "a dimension predicate needs atMost or atLeast" });
      }
      if (heads[0] !== "dimension" && hasBound) {
        ctx.addIssue({ code: "custom", message: "atMost and atLeast belong with a dimension" });
      }
    })
    .describe("exactly one of: " + PREDICATE_HEADS.join(", ")),
) as unknown as z.ZodType<Predicate>;

/** Every id a predicate refers to, with the path below the predicate where it sits (for error messages). */
export function predicateRefs(
  p: Predicate,
  path: (string | number)[] = [],
): { kind: "target" | "dimension" | "item" | "delegation"; id: string; path: (string | number)[] }[] {
  const out: ReturnType<typeof predicateRefs> = [];
  if ("adopted" in p) out.push({ kind: "target", id: p.adopted, path: [...path, "adopted"] });
  else if ("not_adopted" in p) out.push({ kind: "target", id: p.not_adopted, path: [...path, "not_adopted"] });
  else if ("byConsensus" in p) out.push({ kind: "target", id: p.byConsensus, path: [...path, "byConsensus"] });
  else if ("dimension" in p) out.push({ kind: "dimension", id: p.dimension, path: [...path, "dimension"] });
  else if ("noVote" in p) out.push({ kind: "item", id: p.noVote, path: [...path, "noVote"] });
  else if ("signed" in p) out.push({ kind: "delegation", id: p.signed, path: [...path, "signed"] });
  else if ("all" in p) p.all.forEach((q, i) => out.push(...predicateRefs(q, [...path, "all", i])));
  else if ("any" in p) p.any.forEach((q, i) => out.push(...predicateRefs(q, [...path, "any", i])));
  else if ("not" in p) out.push(...predicateRefs(p.not, [...path, "not"]));
  return out;
}
