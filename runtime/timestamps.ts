// Timestamps in Smithy's three formats, both ways: epoch-seconds, date-time (RFC 3339) and
// http-date (IMF-fixdate).

/** Milliseconds of a timestamp; a date string or a number of milliseconds is accepted too. */
export function ms(d: Date | string | number): number {
  const t = d instanceof Date ? d.getTime() : typeof d === "string" || typeof d === "number" ? new Date(d).getTime() : NaN;
  if (Number.isNaN(t)) throw new Error(`a timestamp is not a valid Date (${typeof d})`);
  return t;
}

export const epochSeconds = (d: Date): number => ms(d) / 1000;

export const dateTime = (d: Date): string => new Date(ms(d)).toISOString().replace(".000Z", "Z");

export const httpDate = (d: Date): string => new Date(ms(d)).toUTCString();

export function fromEpochSeconds(v: unknown): Date {
  const n = typeof v === "number" ? v : typeof v === "string" && /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw new Error(`${String(v)} is not an epoch-seconds timestamp`);
  return new Date(Math.round(n * 1000));
}

/** A UTC date from its fields, refusing out-of-range ones; fractional seconds to milliseconds. */
function utc(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction?: string): Date {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) throw new Error("date field out of range");
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction ? Number((fraction + "00").slice(0, 3)) : 0));
  if (year < 100) date.setUTCFullYear(year);
  return date;
}

/** An RFC 3339 date-time, with fractional seconds and an offset allowed. */
export function fromDateTime(v: unknown): Date {
  const m = typeof v === "string" ? /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.(\d+))?(?:[Zz]|([+-])(\d\d):(\d\d))$/.exec(v) : null;
  if (m === null) throw new Error(`${String(v)} is not an RFC 3339 date-time`);
  const date = utc(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7]);
  if (m[8] !== undefined) date.setTime(date.getTime() - (m[8] === "-" ? -1 : 1) * (+m[9]! * 60 + +m[10]!) * 60000);
  return date;
}

/** An IMF-fixdate (RFC 9110 http-date), as `Mon, 16 Dec 2019 23:48:18 GMT`. */
export function fromHttpDate(v: unknown): Date {
  const m = typeof v === "string" ? /^[A-Z][a-z]{2}, (\d\d) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? GMT$/.exec(v) : null;
  const month = m === null ? -1 : "JanFebMarAprMayJunJulAugSepOctNovDec".indexOf(m[2]!);
  if (m === null || month < 0 || month % 3 !== 0) throw new Error(`${String(v)} is not an HTTP date`);
  return utc(+m[3]!, month / 3, +m[1]!, +m[4]!, +m[5]!, +m[6]!, m[7]);
}
