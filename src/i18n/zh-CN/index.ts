/** 中文目录：与英文目录逐键对应，参数相同。 */
import { cli } from './cli.js';
import { engine } from './engine.js';
import { grade } from './grade.js';
import { ingest } from './ingest.js';
import { report } from './report.js';
import { rubric } from './rubric.js';
import { template } from './template.js';
import { variants } from './variants.js';

export { terms } from './terms.js';
export const zhCN = { ...grade, ...engine, ...ingest, ...report, ...cli, ...rubric, ...template, ...variants };
