/** The English catalog: the reference every other language translates, key for key. */
import { cli } from './cli.js';
import { engine } from './engine.js';
import { grade } from './grade.js';
import { ingest } from './ingest.js';
import { report } from './report.js';
import { rubric } from './rubric.js';
import { template } from './template.js';
import { variants } from './variants.js';

export { terms } from './terms.js';
export const en = { ...grade, ...engine, ...ingest, ...report, ...cli, ...rubric, ...template, ...variants };
export const areas = { grade, engine, ingest, report, cli, rubric, template, variants };
