// Word lists for rules' `starts`: a pattern such as `send(?:s|ing)?` begins with any of its stems'
// forms, written out here as the pattern spells them (so `share(?:s|ing)?` gives "shareing", not "sharing").

/** Every stem, and every stem followed by each ending: inflected(['send'], ['s', 'ing']) is send, sends, sending. */
export function inflected(stems: readonly string[], endings: readonly string[]): string[] {
  return stems.flatMap((stem) => [stem, ...endings.map((ending) => stem + ending)]);
}
