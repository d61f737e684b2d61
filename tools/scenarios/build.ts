/**
 * `npm run scenarios`: writes the full-scale scenarios (busan-2014, dubai-2012) from their sources in this
 * folder. The JSON files are what the game reads and what people share; these sources keep 193 members
 * readable. tests/scenarios checks that the files are up to date.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { busan2014 } from "./busan-2014.ts";
import { dubai2012 } from "./dubai-2012.ts";

export const GENERATED = { "busan-2014": busan2014, "dubai-2012": dubai2012 } as const;

export function render(build: () => unknown): string {
  return JSON.stringify(build(), null, 1) + "\n";
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scenarios");
  for (const [id, build] of Object.entries(GENERATED)) {
    writeFileSync(join(dir, `${id}.json`), render(build));
    console.log(`scenarios/${id}.json`);
  }
}
