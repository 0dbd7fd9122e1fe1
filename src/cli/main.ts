/** The command line: parses argv, runs a command, prints problems, returns the exit code. */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { LANGUAGES, sayWith, msg, parseLanguage, type Language, type MessageKey, type Say } from '../i18n/index.js';
import type { ParamsOf } from '../i18n/message.js';
import { isRubricError, rubricErrorText } from '../rubric/problems.js';
import { CONVENTIONS } from '../rubric/conventions.js';
import type { Convention } from '../rubric/schema.js';
import { endQuietlyOnClosedPipe, EXIT, isUsageError, processIo, type Io } from './io.js';
import { REFERENCE_FORMATS, type ReferenceFormat } from './choices.js';
import { commanderError, optionDescription } from './commander-words.js';
import { failureLanguage, forgetRubric } from './voice.js';
import { helpByDisplayWidth } from './help-width.js';
// Each command's module is imported when it runs: `check` starts its worker before anything heavy loads.
import type { VariantsOptions } from './variants.js';
import type { TemplateRosterOptions } from './template-roster.js';
import { LANGS, type Lang } from '../web/words.js';

/** Options described in the language spoken (commander's own description in English). */
const describeOptions = (say: Say) => {
  const describe = optionDescription(say);
  return describe === undefined ? {} : { optionDescription: describe };
};

interface GradeOptions {
  lang?: Language;
  json?: string;
  out?: string;
  force?: boolean;
  workers?: number;
  roster?: string;
  date?: string;
  pdf: boolean;
  variants?: string;
}

/**
 * A self-check lives for a second: V8's optimizing compiler then costs more than it saves (measured:
 * `check --pdf` 1.04 s of CPU with it, 0.77 s without; the output is the same either way).
 */
function shortRun(): void {
  setFlagsFromString('--no-opt');
}

/** The help's and the parser's words, in the language of the arguments or the locale. */
type Words = (key: HelpKey) => string;
type HelpKey = Extract<MessageKey, `help.${string}`> & { [K in MessageKey]: ParamsOf<K> extends undefined ? K : never }[MessageKey];

const parseCount = (h: Words) => (text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError(h('help.count'));
  return n;
};

const parseLang = (say: Say) => (text: string): Language => {
  const language = parseLanguage(text);
  if (language === null) throw new InvalidArgumentError(say(msg('cli.chooseLanguage', { choices: LANGUAGES })));
  return language;
};

