/** `stepmark grade <rubric> <files or folders...> [--json out.json]`. */
import { resolve } from 'node:path';
import type { GradeReport, GradeResult } from '../grade/result.js';
import { msg, sayWith, type Language } from '../i18n/index.js';
import { localizeResult } from '../report/localize.js';
import { summaryLine } from '../report/terminal.js';
import { collectSpreadsheets, noSpreadsheets, writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { CLI_MESSAGES } from './messages.js';
import { checkOutputFile } from './output-paths.js';
import { gradeFiles } from './read-pool.js';
import { loadGradingSetup } from './variant-grader.js';
import { commandVoice } from './voice.js';

export async function gradeCommand(rubricPath: string, inputs: readonly string[], options: { json?: string; variants?: string; lang?: Language }, io: Io): Promise<number> {
  const setup = await loadGradingSetup(rubricPath, options.variants, io, { lang: options.lang });
  const say = sayWith(commandVoice(io, setup.reference.rubric, options.lang));
  const { files, skipped } = await collectSpreadsheets(inputs);
  if (files.length === 0) throw noSpreadsheets(inputs);
  if (options.json !== undefined) {
    const target = resolve(options.json);
    if (files.some((file) => typeof file === 'string' && resolve(file) === target)) throw new UsageError(CLI_MESSAGES.overwritesSubmission(options.json));
    await checkOutputFile(options.json, { what: 'json', createFolder: false });
  }
  // Printed in the order of the files, whichever worker finishes first.
  const results: (GradeResult | undefined)[] = files.map(() => undefined);
  let printed = 0;
  await gradeFiles(setup, files, (i, result) => {
    results[i] = localizeResult(result, say);
    for (; printed < results.length && results[printed] !== undefined; printed++) io.stdout(`${summaryLine(results[printed]!, say)}\n`);
  });
  const graded = results.map((result) => result!);
  if (options.json !== undefined) {
    const report: GradeReport = { rubric: setup.reference.rubric.id, results: graded };
    await writeAtomic(options.json, `${JSON.stringify(report, null, 2)}\n`);
  }
  const failed = graded.filter((r) => r.error !== null).length;
  io.stdout(`${say(msg('cli.graded', { graded: graded.length - failed, files: graded.length, failed, skipped: CLI_MESSAGES.skipped(skipped) }))}\n`);
  return failed > 0 ? EXIT.someFilesFailed : EXIT.ok;
}
