/** Per-student numbers (variants) and the signals of copied work: what the TA and the student read, in English. */
import type { Context, Said } from '../types.js';

export const variants = {
  // Grading a file against its student's numbers
  'variants.noStudentId': () =>
    "no student id in the file or its name, so there are no numbers to grade it against (each student has their own): write it in the template's student id field, or (check) pass --id",
  'variants.unknownStudent': (p: { id: string }) => `student id ${p.id} has no numbers in the variants file, so there is nothing to grade it against`,
  'variants.gradedAsAsked': (p: { id: string; fileId: string }) =>
    `graded against the numbers of student ${p.id}, the id asked for; the file gives student id ${p.fileId}`,
  'help.checkId': () => "with a rubric with variants: grade against this student's numbers (default: the id in the file or its name)",
  'help.pageVariants': () => "each student's numbers (written by \"stepmark variants\"), for a rubric with variants: the page asks for the student id",
  // Which commands need variants.csv
  'variants.needFile': (p: { rubric: string }) =>
    `${p.rubric} gives every student their own numbers: pass --variants variants.csv (written by "stepmark variants")`,
  'variants.pageNeedsFile': (p: { rubric: string }) =>
    `${p.rubric} gives every student their own numbers: pass --variants variants.csv (written by "stepmark variants"); the page then asks each student for their id and checks their file against their own numbers`,
  'variants.nothingToPin': (p: { rubric: string; path: string }) => `${p.rubric} has no variants: section, so --variants ${p.path} has nothing to pin`,
  'variants.idWithoutVariants': (p: { rubric: string }) => `${p.rubric} has no variants: section, so --id has no numbers to choose (every student has the same)`,
  'variants.pageWrote': (p: { students: number }) =>
    `${p.students === 1 ? '1 student\'s numbers are' : `the numbers of ${p.students} students are`} in the page, each under a salted slow hash of the student id (no ids, no names)`,
  // The rubric's variants: section
  'variants.unknownName': (p: { key: string; known: readonly string[] }) =>
    `"${p.key}" names no value of this rubric (it has ${p.known.join(', ')} and their elements)`,
  'variants.listForGroup': () => 'lists of values are for a whole group (the name of an input, target, kernels, weights or biases)',
  'variants.listLength': (p: { key: string; count: number; given: number }) => `${p.key} has ${p.count} values; this choice gives ${p.given}`,
  'variants.listOverlaps': (p: { key: string; name: string; other: string }) =>
    `${p.name} is drawn by its own entry (${p.other}), so a list of values for the whole ${p.key} cannot set it; give one or the other`,
  'variants.schema.rangeOrder': () => 'the range must go from the lowest value to the highest',
  'variants.schema.tooManyValues': (p: { most: number }) => `the step is too small for the range (over ${p.most} values)`,
  'variants.schema.noValues': () => 'name at least one value to vary',
  'variants.schema.valueSpec': () => 'expected { range: [lowest, highest], step: … } or { choices: [ … ] }',
  'variants.schema.constraint': () => 'expected { distinct: [names] } or { nonzero: [names] }',
  // Why a drawn variant is not good homework (it is drawn again)
  'variants.check.maxpoolClose': (p: { step: string; margin: number }) =>
    `The two largest values in the max-pool window of ${p.step} are within ${p.margin} units of the asked decimals.`,
  'variants.check.reluNearZero': (p: { step: string; margin: number }) => `The pre-activation of ${p.step} is within ${p.margin} units of 0 at the asked decimals.`,
  'variants.check.zeroStep': (p: { section: string; zeros: number; base: number }) =>
    `${p.zeros} steps of ${p.section} round to 0 at the asked decimals, against ${p.base} in the base rubric.`,
  'variants.check.mistakeHidden': (p: { section: string; visible: number; base: number }) =>
    `In ${p.section}, ${p.visible} rewrites of common mistakes stand apart from the right values, against ${p.base} in the base rubric.`,
  // Numbers pinned by hand in variants.csv
  'variants.pinned.constraint': (p: { file: string; id: string }) =>
    `${p.file}: student ${p.id}: the numbers break a constraint of the rubric's variants section. The numbers are used as written.`,
  'variants.pinned.notGood': (p: { file: string; id: string; problem: Said }, c: Context) => `${p.file}: student ${p.id}: ${c.say(p.problem)} The numbers are used as written.`,
  // Reading variants.csv
  'variants.csv.unreadable': (p: { path: string }) => `${p.path}: the variants file cannot be read`,
  'variants.csv.notCsv': (p: { path: string; kind: Said }, c: Context) => `${p.path}: not a CSV file (it looks like ${c.say(p.kind)})`,
  'variants.csv.problem': (p: { path: string; problem: Said | string }, c: Context) => `${p.path}: ${c.say(p.problem)}`,
  'variants.csv.header': (p: { path: string; columns: readonly string[] }) =>
    `${p.path}:1: the header needs the columns ${p.columns.join(', ')}; write the file with "stepmark variants"`,
  'variants.csv.noId': (p: { path: string; line: number }) => `${p.path}:${p.line}: no student id; the row is left out`,
  'variants.csv.duplicate': (p: { path: string; line: number; id: string }) => `${p.path}:${p.line}: student id ${p.id} is on an earlier line too; this row is left out`,
  'variants.csv.notNumbers': (p: { path: string; line: number; id: string; cells: readonly string[] }) =>
    `${p.path}:${p.line}: ${p.id}: not a number: ${p.cells.join(', ')}; the row is left out`,
  'variants.csv.empty': (p: { path: string }) => `${p.path}: no student has numbers in it`,
  // stepmark variants
  'variants.cli.needRoster': () => 'give the class list with --roster <class.csv> (or --redraw <id> to change rows of an existing file)',
  'variants.cli.outputExists': (p: { path: string }) => `${p.path} exists; pass --force to replace it, or --redraw <id> to draw some students again`,
  'variants.cli.noSection': (p: { rubric: string }) => `${p.rubric} has no variants: section; every student computes the same numbers`,
  'variants.cli.noGoodVariant': (p: { where: string; id: string; problem: Said }, c: Context) => `${p.where}: student ${p.id}: ${c.say(p.problem)}`,
  'variants.noGoodVariant': (p: { draws: number; redrawn: Said }, c: Context) =>
    `no good variant in ${p.draws} draws (${c.say(p.redrawn)}): widen the ranges, or loosen the constraints or the margin`,
  /** Why draws were rejected, by reason (the codes variants.csv's Redrawn column holds) and count. */
  'variants.redraws': (p: { counts: Readonly<Record<string, string>> }) => Object.entries(p.counts).map(([reason, count]) => `${reason} ${count}`).join('; '),
  'variants.cli.noStudents': (p: { path: string }) => `${p.path}: no students on the roster`,
  'variants.cli.summary': (p: { draws: number; students: number; median: number; most: number; rejected: Said | null }, c: Context) =>
    `${p.draws} draws for ${p.students} students (median ${p.median}, most ${p.most}); ${p.rejected === null ? 'every first draw was good' : `draws rejected: ${c.say(p.rejected)}`}`,
  'variants.cli.wrote': (p: { path: string; students: number; values: number }) => `wrote ${p.path}: ${p.students} students, ${p.values} values each`,
  // stepmark variants --redraw
  'variants.redraw.noFile': (p: { path: string }) => `${p.path}: no such file; --redraw changes rows of the variants file written before`,
  'variants.redraw.notVariantsFile': (p: { path: string; columns: readonly string[] }) =>
    `${p.path}:1: not a variants file of this rubric (it needs the columns ${p.columns.join(', ')})`,
  'variants.redraw.noRow': (p: { path: string; id: string }) => `${p.path}: student ${p.id} has no row to draw again`,
  'variants.redraw.badDraws': (p: { path: string; line: number; column: string; text: string }) =>
    `${p.path}:${p.line}: ${p.column} must be the whole number the variants command wrote, not "${p.text}"`,
  'variants.redraw.newNumbers': (p: { id: string; draw: number }) => `${p.id}: new numbers (draw ${p.draw})`,
  'variants.redraw.wrote': (p: { path: string; count: number }) =>
    `wrote ${p.path}: ${p.count} ${p.count === 1 ? 'student' : 'students'} drawn again, the others as they were`,
  // The course secret
  'variants.secret.exactlyOne': () => 'give the course secret with exactly one of --secret-file <file> or --secret-env <VARIABLE>',
  'variants.secret.unreadable': (p: { path: string }) => `${p.path}: the secret file cannot be read`,
  'variants.secret.notSet': (p: { variable: string }) => `the environment variable ${p.variable} is not set`,
  'variants.secret.tooShortFile': (p: { path: string; bytes: number; least: number; example: string }) =>
    `${p.path}: the secret has ${p.bytes} bytes; use at least ${p.least} (for example: ${p.example})`,
  'variants.secret.tooShortEnv': (p: { variable: string; bytes: number; least: number; example: string }) =>
    `the environment variable ${p.variable}: the secret has ${p.bytes} bytes; use at least ${p.least} (for example: ${p.example})`,
  // template --roster
  'variants.template.noNumbers': (p: { id: string; path: string }) => `${p.id}: no numbers in ${p.path}; no template written`,
  'variants.template.notNetwork': (p: { id: string; path: string }) => `${p.id}: the numbers in ${p.path} do not make a network`,
  'variants.template.exists': (p: { path: string }) => `${p.path} exists; pass --force to replace the templates`,
  'variants.template.wrote': (p: { count: number; folder: string }) => `wrote ${p.count} templates and problem sheets in ${p.folder}`,
  // Signals of copied work (integrity.csv, the class summary)
  'variants.integrity.fits': (p: { other: string; count: number; own: number }) =>
    `The values are right for student ${p.other}'s numbers at ${p.count} steps, and for this student's own numbers at ${p.own}.`,
  'variants.integrity.shared': (p: { steps: readonly string[] }) => `Both files write the same wrong values at ${p.steps.length} steps: ${p.steps.join(', ')}.`,
  'variants.integrityCsv.signal': () => 'Signal',
  'variants.integrityCsv.studentId': () => 'Student ID',
  'variants.integrityCsv.name': () => 'Name',
  'variants.integrityCsv.file': () => 'File',
  'variants.integrityCsv.otherId': () => 'Other student ID',
  'variants.integrityCsv.otherName': () => 'Other name',
  'variants.integrityCsv.otherFile': () => 'Other file',
  'variants.integrityCsv.steps': () => 'Steps',
  'variants.integrityCsv.detail': () => 'Detail',
  // A student's problem sheet (template --roster)
  'variants.sheet.conv2d': (p: { name: string; kernels: number; size: string; channels: number; stride: string; padding: string; flip: boolean; activation: string }) =>
    `${p.name} · conv2d · ${p.kernels} ${p.kernels === 1 ? 'kernel' : 'kernels'} of ${p.size}${p.channels > 1 ? ` over ${p.channels} maps` : ''} · stride ${p.stride} · padding ${p.padding} · ${p.flip ? 'true convolution (kernel reversed)' : 'cross-correlation (kernel as written)'} · ${p.activation}`,
  'variants.sheet.sampleInput': (p: { sample: number }) => `input of sample ${p.sample}`,
};

