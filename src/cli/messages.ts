/**
 * What the command line tells a person about their files and outputs: whole sentences built from
 * parameters, said by the CLI catalogs (src/i18n/<language>/cli.ts) in the command's language.
 */
import { msg, type Message, type Said } from '../i18n/index.js';
import type { NotRegularKind, OutputKind } from '../i18n/en/cli.js';
import type { Skipped } from './files.js';

export const CLI_MESSAGES = {
  noSpreadsheets: (inputs: readonly string[]) => msg('cli.noSpreadsheets', { inputs }),
  noSuchInput: (path: string) => msg('cli.noSuchPath', { path }),
  linkLoop: (path: string) => msg('cli.linkLoop', { path }),
  notASpreadsheet: (path: string) => msg('cli.notSpreadsheet', { path }),
  cannotOpen: (code: string | null) => msg('ingest.cannotOpen', { code }),
  notRegular: (kind: NotRegularKind) => msg('cli.notRegular', { kind }),
  outputIsFolder: (path: string, what: OutputKind) => msg('cli.outputIsFolder', { path, what }),
  outputIsFile: (path: string) => msg('cli.outputIsFile', { path }),
  noOutputFolder: (path: string, folder: string) => msg('cli.noOutputFolder', { path, folder }),
  outputParentNotFolder: (path: string, folder: string) => msg('cli.outputParentNotFolder', { path, folder }),
  cannotCreateFolder: (folder: string, code: string | null) => msg('cli.cannotCreateFolder', { folder, code }),
  notWritable: (path: string) => msg('cli.notWritable', { path }),
  overwritesSubmission: (path: string) => msg('cli.refuseOverwriteSubmission', { path }),
  outputFailed: (name: string, why: Said | string) => msg('cli.outputFailed', { name, why }),
  skipped: (skipped: Skipped) => msg('cli.skipped', { links: skipped.links, hidden: skipped.hidden, special: skipped.special }),
} as const satisfies Record<string, (...args: never[]) => Message>;
