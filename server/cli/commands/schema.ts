import { scenarioJsonSchema } from "../../../shared/scenario/jsonSchema.ts";
import type { Io } from "../io.ts";

/** `plenipo schema`: the JSON Schema of scenario files, generated from the zod schema. */
export function schema(io: Io): number {
  io.out(JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
  return 0;
}
