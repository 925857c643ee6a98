/** 0.8234 -> "82.3 %"; missing values show as a dash. */
export function percent(share: number | null): string {
  return share === null ? '–' : `${(share * 100).toFixed(1)} %`;
}

/** A count or a dash. */
export function count(value: number | null): string {
  return value === null ? '–' : String(value);
}

/** A loss with four significant digits, or a dash. */
export function loss(value: number | null): string {
  return value === null ? '–' : value.toPrecision(4);
}

/** The first 12 hex digits of a content hash: enough to tell weights apart on screen. */
export function shortHash(hash: string | null): string {
  return hash === null ? '–' : hash.slice(0, 12);
}

/** An ISO time in UTC to the second; the same text on the server and in the browser. */
export function utcTime(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}
