/**
 * A usage error is said from the catalogs: it takes a catalog message (a plain string is a type
 * error, checked by `npm run typecheck` through the directive below), and the course secret's
 * usage errors (`variants`) read in Chinese with --lang zh-CN.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/io.js';
import { createSay, msg } from '../../src/i18n/index.js';
import { englishWords } from '../i18n/english-words.js';
import { seedVariantsText } from '../variants/fixtures.js';
import { stepmark } from './run.js';

const work = mkdtempSync(join(tmpdir(), 'stepmark-usage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('usage errors', () => {
  it('take a catalog message only, and say it in any language', () => {
    const error = new UsageError(msg('variants.secret.notSet', { variable: 'COURSE_SECRET' }));
    expect(error.message).toBe('the environment variable COURSE_SECRET is not set');
    expect(createSay('zh-CN')(error.note)).toBe('环境变量 COURSE_SECRET 未设置');
    // @ts-expect-error a plain (English) string is no catalog message
    const plain = new UsageError('the environment variable COURSE_SECRET is not set');
    expect(plain).toBeInstanceOf(UsageError);
  });

  it('the course secret: every way to give it wrong is said in Chinese', async () => {
    const rubric = join(work, 'hw.yaml');
    const roster = join(work, 'class.csv');
    const short = join(work, 'short.txt');
    writeFileSync(rubric, seedVariantsText());
    writeFileSync(roster, '学号,姓名\n2023000001,王晓东\n');
    writeFileSync(short, 'abc\n');
    const base = ['variants', rubric, '--roster', roster, '-o', join(work, 'variants.csv'), '--lang', 'zh-CN'];
    const variable = 'STEPMARK_TEST_SHORT_SECRET';
    process.env[variable] = 'abc';
    try {
      const cases: readonly (readonly [string[], string])[] = [
        [[], '恰好一个给出课程密钥'],
        [['--secret-file', short, '--secret-env', variable], '恰好一个给出课程密钥'],
        [['--secret-env', 'STEPMARK_TEST_UNSET_SECRET'], '环境变量 STEPMARK_TEST_UNSET_SECRET 未设置'],
        [['--secret-file', join(work, 'missing.txt')], '无法读取密钥文件'],
        [['--secret-file', short], '密钥只有 3 字节；请至少用 16 字节'],
        [['--secret-env', variable], `环境变量 ${variable}：密钥只有 3 字节`],
      ];
      for (const [args, said] of cases) {
        const outcome = await stepmark([...base, ...args]);
        expect(outcome.code).toBe(2);
        expect(outcome.stderr).toContain(said);
        const text = outcome.stderr.replaceAll(work, ' ').replace(/--[a-z-]+/g, ' ').replace(/STEPMARK_TEST_\w+/g, ' ');
        expect(englishWords(text, ['openssl', 'rand', 'hex', 'missing', 'txt', 'short'])).toEqual([]);
      }
    } finally {
      delete process.env[variable];
    }
  });
});
