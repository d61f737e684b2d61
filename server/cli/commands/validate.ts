import { loadScenarioFile, type Io } from "../io.ts";

/**
 * `plenipo validate <file…>`: exit 0 when every scenario is valid; otherwise exit 1 with one line per problem
 * on stdout, `file: path.to.field: message` (DESIGN §6), the first 50 of a file's problems and then
 * `file: … and N more problems` (docs/cli.md). Confirmations go to stderr, so stdout stays a clean list of
 * problems.
 */
export function validate(files: string[], io: Io): number {
  let problems = 0;
  for (const file of files) {
    const result = loadScenarioFile(file);
    if (result.ok) {
      const s = result.scenario;
      io.err(`${file}: ok (${s.id}: ${s.delegations.length} delegations, ${s.proposals.length} proposals, ${s.agenda.length} agenda items)\n`);
      continue;
    }
    for (const issue of result.issues) {
      problems += 1;
      io.out(`${file}: ${issue.path || "(root)"}: ${issue.message}\n`);
    }
    if (result.more) {
      problems += result.more;
      io.out(`${file}: … and ${result.more} more problem${result.more === 1 ? "" : "s"}\n`);
    }
  }
  return problems === 0 ? 0 : 1;
}
