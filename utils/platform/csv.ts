/**
 * One field, quoted as RFC 4180 says (commas, quotes, line breaks), and defused for spreadsheets:
 * text starting with = + - @ would run as a formula in Excel or Sheets, so it gets a leading '.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
