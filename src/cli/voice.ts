/**
 * The language a command speaks: `--lang`, else the rubric's `language:`, else the locale
 * (LC_ALL, LC_MESSAGES, LANG), else English. Only the CLI reads the environment.
 */
import { languageFromEnvironment, parseLanguage, sayWith, voiceFor, type Language, type RubricSpeech, type Say, type Voice } from '../i18n/index.js';
import type { Io } from './io.js';

/** The environment's language (tests pass their own `env` through Io). */
export const localeLanguage = (io: Io): Language | null => languageFromEnvironment(io.env ?? process.env);

/** The language of the rubric a run has read, by the run's Io: a failure after that is said in it (`--lang` still first). */
const rubricLanguages = new WeakMap<Io, Language>();

/** Remembers the rubric's `language:` for the failures of this run (see failureLanguage). */
export function heardRubric(io: Io, rubric: RubricSpeech): void {
  if (rubric.language !== undefined) rubricLanguages.set(io, rubric.language);
}

/** A new run forgets the rubric of the last one on the same Io. */
export const forgetRubric = (io: Io): void => {
  rubricLanguages.delete(io);
};

export const commandVoice = (io: Io, rubric: RubricSpeech, asked: Language | undefined): Voice => {
  heardRubric(io, rubric);
  return voiceFor(rubric, asked, localeLanguage(io));
};

export const commandSay = (io: Io, rubric: RubricSpeech, asked: Language | undefined): Say => sayWith(commandVoice(io, rubric, asked));

/**
 * The language to report a failure in, as a command speaks: `--lang` if the arguments hold a
 * valid one, else the language of the rubric the run has read (if it got that far), else the locale.
 */
export function failureLanguage(argv: readonly string[], io: Io): Language | null {
  for (const [k, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[k + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    const language = parseLanguage(value);
    if (language !== null) return language;
  }
  return rubricLanguages.get(io) ?? localeLanguage(io);
}
