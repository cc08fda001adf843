// How deep a JSON text nests, found by one linear scan before it is parsed: the code that walks a
// parsed value (normalising, redacting, printing) recurses once a level, so a document nested
// thousands deep — a hostile or broken server, a crafted request — would end in "Maximum call
// stack size exceeded" somewhere far from its cause. SCIM documents nest a handful of levels.

/** Deeper than any SCIM document (a ListResponse → resource → extension → complex → value is 5). */
export const MAX_JSON_DEPTH = 100;

/**
 * True when `text` opens more than `max` arrays/objects inside each other. Strings are jumped over
 * with indexOf (most of a SCIM page is string content), which keeps this at about a third of the
 * cost of JSON.parse on the same page.
 */
export function nestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // The string ends at the next quote not escaped by an odd run of backslashes.
      for (;;) {
        i = text.indexOf('"', i + 1);
        if (i === -1) return false;
        let k = i - 1;
        while (text.charCodeAt(k) === 0x5c) k -= 1;
        if ((i - 1 - k) % 2 === 0) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}
