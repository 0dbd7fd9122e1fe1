/**
 * Output paths are checked before any grading starts: a typo in `--json` or `--out` costs the
 * user a one-line message and exit 2, not a whole class graded for nothing.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { OutputKind } from '../i18n/en/cli.js';
import { UsageError } from './io.js';
import { CLI_MESSAGES } from './messages.js';

const statOrNull = (path: string) => stat(path).catch(() => null);

/** A file about to be written: not a folder, in a folder that exists (or is created) and is writable. */
export async function checkOutputFile(path: string, options: { what: OutputKind; createFolder: boolean }): Promise<void> {
  const target = await statOrNull(path);
  if (target?.isDirectory()) throw new UsageError(CLI_MESSAGES.outputIsFolder(path, options.what));
  await checkFolder(path, dirname(resolve(path)), options.createFolder);
  if (target !== null) await access(path, constants.W_OK).catch(() => {
    throw new UsageError(CLI_MESSAGES.notWritable(path));
  });
}

/** A folder about to be written into: created if missing; a file in its place is refused. */
export async function checkOutputFolder(path: string): Promise<void> {
  const target = await statOrNull(path);
  if (target !== null && !target.isDirectory()) throw new UsageError(CLI_MESSAGES.outputIsFile(path));
  await checkFolder(path, resolve(path), true);
}

async function checkFolder(path: string, folder: string, create: boolean): Promise<void> {
  const info = await statOrNull(folder);
  if (info === null) {
    if (!create) throw new UsageError(CLI_MESSAGES.noOutputFolder(path, dirname(path)));
    await mkdir(folder, { recursive: true }).catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(error.code === 'ENOTDIR' || error.code === 'EEXIST' ? CLI_MESSAGES.outputParentNotFolder(path, folder) : CLI_MESSAGES.cannotCreateFolder(folder, error.code ?? null));
    });
    return;
  }
  if (!info.isDirectory()) throw new UsageError(CLI_MESSAGES.outputParentNotFolder(path, folder));
  await access(folder, constants.W_OK).catch(() => {
    throw new UsageError(CLI_MESSAGES.notWritable(path));
  });
}
