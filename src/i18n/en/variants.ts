/** Per-student numbers (variants) and the signals of copied work: what the TA and the student read, in English. */

export const variants = {
  // Grading a file against its student's numbers
  'variants.noStudentId': () =>
    "no student id in the file or its name, so there are no numbers to grade it against (each student has their own): write it in the template's student id field, or (check) pass --id",
  'variants.unknownStudent': (p: { id: string }) => `student id ${p.id} has no numbers in the variants file, so there is nothing to grade it against`,
  'help.checkId': () => "with a rubric with variants: grade against this student's numbers (default: the id in the file or its name)",
  'help.pageVariants': () => "each student's numbers (written by \"stepmark variants\"), for a rubric with variants: the page asks for the student id",
  // Which commands need variants.csv
  'variants.needFile': (p: { rubric: string }) =>
    `${p.rubric} gives every student their own numbers: pass --variants variants.csv (written by "stepmark variants")`,
  'variants.pageNeedsFile': (p: { rubric: string }) =>
    `${p.rubric} gives every student their own numbers: pass --variants variants.csv (written by "stepmark variants"); the page then asks each student for their id and checks their file against their own numbers`,
  'variants.nothingToPin': (p: { rubric: string; path: string }) => `${p.rubric} has no variants: section, so --variants ${p.path} has nothing to pin`,
  'variants.idWithoutVariants': (p: { rubric: string }) => `${p.rubric} has no variants: section, so --id has no numbers to choose (every student has the same)`,
  'variants.pageWrote': (p: { students: number }) => `each of ${p.students} students' numbers is in the page, under a salted slow hash of their id (no names, no ids)`,
};

