/** Short stable hashes for fingerprints (FNV-1a, 32 bit, hex). */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Keys of recent sentences: a long sentence with many findings is hashed once, not once per finding. */
const KEYS = new Map<string, string>();

/** A sentence's key for fingerprints: its text with every number masked, so editing another figure keeps it. */
export function sentenceKey(s: string): string {
  let k = KEYS.get(s);
  if (k === undefined) {
    if (KEYS.size >= 256) KEYS.clear();
    KEYS.set(s, (k = hash(s.replace(/[0-9\uFF10-\uFF19]+(?:\.[0-9]+)?/g, '#'))));
  }
  return k;
}
