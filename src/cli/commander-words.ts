/**
 * commander's own words in another language: it has no catalogs of its own, so its errors are read
 * back by their fixed English forms and said again, and an option's choices and default are
 * described here. English is left exactly as commander writes it.
 */
import type { Option } from 'commander';
import { english, msg, type Message, type Say } from '../i18n/index.js';

const ERRORS: readonly (readonly [RegExp, (m: RegExpExecArray) => Message])[] = [
  [/^error: missing required argument '(.+)'$/, (m) => msg('commander.missingArgument', { name: m[1]! })],
  [/^error: unknown option '([^']+)'$/, (m) => msg('commander.unknownOption', { flag: m[1]! })],
  [/^error: unknown command '([^']+)'$/, (m) => msg('commander.unknownCommand', { name: m[1]! })],
  [/^error: option '(.+)' argument missing$/, (m) => msg('commander.optionMissingArgument', { flag: m[1]! })],
  [/^error: required option '(.+)' not specified$/, (m) => msg('commander.requiredOption', { flag: m[1]! })],
  [/^error: option '(.+)' argument '(.*)' is invalid\. ?(.*)$/, (m) => msg('commander.invalidArgument', { flag: m[1]!, value: m[2]!, reason: reason(m[3]!) })],
  [/^error: too many arguments.*$/, () => msg('commander.tooManyArguments')],
];

/** commander's own reason for a value it refuses (its choices), said again; a reason of ours is already said. */
function reason(text: string): Message | string {
  const choices = /^Allowed choices are (.+)\.$/.exec(text);
  return choices === null ? text : msg('commander.allowedChoices', { choices: choices[1]!.split(', ') });
}

/** One line of commander's error output, said by `say`; a line it does not know stays as it is. */
export function commanderError(text: string, say: Say): string {
  if (say === english) return text;
  return text.split('\n').map((line) => {
    const suggestion = /^\(Did you mean (.+)\?\)$/.exec(line);
    if (suggestion !== null) return say(msg('commander.didYouMean', { suggestion: suggestion[1]! }));
    for (const [pattern, note] of ERRORS) {
      const match = pattern.exec(line);
      if (match !== null) return say(note(match));
    }
    return line;
  }).join('\n');
}

/** An option's description with its choices and default, said by `say` (undefined in English: commander's own). */
export function optionDescription(say: Say): ((option: Option) => string) | undefined {
  if (say === english) return undefined;
  return (option) => {
    const choices = (option.argChoices ?? []).map((choice) => JSON.stringify(choice));
    const shown = option.defaultValue !== undefined && (option.required || option.optional);
    const value = shown ? (option.defaultValueDescription ?? JSON.stringify(option.defaultValue)) : null;
    return choices.length === 0 && value === null ? option.description : `${option.description}${say(msg('commander.optionExtras', { choices, value }))}`;
  };
}

