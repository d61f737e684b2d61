import { buildClient } from "../../build.ts";

/**
 * The browser tests' one shared step: the client they load, built as `npm start` builds it. Each test file
 * then starts a fresh server of its own (browser.ts, useBrowser).
 */
export default async function setup() {
  await buildClient({ quiet: true });
}
