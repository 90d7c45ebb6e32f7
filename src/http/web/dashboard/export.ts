import type { Response } from 'express';
import ExcelJS from 'exceljs';

/** One table of an export: a sheet of the workbook, a block of the CSV file. */
export interface ExportSheet {
  name: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export type ExportFormat = 'csv' | 'xlsx';

export function exportFormatOf(value: unknown): ExportFormat | null {
  return value === 'csv' || value === 'xlsx' ? value : null;
}

const cell = (v: string | number) => {
  const s = String(v);
  // A cell that starts like a formula is quoted as text, so a party's name cannot run in Excel.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV, UTF-8 with a byte order mark so that Excel reads the Chinese right; tables one after another, each under its name. */
export function toCsv(sheets: ExportSheet[]): string {
  const blocks = sheets.map((s) => [...(sheets.length > 1 ? [cell(s.name)] : []), s.columns.map(cell).join(','), ...s.rows.map((r) => r.map(cell).join(','))].join('\r\n'));
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}

/** An XLSX workbook (exceljs), a sheet per table, numbers as numbers, the header row bold. */
export async function toXlsx(sheets: ExportSheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Zhifa';
  for (const s of sheets) {
    // Sheet names: at most 31 characters, none of []:*?/\.
    const sheet = book.addWorksheet(s.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31));
    sheet.addRow(s.columns).font = { bold: true };
    for (const r of s.rows) sheet.addRow(r);
    sheet.columns.forEach((c, i) => { c.width = Math.min(60, Math.max(10, ...[s.columns[i] ?? '', ...s.rows.map((r) => String(r[i] ?? ''))].map((t) => [...t].length * 2 + 2))); });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Sends the tables as a download named `filename` (without extension). */
export async function sendExport(res: Response, format: ExportFormat, filename: string, sheets: ExportSheet[]): Promise<void> {
  const name = `${filename}.${format}`;
  res.set('Content-Disposition', `attachment; filename="export.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  if (format === 'csv') res.type('text/csv; charset=utf-8').send(toCsv(sheets));
  else res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(sheets));
}
