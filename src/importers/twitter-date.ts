const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// `Wed Oct 10 20:19:24 +0000 2018` (tweets.js) and `2018-10-10 20:19:24 +0000` (older Grailbird archives).
const API_DATE =
  /^[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/;
const OLD_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2})$/;

/**
 * Parses X's date formats explicitly (Date.parse of `Wed Oct 10 20:19:24 +0000 2018` is engine-dependent)
 * into an ISO 8601 UTC string; undefined when the text is not one of them or names no real instant.
 */
export function parseTwitterDate(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  let parts: [string, number, string, string, string, string, string, string, string] | undefined;
  const api = API_DATE.exec(text);
  if (api) {
    const month = MONTHS.indexOf(api[1]!) + 1;
    if (month === 0) return undefined;
    parts = [api[9]!, month, api[2]!, api[3]!, api[4]!, api[5]!, api[6]!, api[7]!, api[8]!];
  }
  const old = OLD_DATE.exec(text);
  if (old) parts = [old[1]!, Number(old[2]), old[3]!, old[4]!, old[5]!, old[6]!, old[7]!, old[8]!, old[9]!];
  if (parts === undefined) return undefined;
  const [year, month, day, hour, minute, second, sign, offsetHours, offsetMinutes] = parts;
  const local = Date.UTC(Number(year), month - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(local);
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== month - 1) return undefined;
  const offset = (sign === "-" ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return new Date(local - offset).toISOString();
}
