/**
 * Spreadsheet-safe CSV cells (OWASP CSV injection): a text cell that a spreadsheet would run as a formula
 * (it starts with =, +, -, @, a tab or a CR) is prefixed with a single quote, so it is shown as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeCell(value: unknown): unknown {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
