/** The command line: parses argv, runs a command, prints problems, returns the exit code. */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { isRubricError } from '../rubric/problems.js';
import { CONVENTIONS, type Convention } from '../rubric/schema.js';
import { endQuietlyOnClosedPipe, EXIT, isUsageError, processIo, type Io } from './io.js';
import { REFERENCE_FORMATS, type ReferenceFormat } from './reference-format.js';
import { referenceCommand } from './reference.js';
import { checkCommand, gradeCommand } from './grade.js';
import { gradescopeCommand } from './gradescope.js';
import { templateCommand } from './template.js';
import { variantsCommand, type VariantsOptions } from './variants.js';
import { templateRosterCommand, type TemplateRosterOptions } from './template-roster.js';
import { pageCommand } from './page.js';
import { LANGS, type Lang } from '../web/words.js';

interface GradeOptions {
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

function parseCount(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected a whole number from 1 to 64');
  return n;
}

function program(io: Io, setExit: (code: number) => void): Command {
  const cli = new Command('stepmark')
    .description('Grades hand-computed neural-network homework, step by step.')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run "stepmark --help" for usage)');

  cli
    .command('reference')
    .description('print the exact value of every step of a rubric\'s homework')
    .argument('<rubric>', 'rubric file (YAML)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REFERENCE_FORMATS).default('table'))
    .addOption(new Option('-c, --convention <convention>', 'backprop convention, overriding the rubric\'s').choices(CONVENTIONS))
    .action(async (rubric: string, options: { format: ReferenceFormat; convention?: Convention }) => {
      setExit(await referenceCommand(rubric, options, io));
    });
  cli
    .command('template')
    .description('write the spreadsheet students fill in')
    .argument('<rubric>', 'rubric file (YAML)')
    .requiredOption('-o, --output <file.xlsx|file.ods>', 'where to write the template (.xlsx or .ods; with --roster: a folder)')
    .option('--force', 'replace the output file if it exists')
    .option('--roster <class.csv>', "one template per student, id and name filled in, and a problem sheet PDF with the student's numbers")
    .option('--variants <variants.csv>', "with --roster: each student's numbers, for a rubric with variants")
    .option('--date <YYYY-MM-DD>', 'with --roster: the date in the PDFs (default: SOURCE_DATE_EPOCH or today)')
    .action(async (rubric: string, options: TemplateRosterOptions & { roster?: string }) => {
      if (options.roster === undefined) setExit(await templateCommand(rubric, options, io));
      else setExit(await templateRosterCommand(rubric, { ...options, roster: options.roster }, io));
    });

  cli
    .command('grade')
    .description('grade submissions (files, or folders searched for .xlsx/.xls/.ods/.csv)')
    .argument('<rubric>', 'rubric file (YAML)')
    .argument('<submissions...>', 'spreadsheets or folders')
    .option('--json <file>', 'write every result as JSON (without --out)')
    .option('-o, --out <folder>', 'batch mode: a PDF report per student, gradebooks and a class summary in this folder')
    .option('--force', 'with --out: grade again even what is up to date')
    .option('--workers <n>', 'with --out: worker threads; 1 grades in the main thread (default: one per 25 files, at most one per core)', parseCount)
    .option('--roster <file.csv>', 'with --out: the class list, to find who handed in nothing')
    .option('--date <YYYY-MM-DD>', 'with --out: the date printed on reports (default: SOURCE_DATE_EPOCH or today)')
    .option('--no-pdf', 'with --out: gradebooks only, no per-student PDFs')
    .option('--variants <variants.csv>', "each student's numbers (written by \"stepmark variants\"), for a rubric with variants")
    .action(async (rubric: string, submissions: string[], options: GradeOptions) => {
      const { json, out, ...batch } = options;
      if (out === undefined) setExit(await gradeCommand(rubric, submissions, { json, variants: batch.variants }, io));
      // Loaded only for a batch: a self-check should not pay for the gradebooks and the worker pool.
      else setExit(await (await import('./batch/run.js')).batchCommand(rubric, submissions, { out, ...batch }, io));
    });

  cli
    .command('check')
    .description('self-check one submission before handing it in')
    .argument('<rubric>', 'rubric file (YAML)')
    .argument('<file>', 'your spreadsheet')
    .option('--pdf [file.pdf]', 'also write your report as a PDF (default: in reports/)')
    .option('--variants <variants.csv>', "each student's numbers, for a rubric with variants")
    .action(async (rubric: string, file: string, options: { pdf?: string | boolean; variants?: string }) => {
      shortRun();
      setExit(await checkCommand(rubric, file, { pdf: options.pdf ?? false, variants: options.variants }, io));
    });
  cli
    .command('variants')
    .description("draw every student's own numbers for a rubric with variants, into one CSV the TA keeps")
    .argument('<rubric>', 'rubric file (YAML) with a variants: section')
    .option('--roster <class.csv>', 'the class list (student id, name)')
    .option('--secret-file <file>', 'the course secret, in a file')
    .option('--secret-env <VARIABLE>', 'the course secret, in this environment variable')
    .requiredOption('-o, --output <variants.csv>', 'where to write every student\'s numbers')
    .option('--force', 'replace the output file if it exists')
    .option('--redraw <id...>', 'new numbers for these students in the existing output file, the others kept')
    .action(async (rubric: string, options: VariantsOptions) => {
      setExit(await variantsCommand(rubric, options, io));
    });
  cli
    .command('gradescope')
    .description("grade the submission inside Gradescope's autograder and write its results.json")
    .argument('<rubric>', 'rubric file (YAML)')
    .option('--submission <folder>', 'where the submitted files are', '/autograder/submission')
    .option('--results <file>', 'where to write results.json', '/autograder/results/results.json')
    .option('--variants <variants.csv>', "each student's numbers, for a rubric with variants")
    .action(async (rubric: string, options: { submission: string; results: string; variants?: string }) => {
      setExit(await gradescopeCommand(rubric, options, io));
    });
  cli
    .command('page')
    .description("write the students' self-check as one HTML file (works offline; nothing is uploaded)")
    .argument('<rubric>', 'rubric file (YAML)')
    .requiredOption('-o, --output <file.html>', 'where to write the page')
    .addOption(new Option('--lang <lang>', 'the language the page opens in').choices(LANGS).default('zh-CN'))
    .option('--force', 'replace the output file if it exists')
    .action(async (rubric: string, options: { output: string; lang: Lang; force?: boolean }) => {
      setExit(await pageCommand(rubric, options, io));
    });
  return cli;
}

/** Runs stepmark with the given arguments (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  if (io === processIo) endQuietlyOnClosedPipe();
  const cli = program(io, (code) => {
    exitCode = code;
  });
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    // Commander has printed its own message; help and version are not failures.
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (isRubricError(error) || isUsageError(error)) {
    io.stderr(`stepmark: ${error.message}\n`);
    return EXIT.usage;
  }
  const detail = process.env['STEPMARK_DEBUG'] && error instanceof Error ? `\n${error.stack}` : '';
  io.stderr(`stepmark: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n` +
    'Please report it with the command you ran (set STEPMARK_DEBUG=1 for details).\n');
  return EXIT.internal;
}
