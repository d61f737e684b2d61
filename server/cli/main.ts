import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { useNativeDigest } from "../node/nativeDigest.ts";
import { replay } from "./commands/replay.ts";
import { schema } from "./commands/schema.ts";
import { simulate } from "./commands/simulate.ts";
import { validate } from "./commands/validate.ts";
import { CliError, parseInteger, processIo, SCENARIO_DIR, type Io } from "./io.ts";
import { DEFAULT_DB, serve } from "../serve.ts";

function integer(name: string, min?: number) {
  return (value: string) => {
    try {
      return parseInteger(value, name, min);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

/** Runs the command line (DESIGN §6) and returns the exit code. `io` lets tests capture the output. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  useNativeDigest();
  let code = 0;
  const program = new Command()
    .name("plenipo")
    .description("Plenipo: ITU conferences decided by consensus or by one country, one vote.")
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.out(t), writeErr: (t) => io.err(t) })
    .showHelpAfterError();

  program
    .command("validate")
    .description("check scenario files; one line per problem: file: path.to.field: message")
    .argument("<files...>", "scenario JSON files")
    .action((files: string[]) => {
      code = validate(files, io);
    });

  program
    .command("simulate")
    .description("play all-bot games of a scenario (an id from scenarios/ or a file)")
    .argument("<scenario>", "scenario id or file")
    .addOption(new Option("--rule <rule>", "decision rule").choices(["consensus", "majority"]))
    .option("--seed <n>", "seed of the (first) game", integer("--seed"), 1)
    .option("--games <n>", "play seeds seed … seed+N−1 and print aggregates", integer("--games", 1), 1)
    .option("--out <path>", "write the log (a directory with --games)")
    .option("--json", "print JSON", false)
    .option("--transcript", "print every action and the bot's reason on stderr", false)
    .option("--verify", "with --games: replay every game's log and check it reaches the same final hash", false)
    .action((scenario: string, o) => {
      code = simulate(scenario, o, io);
    });

  program
    .command("replay")
    .description("rebuild a game from its log, verify its checkpoints and print its outcome")
    .argument("<log>", "a .jsonl log or public export")
    .option("--to <seq>", "stop after this seq", integer("--to", 0))
    .option("--json", "print JSON", false)
    .action((file: string, o) => {
      code = replay(file, o, io);
    });

  program
    .command("serve")
    .description("start the game server (what npm start runs)")
    .option("--port <n>", "port", integer("--port", 1), 2567)
    .option("--host <address>", "address to listen on (0.0.0.0: the whole classroom network)", "0.0.0.0")
    .option("--db <file>", "the game store (SQLite)", DEFAULT_DB)
    .option("--scenarios <dir>", "the folder of scenarios players choose from", SCENARIO_DIR)
    .option("--public-url <url>", "the address students type to join (default: this machine's network address)")
    .action(async (o: { port: number; host: string; db: string; scenarios: string; publicUrl?: string }) => {
      const running = await serve({ port: o.port, host: o.host, db: o.db, scenariosDir: o.scenarios, publicUrl: o.publicUrl });
      io.out(`Plenipo is running. Open ${running.urls[0]}\n`);
      io.out(`Students join at ${running.publicUrl} (the chair's console shows it, with the code and a QR code)\n`);
      if (running.urls.length > 2) io.out(`Other addresses of this machine: ${running.urls.slice(1).filter((u) => u !== running.publicUrl).join("  ")}\n`);
      if (!process.env.PLENIPO_MONITOR_PASSWORD) io.out("(Set PLENIPO_MONITOR_PASSWORD to enable the Colyseus monitor at /monitor.)\n");
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      code = await new Promise<number>(() => undefined);
    });

  program
    .command("schema")
    .description("print the JSON Schema of scenario files")
    .option("--protocol", "print the JSON Schemas of every client-server message instead, by name", false)
    .action((o: { protocol: boolean }) => {
      code = schema(io, o);
    });

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (error instanceof CliError) {
      io.err(`plenipo: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  return code;
}
