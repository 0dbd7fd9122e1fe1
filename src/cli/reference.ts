/** `stepmark reference <rubric>`: every step's exact value. */
import { evaluateGraph } from '../engine/evaluate.js';
import { sayWith, titleIn, type Language } from '../i18n/index.js';
import type { Convention } from '../rubric/schema.js';
import { EXIT, type Io } from './io.js';
import { referenceCsv, referenceJson, referenceTable, type ReferenceFormat } from './reference-format.js';
import { compileChecked, readRubricText } from './rubric-file.js';
import { commandVoice } from './voice.js';

export interface ReferenceOptions {
  readonly format: ReferenceFormat;
  readonly convention?: Convention;
  readonly lang?: Language;
}

export async function referenceCommand(rubricPath: string, options: ReferenceOptions, io: Io): Promise<number> {
  const text = await readRubricText(rubricPath, io);
  const { graph, loaded } = compileChecked(text, rubricPath, options.convention ? { convention: options.convention } : {});
  const voice = commandVoice(io, loaded.rubric, options.lang);
  const say = sayWith(voice);
  const values = evaluateGraph(graph);
  switch (options.format) {
    case 'json':
      io.stdout(referenceJson(graph, values));
      break;
    case 'csv':
      io.stdout(referenceCsv(graph, values, say));
      break;
    case 'table':
      io.stdout(referenceTable(graph, values, io.isTTY, say, titleIn(loaded.rubric, voice.language)));
      break;
  }
  return EXIT.ok;
}
