/** The course secret variants are drawn from: from a file or an environment variable named on the command line, never from the rubric. */
import { readFile } from 'node:fs/promises';
import { msg } from '../i18n/index.js';
import { UsageError } from './io.js';

export interface SecretOptions {
  readonly secretFile?: string;
  readonly secretEnv?: string;
}

/** Shorter secrets can be guessed, and with them every student's numbers. */
const MIN_SECRET_BYTES = 16;

export async function readSecret(options: SecretOptions): Promise<Uint8Array> {
  if ((options.secretFile === undefined) === (options.secretEnv === undefined)) {
    throw new UsageError(msg('variants.secret.exactlyOne'));
  }
  let secret: Uint8Array;
  if (options.secretFile !== undefined) {
    const path = options.secretFile;
    const bytes = await readFile(path).catch(() => {
      throw new UsageError(msg('variants.secret.unreadable', { path }));
    });
    // A file written by `echo` or an editor ends in a newline that is not part of the secret.
    const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
    secret = new Uint8Array(bytes.subarray(0, end));
  } else {
    const variable = options.secretEnv!;
    const value = process.env[variable];
    if (value === undefined) throw new UsageError(msg('variants.secret.notSet', { variable }));
    secret = new TextEncoder().encode(value);
  }
  if (secret.length < MIN_SECRET_BYTES) {
    const size = { bytes: secret.length, least: MIN_SECRET_BYTES, example: 'openssl rand -hex 32' };
    throw new UsageError(options.secretFile !== undefined ? msg('variants.secret.tooShortFile', { path: options.secretFile, ...size }) : msg('variants.secret.tooShortEnv', { variable: options.secretEnv!, ...size }));
  }
  return secret;
}
