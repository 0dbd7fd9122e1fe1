/** The command line: parses argv, runs a command, prints problems, returns the exit code. */
import { Command, CommanderError, Option } from 'commander';
import { isRubricError } from '../rubric/problems.js';
import { CONVENTIONS, type Convention } from '../rubric/schema.js';
import { EXIT, isUsageError, processIo, type Io } from './io.js';
import { REFERENCE_FORMATS, type ReferenceFormat } from './reference-format.js';
import { referenceCommand } from './reference.js';
import { checkCommand, gradeCommand } from './grade.js';
import { templateCommand } from './template.js';

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
    .requiredOption('-o, --output <file.xlsx>', 'where to write the template')
    .option('--force', 'replace the output file if it exists')
    .action(async (rubric: string, options: { output: string; force?: boolean }) => {
      setExit(await templateCommand(rubric, options, io));
    });

  cli
    .command('grade')
    .description('grade submissions (files, or folders searched for .xlsx/.xls/.ods/.csv)')
    .argument('<rubric>', 'rubric file (YAML)')
    .argument('<submissions...>', 'spreadsheets or folders')
    .option('--json <file>', 'write every result as JSON')
    .action(async (rubric: string, submissions: string[], options: { json?: string }) => {
      setExit(await gradeCommand(rubric, submissions, options, io));
    });

  cli
    .command('check')
    .description('self-check one submission before handing it in')
    .argument('<rubric>', 'rubric file (YAML)')
    .argument('<file>', 'your spreadsheet')
    .action(async (rubric: string, file: string) => {
      setExit(await checkCommand(rubric, file, io));
    });
  return cli;
}

/** Runs stepmark with the given arguments (without `node` and the script); resolves to the exit code. */
export async function run(argv: readonly string[], io: Io = processIo): Promise<number> {
  let exitCode: number = EXIT.ok;
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
