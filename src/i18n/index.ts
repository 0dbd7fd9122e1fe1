/** Every word a person reads, in their language: messages as data, catalogs per language, and saying them. */
export { LANGUAGES, TERM_KEYS, type Language, type Said, type TermKey, type Terms, type Voice } from './types.js';
export { msg, type Message, type MessageKey } from './message.js';
export { createSay, english, sayWith, type Say } from './say.js';
export { chooseLanguage, languageFromEnvironment, parseLanguage, titleIn, voiceFor, type RubricSpeech } from './language.js';
export { noteOr, said, withNote } from './note.js';
