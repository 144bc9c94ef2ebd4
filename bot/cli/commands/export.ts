/**
 * `export --plan KEY --format xlsx|csv|md [--as-of DATE] [--out FILE]`: the plan as a board pack, today
 * or as it stood at the end of DATE. Without --out, csv and md go to stdout; xlsx needs --out.
 */
import { writeFile } from 'node:fs/promises';
import { EXPORT_FORMATS, exportPlan, type ExportFormat } from '../../../core/export/export-plan';
import { dateOnly, endOfLocalDay, isoDate } from '../../../core/time';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export --plan KEY --format xlsx|csv|md [--as-of DATE] [--out FILE]',
  summary: 'write a plan as a board pack (optionally as it stood on a date)',
  async run(args, ctx) {
    const { options } = parseArgs(args);
    const key = stringOption(options, 'plan');
    const format = stringOption(options, 'format') ?? 'xlsx';
    const out = stringOption(options, 'out');
    const asOfText = stringOption(options, 'as-of');
    if (!key || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      ctx.err(`usage: npm run chaser -- ${this.usage}`);
      return 2;
    }
    if (format === 'xlsx' && !out) {
      ctx.err('an xlsx export needs --out FILE');
      return 2;
    }
    if (asOfText !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText) || isoDate(dateOnly(asOfText)) !== asOfText)) {
      ctx.err(`--as-of must be a date such as 2015-06-30, got "${asOfText}"`);
      return 2;
    }
    // The end of that day where the organisation is: everything recorded that day counts.
    const asOf = asOfText ? endOfLocalDay(asOfText, ctx.core.timeZone) : undefined;
    const file = await exportPlan(ctx.core, key, format as ExportFormat, asOf);
    if (!file) {
      ctx.err(`no plan with key ${key}`);
      return 1;
    }
    if (out) {
      await writeFile(out, file);
      ctx.out(`wrote ${out}`);
    } else ctx.out(file.toString('utf8').trimEnd());
    return 0;
  },
};
