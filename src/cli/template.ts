/** `stepmark template <rubric> -o <file.xlsx>`: the sheet students fill in. */
import { existsSync } from 'node:fs';
import { compileRubric } from '../engine/compile.js';
import { templateWorkbook } from '../report/template.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { readRubricText } from './rubric-file.js';

export async function templateCommand(rubricPath: string, options: { output: string; force?: boolean }, io: Io): Promise<number> {
  if (!options.output.toLowerCase().endsWith('.xlsx')) throw new UsageError(`${options.output}: the template is written as .xlsx`);
  if (existsSync(options.output) && !options.force) throw new UsageError(`${options.output} exists; pass --force to replace it`);
  const { loaded, graph } = compileRubric(await readRubricText(rubricPath, io), rubricPath);
  await writeAtomic(options.output, templateWorkbook(graph, loaded.rubric.grading.decimals));
  io.stdout(`wrote ${options.output}: ${graph.steps.length} steps\n`);
  return EXIT.ok;
}
