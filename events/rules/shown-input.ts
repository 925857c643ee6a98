/**
 * An id as a refusal quotes it: bare when it looks like an id, else JSON-quoted (an empty
 * or blank value stays visible) and cut after `max` characters (a pasted page does not come
 * back whole in the error message).
 */
export function shownInput(text: string, max = 40): string {
  if (/^[\w.:/-]+$/.test(text) && text.length <= max) return text;
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  const more = text.length > max ? ` (${text.length} characters)` : '';
  return `${JSON.stringify(shown)}${more}`;
}
