/** The date printed on reports: given, else SOURCE_DATE_EPOCH (reproducible builds), else today. */
import { msg } from '../i18n/index.js';
import { UsageError } from './io.js';

export function gradingDate(given: string | undefined): string {
  if (given !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given) || Number.isNaN(Date.parse(given))) throw new UsageError(msg('cli.badDate', { date: given }));
    return given;
  }
  const epoch = process.env['SOURCE_DATE_EPOCH'];
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
