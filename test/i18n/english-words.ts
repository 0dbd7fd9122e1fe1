/** English words in a text once what is no sentence is taken out: for the tests that hold Chinese output to Chinese. */

/** Names and symbols that are no sentence: the tool, the rubric's id and layer names, function names in formulas. */
const ALLOWED = new Set(['stepmark', 'seed', 'cnn', 'CC', 'PP', 'Pm', 'FC', 'loss', 'coef', 'sigmoid', 'softmax', 'ln', 'exp', 'max', 'argmax', 'out', 'target']);

/** English words left once file names, cell addresses, step ids and their stems are taken out; `also` allows more names. */
export function englishWords(text: string, also: Iterable<string> = []): string[] {
  const allowed = new Set([...ALLOWED, ...also]);
  const cleaned = text
    .replace(/\S+\.(?:xlsx|xls|ods|csv|pdf)\b/g, ' ')
    .replace(/[^\s!（(]+![A-Z]{1,3}\d+/g, ' ')
    .replace(/\b[A-Za-z]+(?:_[A-Za-z]+)*\d+(?:_new)?\b/g, ' ')
    .replace(/\b(?:in|out|coef)_[a-z]+\b/g, ' ');
  return (cleaned.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !allowed.has(word));
}
