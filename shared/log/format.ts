import * as z from "zod";
import { RuleSchema } from "../scenario/schema.ts";
import { isPlainCheckpoint, isPlainEntry } from "./lines.ts";

/** DESIGN §5: the .jsonl log. Line 1 is the header; then entries, with checkpoints every 100 and at the end. */
export const LOG_FORMAT = "plenipo-log/1";
export const CHECKPOINT_EVERY = 100;

export const HeaderSchema = z.object({
  format: z.literal(LOG_FORMAT, { error: `not a Plenipo log (line 1 must say "format": "${LOG_FORMAT}")` }),
  engine: z.string().regex(/^\d+\.\d+\.\d+/),
  scenario: z.unknown(),
  scenarioHash: z.string().startsWith("sha256:"),
  rule: RuleSchema,
  seed: z.number().int(),
  seats: z.record(z.string(), z.string()),
  createdAt: z.string(),
  /** A public export (DESIGN §5): secret choices and offer contents are null; no checkpoints. */
  public: z.literal(true).optional(),
  /**
   * A public export whose `scenario` is the public scenario only (no delegation's stance, weights, red lines,
   * objectives, briefing or personality): the cards stay their delegations' own (docs/log-format.md).
   */
  scenarioPublic: z.literal(true).optional(),
});
export type LogHeader = z.infer<typeof HeaderSchema>;

export const EntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  /** null only in a public record, for an answer to an offer (engine/redacted.ts). */
  by: z.string().min(1).nullable(),
  action: z.record(z.string(), z.unknown()),
  at: z.number(),
  why: z.string().nullable().optional(),
  /** A bot's reason as the public record gives it, when `why` names an offer or a pledge (full logs only). */
  whyPublic: z.string().optional(),
});
export type LogEntry = Omit<z.infer<typeof EntrySchema>, "action"> & { action: Record<string, unknown> };

export const CheckpointSchema = z.strictObject({
  checkpoint: z.number().int().min(1),
  hash: z.string().startsWith("sha256:"),
});
export type Checkpoint = z.infer<typeof CheckpointSchema>;

export type LogLine = LogEntry | Checkpoint;

export interface GameLog {
  header: LogHeader;
  lines: LogLine[];
}

export function isCheckpoint(line: LogLine): line is Checkpoint {
  return "checkpoint" in line;
}

/** Serializes a log as .jsonl text, one line per header, entry and checkpoint. */
export function formatLog(log: GameLog): string {
  return [log.header, ...log.lines].map((l) => JSON.stringify(l)).join("\n") + "\n";
}

export type ParseResult = { ok: true; log: GameLog } | { ok: false; line: number; message: string };

/**
 * Parses .jsonl text. Errors name the line (1-based) and what is wrong with it. An entry's action is checked
 * to be an object here, and against the action schema of the log's mode when it is replayed (fold.ts), which
 * names its seq and the field.
 */
export function parseLog(text: string): ParseResult {
  // A byte-order mark (an editor's) is not part of the log, as it is not part of a scenario file.
  const rows = text.replace(/^\uFEFF/, "").split("\n");
  if (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
  if (rows.length === 0) return { ok: false, line: 1, message: "the log is empty" };
  const lines: LogLine[] = [];
  let header: LogHeader | undefined;
  for (let i = 0; i < rows.length; i++) {
    let json: unknown;
    try {
      json = JSON.parse(rows[i] as string);
    } catch (error) {
      return { ok: false, line: i + 1, message: `not valid JSON: ${(error as Error).message}` };
    }
    if (i === 0) {
      const h = HeaderSchema.safeParse(json);
      if (!h.success) return { ok: false, line: 1, message: issueText(h.error) };
      header = h.data;
      continue;
    }
    const isCp = typeof json === "object" && json !== null && "checkpoint" in json;
    // The common line is checked by hand, as the schema would (lines.ts); zod sees only the others, for its
    // verdict and its message. The action is left to the replay, whose schema is its mode's: so each line
    // goes through zod once, not twice.
    if (isCp ? isPlainCheckpoint(json) : isPlainEntry(json)) {
      lines.push(json as LogLine);
      continue;
    }
    const parsed = isCp ? CheckpointSchema.safeParse(json) : EntrySchema.safeParse(json);
    if (!parsed.success) return { ok: false, line: i + 1, message: issueText(parsed.error) };
    lines.push(parsed.data as LogLine);
  }
  return header ? { ok: true, log: { header, lines } } : { ok: false, line: 1, message: "no header" };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  return issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}
