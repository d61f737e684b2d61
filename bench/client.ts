/**
 * `npm run bench:client`: the browser client's figures (issue 4), printed, never asserted.
 *  1. Bundle size, raw and gzip, and our own code without Phaser.
 *  2. Navigation → first playable hall (hall drawn, this seat's buttons on the page), as a ratio to a page that
 *     only boots the same Phaser build with an empty scene, in the same run, same browser.
 *  3. 95th-percentile frame time while all 193 seats of a generated scenario light up during a vote (the
 *     replay viewer steps one ballot per frame), as a ratio to the idle hall, in software rendering.
 * The server is the real one (`plenipo serve`), on a free loopback port, stopped at the end.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { formatLog, isCheckpoint, type LogEntry } from "../shared/log/format.ts";
import { runGame } from "../shared/sim/runGame.ts";
import { buildClient } from "../build.ts";
import { launch } from "../tests/e2e/browser.ts";
import { generatedScenario } from "./generated.ts";
import { median, percentile, ratio } from "./measure.ts";
import { freePort } from "../server/node/freePort.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;


async function bundleSizes() {
  const sizes = await buildClient({ quiet: true });
  const js = sizes.filter((x) => x.file.startsWith("dist/client/") && x.file.endsWith(".js"));
  const app = js.find((x) => x.file === "dist/client/app.js");
  const sum = (xs: typeof js, k: "raw" | "gzip") => xs.reduce((a, x) => a + x[k], 0);
  const own = await build({ entryPoints: ["client/main.ts"], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2020", write: false, logLevel: "silent", external: ["phaser"], outdir: "out" });
  const ownJs = (own.outputFiles ?? []).filter((f) => f.path.endsWith(".js")).reduce((all, f) => Buffer.concat([all, f.contents]), Buffer.alloc(0));
  const phaser = await build({ entryPoints: ["phaser"], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2020", write: false, logLevel: "silent" });
  const pj = phaser.outputFiles?.[0]?.contents ?? new Uint8Array();
  console.log("Bundle (dist/client, minified)");
  console.log(`  whole client      ${kb(sum(js, "raw"))} raw, ${kb(sum(js, "gzip"))} gzip, of which`);
  console.log(`    app.js          ${kb(app?.raw ?? 0)} raw, ${kb(app?.gzip ?? 0)} gzip (every screen loads it)`);
  for (const c of js.filter((x) => x !== app)) console.log(`    ${c.file.replace("dist/client/", "")} ${kb(c.raw)} raw, ${kb(c.gzip)} gzip ${c.file.includes("HallScene") ? "(Phaser and the hall: loaded by game and replay pages)" : "(shared by app.js and the hall)"}`);
  console.log(`  Phaser alone      ${kb(pj.length)} raw, ${kb(gzipSync(pj).length)} gzip`);
  console.log(`  our own code      ${kb(ownJs.length)} raw, ${kb(gzipSync(ownJs).length)} gzip (engine, zod, SDK, panels; Phaser external)   goal < 150 KB gzip`);
}

async function startServer(scenariosDir: string) {
  const port = await freePort();
  const db = join(mkdtempSync(join(tmpdir(), "plenipo-bench-client-")), "games.db");
  const child = spawn(process.execPath, ["bin/plenipo.mjs", "serve", "--port", String(port), "--host", "127.0.0.1", "--db", db, "--scenarios", scenariosDir], { stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, PLENIPO_LOG_LEVEL: "warn" } });
  process.on("exit", () => child.kill());
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => d.toString().includes("Plenipo is running") && resolve());
    child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function firstPlayable(browser: Browser, base: string) {
  const empty = await build({ entryPoints: ["bench/client/emptyPhaser.ts"], bundle: true, minify: true, format: "esm", platform: "browser", target: "es2020", write: false, logLevel: "silent" });
  const emptyJs = empty.outputFiles?.[0]?.text ?? "";
  const emptyHtml = `<!doctype html><html><head><meta charset="utf-8"><title>empty</title></head><body style="margin:0"><div id="hall" style="width:735px;height:650px"></div><script type="module" src="/bench-empty.js"></script></body></html>`;
  // The client counts as playable when the hall scene is up and this seat's buttons are on the page.
  // (A string, not a function: tsx's transform would wrap a function's inner names in a helper the page lacks.)
  const watch = `(() => {
    const tick = () => {
      if (window.__ready) return;
      if (window.plenipo?.screen?.hall && document.querySelector(".actions button")) window.__ready = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })();`;
  const once = async (url: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(`${base}/bench-empty.html`, (r) => r.fulfill({ contentType: "text/html", body: emptyHtml }));
    await context.route(`${base}/bench-empty.js`, (r) => r.fulfill({ contentType: "text/javascript", body: emptyJs }));
    await context.addInitScript(watch);
    const page = await context.newPage();
    await page.goto(url);
    try {
      await page.waitForFunction(() => (window as unknown as { __ready?: number }).__ready, null, { timeout: 30_000, polling: 50 });
    } catch (error) {
      await page.screenshot({ path: join(tmpdir(), "plenipo-bench-timeout.png") });
      throw error;
    }
    const t = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
    await context.close();
    return t;
  };
  const client: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const game = (await (await fetch(`${base}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "classroom-quick", rule: "consensus", pace: "classroom" }) })).json()) as { code: string };
    const c = await once(`${base}/#/game/${game.code}?seat=GHA&name=Bench`);
    const b = await once(`${base}/bench-empty.html`);
    if (i > 0) (client.push(c), baseline.push(b)); // the first pair warms the server and the disk cache
  }
  const c = median(client);
  const b = median(baseline);
  console.log(`\nNavigation → first playable hall (classroom-quick, solo seat, median of ${RUNS}, fresh browser context each)`);
  console.log(`  client            ${c.toFixed(0)} ms`);
  console.log(`  empty Phaser page ${b.toFixed(0)} ms`);
  console.log(`  ratio             ${ratio(c / b)}   goal ≤ 1.5`);
}

async function frames(browser: Browser, base: string) {
  // A generated 193-delegation game with every vote by show of hands, so each ballot lights a seat.
  const scenario = generatedScenario(193, 2);
  const { log } = runGame(scenario, { rule: "majority", seed: 3 });
  const entries = log.lines.filter((l): l is LogEntry => !isCheckpoint(l));
  const call = entries.find((e) => e.action.type === "call_vote");
  const close = entries.find((e) => call && e.seq > call.seq && e.action.type === "close_vote");
  if (!call || !close) throw new Error("the generated game has no vote");
  const votes = entries.filter((e) => e.seq > call.seq && e.seq < close.seq && e.action.type === "vote").length;
  const file = join(mkdtempSync(join(tmpdir(), "plenipo-bench-frames-")), "generated-193.jsonl");
  writeFileSync(file, formatLog(log));

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with a helper; the functions this file evaluates in the page need it there too.
  await context.addInitScript("window.__name = (f) => f;");
  const page = await context.newPage();
  await page.goto(`${base}/#/replay`);
  await page.locator("#replay-file").setInputFiles(file);
  await page.locator("#replay-verified").waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window as unknown as { plenipo?: { show?: unknown } }).plenipo?.show);
  const measure = (from: number, to: number | null, ms: number) =>
    page.evaluate(
      ([from, to, ms]) =>
        new Promise<number[]>((resolve) => {
          const show = (window as unknown as { plenipo: { show: (s: number) => void } }).plenipo.show;
          show(from);
          let at = from;
          const dts: number[] = [];
          let last = 0;
          const started = performance.now();
          const frame = (t: number) => {
            if (last) dts.push(t - last);
            last = t;
            if (to !== null) {
              if (at >= to) return resolve(dts);
              show(++at); // one more ballot in the hall, this frame
            } else if (t - started > ms) return resolve(dts);
            requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
      [from, to, ms] as const,
    );
  const idle: number[] = [];
  const busy: number[] = [];
  for (let i = 0; i < 3; i++) {
    idle.push(...(await measure(call.seq, null, 2500)));
    busy.push(...(await measure(call.seq, close.seq - 1, 0)));
  }
  await page.screenshot({ path: join(file, "..", "hall-193.png") });
  await context.close();
  const pi = percentile(idle, 95);
  const pb = percentile(busy, 95);
  console.log(`\nFrame time, 193 seats (generated scenario, ${votes} ballots lit one per frame, 3 passes; software rendering)`);
  console.log(`  idle hall         p95 ${pi.toFixed(1)} ms (median ${median(idle).toFixed(1)} ms, ${idle.length} frames)`);
  console.log(`  seats lighting up p95 ${pb.toFixed(1)} ms (median ${median(busy).toFixed(1)} ms, ${busy.length} frames)`);
  console.log(`  ratio             ${ratio(pb / pi)}   goal ≤ 1.5`);
}

await bundleSizes();
const scenarios = mkdtempSync(join(tmpdir(), "plenipo-bench-scenarios-"));
copyFileSync("scenarios/classroom-quick.json", join(scenarios, "classroom-quick.json"));
const server = await startServer(scenarios);
const browser = await launch();
try {
  await firstPlayable(browser, server.base);
  await frames(browser, server.base);
} finally {
  await browser.close();
  server.stop();
}
