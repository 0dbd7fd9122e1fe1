/** What the command line says: its outcomes and its errors, in English. */
import type { Context, Said } from '../types.js';

const plural = (count: number, word: string) => `${word}${count === 1 ? '' : 's'}`;

/** What a command writes, named in "give a file name for …". */
export type OutputKind = 'template' | 'json' | 'pdf' | 'gradescope' | 'page';
const OUTPUTS: Record<OutputKind, string> = {
  template: 'the template',
  json: 'the JSON results',
  pdf: 'the PDF report',
  gradescope: "Gradescope's results.json",
  page: 'the page',
};

/** What a path is when it is no regular file. */
export type NotRegularKind = 'folder' | 'pipe' | 'device';
const NOT_REGULAR: Record<NotRegularKind, string> = { folder: 'a folder', pipe: 'a named pipe', device: 'a device or socket' };

export const cli = {
  'reference.header': (p: { rubric: string; convention: Said; steps: number }, c: Context) =>
    `rubric ${p.rubric} · convention ${c.say(p.convention)} · ${p.steps} steps`,
  'convention.updated-weights': () => 'updated-weights',
  'convention.standard': () => 'standard',
  // --help
  'help.program': () => 'Grades hand-computed neural-network homework, step by step.',
  'help.afterError': () => '(run "stepmark --help" for usage)',
  'help.reference': () => "print the exact value of every step of a rubric's homework",
  'help.rubric': () => 'rubric file (YAML)',
  'help.format': () => 'output format',
  'help.convention': () => "backprop convention, overriding the rubric's",
  'help.template': () => 'write the spreadsheet students fill in',
  'help.output': () => 'where to write the template (.xlsx or .ods; with --roster: a folder)',
  'help.force': () => 'replace the output file if it exists',
  'help.grade': () => 'grade submissions (files, or folders searched for .xlsx/.xls/.ods/.csv)',
  'help.submissions': () => 'spreadsheets or folders',
  'help.json': () => 'write every result as JSON (without --out)',
  'help.out': () => 'batch mode: a PDF report per student, gradebooks and a class summary in this folder',
  'help.forceBatch': () => 'with --out: grade again even what is up to date',
  'help.workers': () => 'with --out: worker threads; 1 grades in the main thread (default: one per 25 files, at most one per core)',
  'help.roster': () => 'with --out: the class list, to find who handed in nothing',
  'help.date': () => 'with --out: the date printed on reports (default: SOURCE_DATE_EPOCH or today)',
  'help.noPdf': () => 'with --out: gradebooks only, no per-student PDFs',
  'help.check': () => 'self-check one submission before handing it in',
  'help.file': () => 'your spreadsheet',
  'help.pdf': () => 'also write your report as a PDF (default: in reports/)',
  'help.gradescope': () => "grade the submission inside Gradescope's autograder and write its results.json",
  'help.submission': () => 'where the submitted files are',
  'help.results': () => 'where to write results.json',
  'help.templateRoster': () => "one template per student, id and name filled in, and a problem sheet PDF with the student's numbers",
  'help.templateVariants': () => "with --roster: each student's numbers, for a rubric with variants",
  'help.templateDate': () => 'with --roster: the date in the PDFs (default: SOURCE_DATE_EPOCH or today)',
  'help.gradeVariants': () => "each student's numbers (written by \"stepmark variants\"), for a rubric with variants",
  'help.variantsOption': () => "each student's numbers, for a rubric with variants",
  'help.variants': () => "draw every student's own numbers for a rubric with variants, into one CSV the TA keeps",
  'help.variantsRubric': () => 'rubric file (YAML) with a variants: section',
  'help.variantsRoster': () => 'the class list (student id, name)',
  'help.secretFile': () => 'the course secret, in a file',
  'help.secretEnv': () => 'the course secret, in this environment variable',
  'help.variantsOutput': () => "where to write every student's numbers",
  'help.redraw': () => 'new numbers for these students in the existing output file, the others kept',
  'help.page': () => "write the students' self-check as one HTML file (works offline; nothing is uploaded)",
  'help.pageOutput': () => 'where to write the page',
  'help.pageLang': () => "the language the page opens in (default: the rubric's, else zh-CN)",
  'help.count': () => 'expected a whole number from 1 to 64',
  'help.usage': () => 'Usage:',
  'help.arguments': () => 'Arguments:',
  'help.options': () => 'Options:',
  'help.commands': () => 'Commands:',
  'help.help': () => 'display help for command',
  'help.lang': (p: { choices: readonly string[] }) => `language of everything printed and written: ${p.choices.join(' or ')} (default: the rubric's, else the locale's)`,
  // commander's own words (English: commander says them itself; these read the same)
  'commander.missingArgument': (p: { name: string }) => `error: missing required argument '${p.name}'`,
  'commander.unknownOption': (p: { flag: string }) => `error: unknown option '${p.flag}'`,
  'commander.unknownCommand': (p: { name: string }) => `error: unknown command '${p.name}'`,
  'commander.optionMissingArgument': (p: { flag: string }) => `error: option '${p.flag}' argument missing`,
  'commander.requiredOption': (p: { flag: string }) => `error: required option '${p.flag}' not specified`,
  'commander.invalidArgument': (p: { flag: string; value: string; reason: Said | string }, c: Context) =>
    `error: option '${p.flag}' argument '${p.value}' is invalid. ${c.say(p.reason)}`,
  'commander.tooManyArguments': () => 'error: too many arguments',
  'commander.didYouMean': (p: { suggestion: string }) => `(Did you mean ${p.suggestion}?)`,
  'commander.optionExtras': (p: { choices: readonly string[]; value: string | null }) =>
    `(${[...(p.choices.length > 0 ? [`choices: ${p.choices.join(', ')}`] : []), ...(p.value === null ? [] : [`default: ${p.value}`])].join(', ')})`,
  'cli.noSpreadsheets': (p: { inputs: readonly string[] }) => `no spreadsheets (.xlsx, .xls, .ods, .csv) in ${p.inputs.join(', ')}`,
  'cli.noSuchPath': (p: { path: string }) => `${p.path}: no such file or folder`,
  'cli.notSpreadsheet': (p: { path: string }) => `${p.path}: not a spreadsheet`,
  'cli.refuseOverwriteSubmission': (p: { path: string }) => `${p.path}: refusing to overwrite a submission`,
  'cli.refuseOverwriteTheSubmission': (p: { path: string }) => `${p.path}: refusing to overwrite the submission`,
  'cli.rubricMissing': (p: { path: string }) => `${p.path}: no such file`,
  'cli.rubricIsFolder': (p: { path: string }) => `${p.path}: is a folder, not a rubric file`,
  'cli.rubricUnreadable': (p: { path: string }) => `${p.path}: cannot be read`,
  'cli.templateFormat': (p: { path: string; formats: readonly string[] }) => `${p.path}: the template is written as ${p.formats.join(' or ')}`,
  'cli.templateExists': (p: { path: string }) => `${p.path} exists; pass --force to replace it`,
  'cli.wroteTemplate': (p: { path: string; steps: number }) => `wrote ${p.path}: ${p.steps} steps`,
  'cli.wrote': (p: { path: string }) => `wrote ${p.path}`,
  'cli.wroteGradescope': (p: { path: string; score: number }) => `wrote ${p.path}: score ${p.score}`,
  /** `skipped`: a cli.skipped, said at the end. */
  'cli.graded': (p: { graded: number; files: number; failed: number; skipped: Said }, c: Context) =>
    `graded ${p.graded} of ${p.files} ${plural(p.files, 'file')}${p.failed ? `; ${p.failed} could not be read` : ''}${c.say(p.skipped)}`,
  'cli.gradedInto': (p: { graded: number; files: number; out: string; skipped: Said }, c: Context) =>
    `graded ${p.graded} of ${p.files} submissions into ${p.out}${c.say(p.skipped)}`,
  'cli.upToDate': (p: { skipped: number; files: number }) => `${p.skipped} of ${p.files} submissions are up to date (use --force to grade them again)`,
  'cli.progress': () => 'grading [{bar}] {value}/{total} files · {eta_formatted} left · {failed} unreadable',
  'cli.notGraded': (p: { reason: Said | string }, c: Context) => `could not be graded: ${c.say(p.reason)}`,
  'cli.workerFailed': (p: { detail: Said | string }, c: Context) => `worker failed: ${c.say(p.detail)}`,
  'cli.workerStopped': (p: { code: number }) => `worker stopped (exit code ${p.code})`,
  'cli.workerTimedOut': (p: { seconds: number }) => `worker timed out after ${p.seconds} s`,
  'cli.outOfMemory': () => 'out of memory',
  'cli.rosterUnreadable': (p: { path: string }) => `${p.path}: cannot read the roster`,
  'cli.rosterNotCsv': (p: { path: string; kind: Said }, c: Context) => `${p.path}: not a CSV roster (it looks like ${c.say(p.kind)})`,
  'cli.rosterProblem': (p: { problem: string }) => `roster: ${p.problem}`,
  'cli.noSubmission': (p: { id: string; name: string | null }) => `no submission: ${p.id}${p.name ? ` ${p.name}` : ''}`,
  'cli.notOnRoster': (p: { file: string }) => `not on the roster: ${p.file}`,
  'cli.filesForOne': (p: { id: string; files: readonly string[] }) => `${p.files.length} files for ${p.id}: ${p.files.join(', ')}`,
  'cli.internalError': (p: { message: string }) => `internal error: ${p.message}`,
  'cli.reportBug': () => 'Please report it with the command you ran (set STEPMARK_DEBUG=1 for details).',
  'cli.linkLoop': (p: { path: string }) => `${p.path}: a link that leads back to itself (a loop); give the file itself`,
  'cli.notRegular': (p: { kind: NotRegularKind }) => `not a regular file (${NOT_REGULAR[p.kind]}); give the spreadsheet file itself`,
  'cli.outputIsFolder': (p: { path: string; what: OutputKind }) => `${p.path}: is a folder; give a file name for ${OUTPUTS[p.what]}`,
  'cli.outputIsFile': (p: { path: string }) => `${p.path}: is a file; give a folder for the reports`,
  'cli.noOutputFolder': (p: { path: string; folder: string }) => `${p.path}: the folder ${p.folder} does not exist; create it first or give another path`,
  'cli.outputParentNotFolder': (p: { path: string; folder: string }) => `${p.path}: ${p.folder} is not a folder`,
  'cli.cannotCreateFolder': (p: { folder: string; code: string | null }) => `${p.folder}: cannot create the folder (${p.code ?? 'unknown error'})`,
  'cli.notWritable': (p: { path: string }) => `${p.path}: cannot be written here (no permission)`,
  'cli.outputFailed': (p: { name: string; why: Said | string }, c: Context) => `could not write ${p.name}: ${c.say(p.why)}; the other outputs were written`,
  'cli.skipped': (p: { links: number; hidden: number; special: number }) => {
    const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const parts = [
      p.links > 0 ? count(p.links, 'link', 'links') : '',
      p.hidden > 0 ? count(p.hidden, 'hidden file or folder', 'hidden files or folders') : '',
      p.special > 0 ? count(p.special, 'pipe or device', 'pipes or devices') : '',
    ].filter((part) => part !== '');
    return parts.length === 0 ? '' : `; skipped ${parts.join(', ')}`;
  },
  /** Why an output could not be written: Node's own (English) message, or its code (ENOSPC, EACCES). */
  'cli.writeError': (p: { code: string | null; message: string }) => p.message,
  'cli.badDate': (p: { date: string }) => `--date ${p.date}: expected YYYY-MM-DD`,
  'cli.pageFormat': (p: { path: string }) => `${p.path}: the page is written as .html`,
  'cli.pageScriptsMissing': (p: { file: string; command: string }) => `the page's scripts are missing (${p.file}): run "${p.command}" in stepmark's folder`,
  'cli.wrotePage': (p: { path: string; steps: number; size: string }) =>
    `wrote ${p.path}: ${p.steps} steps, ${p.size}; students open it in a browser (it works offline and uploads nothing)`,
  'cli.chooseLanguage': (p: { choices: readonly string[] }) => `choose ${p.choices.join(' or ')}`,
  'commander.allowedChoices': (p: { choices: readonly string[] }) => `Allowed choices are ${p.choices.join(', ')}.`,
  'cli.integritySignals': (p: { count: number }) => `${p.count} ${plural(p.count, 'signal')} of copied work: see integrity.csv`,
};
