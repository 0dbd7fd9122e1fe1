/** Chinese wording that carries meaning beyond its words. */
import { describe, expect, it } from 'vitest';
import { createSay, msg } from '../../src/i18n/index.js';

const zh = createSay('zh-CN');

describe('zh-CN wording', () => {
  it('calls integrity signals suspicions (疑似), never findings, wherever a TA reads them', () => {
    for (const message of [msg('cli.integritySignals', { count: 2 }), msg('summary.integrity'), msg('integrity.none')]) {
      expect(zh(message)).toContain('疑似');
    }
    expect(zh(msg('integrity.intro'))).toMatch(/不影响分数/);
  });
});
