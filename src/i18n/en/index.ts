/** The English catalog: the reference every other language translates, key for key. */
import { cli } from './cli.js';
import { engine } from './engine.js';
import { grade } from './grade.js';
import { ingest } from './ingest.js';
import { report } from './report.js';

export { terms } from './terms.js';
export const en = { ...grade, ...engine, ...ingest, ...report, ...cli };
export const areas = { grade, engine, ingest, report, cli };
