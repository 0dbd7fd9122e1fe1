/**
 * What the command line tells a person about their files and outputs: whole sentences built from
 * parameters, kept in one place so they can move to per-language catalogs whole.
 */
import type { Skipped } from './files.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export const CLI_MESSAGES = {
  noSpreadsheets: (inputs: readonly string[]) => `no spreadsheets (.xlsx, .xls, .ods, .csv) in ${inputs.join(', ')}`,
  noSuchInput: (path: string) => `${path}: no such file or folder`,
  linkLoop: (path: string) => `${path}: a link that leads back to itself (a loop); give the file itself`,
  notASpreadsheet: (path: string) => `${path}: not a spreadsheet`,
  cannotOpen: (code: string) => `cannot open the file (${code})`,
  notRegular: (kind: string) => `not a regular file (${kind}); give the spreadsheet file itself`,
  outputIsFolder: (path: string, what: string) => `${path}: is a folder; give a file name for ${what}`,
  outputIsFile: (path: string) => `${path}: is a file; give a folder for the reports`,
  noOutputFolder: (path: string, folder: string) => `${path}: the folder ${folder} does not exist; create it first or give another path`,
  outputParentNotFolder: (path: string, folder: string) => `${path}: ${folder} is not a folder`,
  cannotCreateFolder: (folder: string, code: string) => `${folder}: cannot create the folder (${code})`,
  notWritable: (path: string) => `${path}: cannot be written here (no permission)`,
  overwritesSubmission: (path: string) => `${path}: refusing to overwrite a submission`,
  outputFailed: (name: string, why: string) => `could not write ${name}: ${why}; the other outputs were written`,
  skipped: (skipped: Skipped) => {
    const parts = [
      skipped.links > 0 ? plural(skipped.links, 'link') : '',
      skipped.hidden > 0 ? plural(skipped.hidden, 'hidden file or folder', 'hidden files or folders') : '',
      skipped.special > 0 ? plural(skipped.special, 'pipe or device', 'pipes or devices') : '',
    ].filter((part) => part !== '');
    return parts.length === 0 ? '' : `; skipped ${parts.join(', ')}`;
  },
} as const;
