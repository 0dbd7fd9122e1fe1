/** `stepmark template <rubric> -o <file.xlsx|file.ods>`: the sheet students fill in. */
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { msg, sayWith, type Language } from '../i18n/index.js';
import { TEMPLATE_FORMATS, templateWorkbook, type TemplateFormat } from '../report/template.js';
import { writeAtomic } from './files.js';
import { EXIT, UsageError, type Io } from './io.js';
import { checkOutputFile } from './output-paths.js';
import { compileChecked, readRubricText } from './rubric-file.js';
import { commandVoice } from './voice.js';

const isTemplateFormat = (text: string): text is TemplateFormat => (TEMPLATE_FORMATS as readonly string[]).includes(text);

export async function templateCommand(rubricPath: string, options: { output: string; force?: boolean; lang?: Language }, io: Io): Promise<number> {
  const path = options.output;
  const format = extname(path).slice(1).toLowerCase();
  if (!isTemplateFormat(format)) throw new UsageError(msg('cli.templateFormat', { path, formats: TEMPLATE_FORMATS.map((f) => `.${f}`) }));
  if (existsSync(path) && !options.force) throw new UsageError(msg('cli.templateExists', { path }));
  await checkOutputFile(path, { what: 'template', createFolder: false });
  const { loaded, graph } = compileChecked(await readRubricText(rubricPath, io), rubricPath);
  const voice = commandVoice(io, loaded.rubric, options.lang);
  await writeAtomic(path, templateWorkbook(loaded.rubric, graph, { format, voice }));
  io.stdout(`${sayWith(voice)(msg('cli.wroteTemplate', { path, steps: graph.steps.length }))}\n`);
  return EXIT.ok;
}
