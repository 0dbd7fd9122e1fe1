/** Saying a message in a language, with the course's own words. */
import { en, terms as enTerms } from './en/index.js';
import type { Message } from './message.js';
import { TERM_KEYS, type Context, type Language, type Said, type Terms, type Voice } from './types.js';
import { terms as zhTerms, zhCN } from './zh-CN/index.js';

type Entries = Readonly<Record<string, (params: never, c: Context) => string>>;

const CATALOGS: Record<Language, { entries: Entries; terms: Terms }> = {
  en: { entries: en, terms: enTerms },
  'zh-CN': { entries: zhCN, terms: zhTerms },
};

/** Says messages (or keeps a string as it is) in one language. */
export type Say = (message: Message | Said | string) => string;

/**
 * The course's words over the language's own: `terms` holds only what the course names its way.
 *
 * @example createSay('zh-CN', { delta: '误差项' })(msg('grade.correct')) // '正确'
 */
export function createSay(language: Language, terms: Partial<Terms> = {}): Say {
  const catalog = CATALOGS[language];
  const merged = { ...catalog.terms };
  for (const key of TERM_KEYS) if (terms[key] !== undefined && terms[key].trim() !== '') merged[key] = terms[key];
  const context: Context = { t: merged, say: (message) => say(message) };
  const say: Say = (message) => {
    if (typeof message === 'string') return message;
    const entry = catalog.entries[message.key] as ((params: unknown, c: Context) => string) | undefined;
    // A key no catalog has is a bug; say it visibly rather than fail a whole report.
    return entry === undefined ? `[${message.key}]` : entry(message.params, context);
  };
  return say;
}

/** Says messages with a voice (English when none is given). */
export const sayWith = (voice: Voice | undefined): Say =>
  voice === undefined || (voice.language === 'en' && Object.keys(voice.terms ?? {}).length === 0) ? english : createSay(voice.language, voice.terms);

/** English with its own words: what results carry as their `message` when no language was asked for. */
export const english: Say = createSay('en');

/** The catalogs' entries by language, for tests that compare them. */
export const catalogEntries = (language: Language): Entries => CATALOGS[language].entries;
