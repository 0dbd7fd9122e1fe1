/** Which language to speak: `--lang`, else the rubric's `language:`, else the environment's locale, else English. */
import { LANGUAGES, type Language, type Terms, type Voice } from './types.js';

/**
 * A language tag or locale as people write them: `zh-CN`, `zh`, `zh_CN.UTF-8`, `zh-Hans`, `en_US`; null for
 * anything else (`C`, `POSIX`, `fr_FR`).
 */
export function parseLanguage(text: string | undefined | null): Language | null {
  const tag = (text ?? '').trim().replace(/[.@].*$/, '').replace(/_/g, '-').toLowerCase();
  if (tag === '') return null;
  if (tag === 'zh' || tag.startsWith('zh-')) return 'zh-CN';
  if (tag === 'en' || tag.startsWith('en-')) return 'en';
  return LANGUAGES.find((language) => language.toLowerCase() === tag) ?? null;
}

/** The locale the environment asks for, as POSIX reads it: LC_ALL, then LC_MESSAGES, then LANG (the first set wins). */
export function languageFromEnvironment(env: Readonly<Record<string, string | undefined>>): Language | null {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((value) => value !== undefined && value !== '');
  return parseLanguage(locale);
}

/** The first choice that is given: the command's, the rubric's, the environment's; English otherwise. */
export function chooseLanguage(...choices: readonly (Language | null | undefined)[]): Language {
  return choices.find((choice): choice is Language => choice !== null && choice !== undefined) ?? 'en';
}

/** The rubric's title in `language`: its `titles:` entry, else its `title`. */
export const titleIn = (rubric: { readonly title: string; readonly titles: Partial<Record<Language, string>> }, language: Language): string =>
  rubric.titles[language] ?? rubric.title;

/** What a rubric says about language: the one it speaks, and its words (for that language, or per language). */
export interface RubricSpeech {
  readonly language?: Language | undefined;
  readonly terms: Partial<Terms> | Partial<Record<Language, Partial<Terms>>>;
}

const isPerLanguage = (terms: RubricSpeech['terms']): terms is Partial<Record<Language, Partial<Terms>>> =>
  Object.keys(terms).some((key) => (LANGUAGES as readonly string[]).includes(key));

/**
 * The voice a command speaks in: `--lang`, else the rubric's `language:`, else the locale, else English;
 * with the rubric's words for that language.
 *
 * @example voiceFor({ terms: { 'zh-CN': { coef: 'coef' } } }, 'zh-CN', null) // { language: 'zh-CN', terms: { coef: 'coef' } }
 */
export function voiceFor(rubric: RubricSpeech, asked: Language | null | undefined, locale: Language | null): Voice {
  const language = chooseLanguage(asked, rubric.language, locale);
  const { terms } = rubric;
  if (isPerLanguage(terms)) return { language, terms: terms[language] ?? {} };
  return { language, terms: rubric.language === undefined || rubric.language === language ? terms : {} };
}
