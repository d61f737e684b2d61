import * as z from "zod";
import { ScenarioShape } from "./schema.ts";

/**
 * The JSON Schema of scenario files, for editors and for `plenipo schema`. Its own module: the JSON Schema
 * generator is large, and the browser, which only validates, never loads it.
 */
export function scenarioJsonSchema(): object {
  return z.toJSONSchema(ScenarioShape, { io: "input", unrepresentable: "any" });
}
