import { protocolJsonSchemas } from "../../../shared/protocol/jsonSchema.ts";
import { scenarioJsonSchema } from "../../../shared/scenario/jsonSchema.ts";
import type { Io } from "../io.ts";

/**
 * What `plenipo schema` prints, and docs/schema/ publishes (tests/protocol/published.test.ts holds the two
 * to each other): the JSON Schema of scenario files, or with `protocol` those of every protocol message.
 */
export function schemaText(options: { protocol?: boolean } = {}): string {
  return JSON.stringify(options.protocol ? protocolJsonSchemas() : scenarioJsonSchema(), null, 2) + "\n";
}

/** `plenipo schema [--protocol]`, generated from the zod schemas. */
export function schema(io: Io, options: { protocol?: boolean } = {}): number {
  io.out(schemaText(options));
  return 0;
}