/** `--lang`, on every command. */
function program(io: Io, setExit: (code: number) => void, say: Say): Command {
  const h: Words = (key) => say(msg(key));
  const titles: Record<string, string> = { 'Usage:': h('help.usage'), 'Arguments:': h('help.arguments'), 'Options:': h('help.options'), 'Commands:': h('help.commands') };
  const langOption = () => new Option('--lang <language>', say(msg('help.lang', { choices: LANGUAGES }))).argParser(parseLang(say));
  const cli = new Command('stepmark')
    .description(h('help.program'))
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(commanderError(text, say)), getOutHelpWidth: () => io.columns ?? 80, getErrHelpWidth: () => 80 })
    .showHelpAfterError(h('help.afterError'))
    .helpOption('-h, --help', h('help.help'))
    .helpCommand('help [command]', h('help.help'))
    .configureHelp({ styleTitle: (title) => titles[title] ?? title, ...describeOptions(say), ...helpByDisplayWidth });

  cli
    .command('reference')
    .description(h('help.reference'))
    .argument('<rubric>', h('help.rubric'))
    .addOption(new Option('-f, --format <format>', h('help.format')).choices(REFERENCE_FORMATS).default('table'))
    .addOption(new Option('-c, --convention <convention>', h('help.convention')).choices(CONVENTIONS))
    .addOption(langOption())
    .action(async (rubric: string, options: { format: ReferenceFormat; convention?: Convention; lang?: Language }) => {
      setExit(await (await import('./reference.js')).referenceCommand(rubric, options, io));
    });
  cli
    .command('template')
    .description(h('help.template'))
    .argument('<rubric>', h('help.rubric'))
    .requiredOption('-o, --output <file.xlsx|file.ods>', h('help.output'))
    .option('--force', h('help.force'))
    .option('--roster <class.csv>', h('help.templateRoster'))
    .option('--variants <variants.csv>', h('help.templateVariants'))
    .option('--date <YYYY-MM-DD>', h('help.templateDate'))
    .addOption(langOption())
    .action(async (rubric: string, options: TemplateRosterOptions & { roster?: string }) => {
      if (options.roster === undefined) setExit(await (await import('./template.js')).templateCommand(rubric, options, io));
      else setExit(await (await import('./template-roster.js')).templateRosterCommand(rubric, { ...options, roster: options.roster }, io));
    });

  cli
    .command('grade')
    .description(h('help.grade'))
    .argument('<rubric>', h('help.rubric'))
    .argument('<submissions...>', h('help.submissions'))
    .option('--json <file>', h('help.json'))
    .option('-o, --out <folder>', h('help.out'))
    .option('--force', h('help.forceBatch'))
    .option('--workers <n>', h('help.workers'), parseCount(h))
    .option('--roster <file.csv>', h('help.roster'))
    .option('--date <YYYY-MM-DD>', h('help.date'))
    .option('--no-pdf', h('help.noPdf'))
    .option('--variants <variants.csv>', h('help.gradeVariants'))
    .addOption(langOption())
    .action(async (rubric: string, submissions: string[], options: GradeOptions) => {
      const { json, out, ...batch } = options;
      if (out === undefined) setExit(await (await import('./grade.js')).gradeCommand(rubric, submissions, { json, variants: batch.variants, ...(options.lang ? { lang: options.lang } : {}) }, io));
      // Loaded only for a batch: a self-check should not pay for the gradebooks and the worker pool.
      else setExit(await (await import('./batch/run.js')).batchCommand(rubric, submissions, { out, ...batch }, io));
    });

  cli
    .command('check')
    .description(h('help.check'))
    .argument('<rubric>', h('help.rubric'))
    .argument('<file>', h('help.file'))
    .option('--pdf [file.pdf]', h('help.pdf'))
    .option('--variants <variants.csv>', h('help.variantsOption'))
    .option('--id <student id>', h('help.checkId'))
    .addOption(langOption())
    .action(async (rubric: string, file: string, options: { pdf?: string | boolean; variants?: string; id?: string; lang?: Language }) => {
      shortRun();
      // The reading worker starts before the command's own modules load: it loads the reader meanwhile.
      const reading = (await import('./read-pool.js')).startReading(1);
      try {
        setExit(await (await import('./check.js')).checkCommand(rubric, file, { pdf: options.pdf ?? false, variants: options.variants, ...(options.id !== undefined ? { id: options.id } : {}), ...(options.lang ? { lang: options.lang } : {}) }, io, reading));
      } finally {
        await reading.close();
      }
    });
  cli
    .command('variants')
    .description(h('help.variants'))
    .argument('<rubric>', h('help.variantsRubric'))
    .option('--roster <class.csv>', h('help.variantsRoster'))
    .option('--secret-file <file>', h('help.secretFile'))
    .option('--secret-env <VARIABLE>', h('help.secretEnv'))
    .requiredOption('-o, --output <variants.csv>', h('help.variantsOutput'))
    .option('--force', h('help.force'))
    .option('--redraw <id...>', h('help.redraw'))
    .addOption(langOption())
    .action(async (rubric: string, options: VariantsOptions & { lang?: Language }) => {
      setExit(await (await import('./variants.js')).variantsCommand(rubric, options, io));
    });
  cli
    .command('gradescope')
    .description(h('help.gradescope'))
    .argument('<rubric>', h('help.rubric'))
    .option('--submission <folder>', h('help.submission'), '/autograder/submission')
    .option('--results <file>', h('help.results'), '/autograder/results/results.json')
    .option('--variants <variants.csv>', h('help.variantsOption'))
    .addOption(langOption())
    .action(async (rubric: string, options: { submission: string; results: string; variants?: string; lang?: Language }) => {
      setExit(await (await import('./gradescope.js')).gradescopeCommand(rubric, options, io));
    });
  cli
    .command('page')
    .description(h('help.page'))
    .argument('<rubric>', h('help.rubric'))
    .requiredOption('-o, --output <file.html>', h('help.pageOutput'))
    // The page's own --lang: the language the page opens in (the rubric's, else zh-CN), not the command's.
    .addOption(new Option('--lang <lang>', h('help.pageLang')).choices(LANGS))
    .option('--force', h('help.force'))
    .option('--variants <variants.csv>', h('help.pageVariants'))
    .action(async (rubric: string, options: { output: string; lang?: Lang; force?: boolean; variants?: string }) => {
      setExit(await (await import('./page.js')).pageCommand(rubric, options, io));
    });
  return cli;
}

/** Runs stepmark with the given arguments (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  if (io === processIo) endQuietlyOnClosedPipe();
  forgetRubric(io);
  const say = sayWith({ language: failureLanguage(argv, io) ?? 'en' });
  const cli = program(io, (code) => {
    exitCode = code;
  }, say);
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // Said as the command speaks: the rubric's language counts once the rubric has been read.
    return report(error, io, sayWith({ language: failureLanguage(argv, io) ?? 'en' }));
  }
}

function report(error: unknown, io: Io, say: Say): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message; help and version are not failures.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isUsageError(error)) {
    io.stderr(`stepmark: ${say(error.note)}\n`);
    return EXIT.usage;
  }
  if (isRubricError(error)) {
    io.stderr(`stepmark: ${rubricErrorText(error.file, error.problems, say)}\n`);
    return EXIT.usage;
  }
  const detail = process.env['STEPMARK_DEBUG'] && error instanceof Error ? `\n${error.stack}` : '';
  io.stderr(`stepmark: ${say(msg('cli.internalError', { message: error instanceof Error ? error.message : String(error) }))}${detail}\n` +
    `${say(msg('cli.reportBug'))}\n`);
  return EXIT.internal;
}
