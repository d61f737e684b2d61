import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serve } from "../../server/serve.ts";
import { freePort } from "../../server/node/freePort.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * One real server for the browser tests, started the way `npm start` starts it (it builds the client it
 * serves), on a free loopback port with a throwaway store. It lives in the test process, so it stops with it.
 */
export default async function setup(project: TestProject) {
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), "plenipo-e2e-")), "games.db");
  const running = await serve({ port, host: "127.0.0.1", db, quiet: true });
  project.provide("baseUrl", `http://127.0.0.1:${port}`);
  return async () => {
    await running.close();
  };
}
