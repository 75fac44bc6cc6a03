package gov.qpp.validators.claims;

/**
 * The claims already read in a file, to refuse a claim id used twice. Kept as 64-bit hashes of (TIN, claim id) in
 * an open-addressing table: 8 bytes a claim instead of a string each. Two different claims share a hash with a
 * chance of about n²/2⁶⁵ (10⁻⁷ for a million claims); the cost of one would be a false "duplicate" message.
 */
final class SeenClaims {

  private long[] table = new long[1 << 12];
  private int size;

  /** True when the claim is new; false when it was seen before. */
  boolean add(String tin, String claimId) {
    long hash = hash(tin, claimId);
    if (hash == 0) {
      hash = 1; // 0 marks an empty slot
    }
    if (size * 2 >= table.length) {
      grow();
    }
    int mask = table.length - 1;
    int slot = (int) (mix(hash) & mask);
    while (table[slot] != 0) {
      if (table[slot] == hash) {
        return false;
      }
      slot = (slot + 1) & mask;
    }
    table[slot] = hash;
    size++;
    return true;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    int mask = table.length - 1;
    for (long hash : old) {
      if (hash != 0) {
        int slot = (int) (mix(hash) & mask);
        while (table[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[slot] = hash;
      }
    }
  }

  /** FNV-1a over the characters of "tin|claimId", 64 bits. */
  private static long hash(String tin, String claimId) {
    long hash = 0xcbf29ce484222325L;
    hash = fnv(hash, tin);
    hash = (hash ^ '|') * 0x100000001b3L;
    return fnv(hash, claimId);
  }

  private static long fnv(long hash, String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
    }
    return hash;
  }

  private static long mix(long hash) {
    return hash ^ (hash >>> 29) ^ (hash >>> 47);
  }
}
