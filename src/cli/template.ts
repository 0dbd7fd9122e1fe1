/** `stepmark template <rubric> -o <file.xlsx|file.ods>`: the sheet students fill in. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { TEMPLATE_FORMATS, templateWorkbook, type TemplateFormat } from '../report/template.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { checkOutputFile } from './output-paths.js';
import { compileChecked, readRubricText } from './rubric-file.js';

const isTemplateFormat = (text: string): text is TemplateFormat => (TEMPLATE_FORMATS as readonly string[]).includes(text);

export async function templateCommand(rubricPath: string, options: { output: string; force?: boolean }, io: Io): Promise<number> {
  const format = extname(options.output).slice(1).toLowerCase();
  if (!isTemplateFormat(format)) {
    throw new UsageError(`${options.output}: the template is written as ${TEMPLATE_FORMATS.map((f) => `.${f}`).join(' or ')}`);
  }
  if (existsSync(options.output) && !options.force) throw new UsageError(`${options.output} exists; pass --force to replace it`);
  await checkOutputFile(options.output, { what: 'the template', createFolder: false });
  const { loaded, graph } = compileChecked(await readRubricText(rubricPath, io), rubricPath);
  await writeAtomic(options.output, templateWorkbook(loaded.rubric, graph, { format }));
  io.stdout(`wrote ${options.output}: ${graph.steps.length} steps\n`);
  return EXIT.ok;
}
