/** The course secret variants are drawn from: from a file or an environment variable named on the command line, never from the rubric. */
import { readFile } from 'node:fs/promises';
import { UsageError } from './io.js';

export interface SecretOptions {
  readonly secretFile?: string;
  readonly secretEnv?: string;
}

/** Shorter secrets can be guessed, and with them every student's numbers. */
const MIN_SECRET_BYTES = 16;

export async function readSecret(options: SecretOptions): Promise<Uint8Array> {
  if ((options.secretFile === undefined) === (options.secretEnv === undefined)) {
    throw new UsageError('give the course secret with exactly one of --secret-file <file> or --secret-env <VARIABLE>');
  }
  let secret: Uint8Array;
  let where: string;
  if (options.secretFile !== undefined) {
    where = options.secretFile;
    const bytes = await readFile(options.secretFile).catch(() => {
      throw new UsageError(`${options.secretFile}: the secret file cannot be read`);
    });
    // A file written by `echo` or an editor ends in a newline that is not part of the secret.
    const end = bytes.at(-1) === 0x0a ? (bytes.at(-2) === 0x0d ? bytes.length - 2 : bytes.length - 1) : bytes.length;
    secret = new Uint8Array(bytes.subarray(0, end));
  } else {
    where = `the environment variable ${options.secretEnv}`;
    const value = process.env[options.secretEnv!];
    if (value === undefined) throw new UsageError(`${where} is not set`);
    secret = new TextEncoder().encode(value);
  }
  if (secret.length < MIN_SECRET_BYTES) {
    throw new UsageError(`${where}: the secret has ${secret.length} bytes; use at least ${MIN_SECRET_BYTES} (for example: openssl rand -hex 32)`);
  }
  return secret;
}
