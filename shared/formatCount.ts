/** `251287` → `251,287`, whatever the machine's locale, as every message around a count is English. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}
