// Untrusted values quoted in error messages: short, on one line, with no character that could
// break a terminal or a log line (controls, line separators, bidi overrides).

/** At most `max` characters of an untrusted value, JSON-quoted, for an error message. */
export function excerpt(value: unknown, max = 60): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  return JSON.stringify(clean.length > max ? `${clean.slice(0, max)}…` : clean);
}
