/**
 * A UTC timestamp as ISO 8601 / RFC 3339 with whole seconds: `2026-11-20T10:00:00Z`. Squirrel.Mac parses
 * `pub_date` with the pattern `yyyy-MM-dd'T'HH:mm:ssZZZZZ`, which has no fractional seconds (`Date#toISOString`'s
 * `.398Z` would become a nil date); Tauri reads RFC 3339, which this also is.
 */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
