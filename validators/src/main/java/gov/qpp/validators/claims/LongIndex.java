package gov.qpp.validators.claims;

/**
 * Numbers distinct 64-bit keys 0, 1, 2, ... in the order they are first seen, in an open-addressing table of
 * primitives (key and number side by side, so one probe reads one cache line): 21 to 43 bytes a key, where a
 * HashMap of boxed keys costs over 60, and no object per key for the collector to trace. Millions of claims
 * instances fit a small heap this way.
 */
final class LongIndex {

  /** Receives each key with its number. */
  interface Entry {
    void accept(long key, int number);
  }

  /** Slot s holds its key at 2s and its number at 2s + 1 (-1: empty). */
  private long[] table = empty(1 << 12);
  private int size;

  /** The number of {@code key}: its existing one, or the next free one when it is new (then size grows by 1). */
  int indexOf(long key) {
    // at most 3/4 of the slots filled: linear probing stays short
    if (size * 8L >= table.length * 3L) {
      grow();
    }
    int mask = (table.length >> 1) - 1;
    int slot = (int) (mix(key) & mask);
    while (true) {
      long number = table[2 * slot + 1];
      if (number < 0) {
        break;
      }
      if (table[2 * slot] == key) {
        return (int) number;
      }
      slot = (slot + 1) & mask;
    }
    table[2 * slot] = key;
    table[2 * slot + 1] = size;
    return size++;
  }

  int size() {
    return size;
  }

  /** Every key with its number, in no particular order. */
  void forEach(Entry entry) {
    for (int slot = 0; slot < table.length; slot += 2) {
      if (table[slot + 1] >= 0) {
        entry.accept(table[slot], (int) table[slot + 1]);
      }
    }
  }

  private void grow() {
    long[] bigger = empty(table.length * 2);
    int mask = (bigger.length >> 1) - 1;
    for (int old = 0; old < table.length; old += 2) {
      if (table[old + 1] < 0) {
        continue;
      }
      int slot = (int) (mix(table[old]) & mask);
      while (bigger[2 * slot + 1] >= 0) {
        slot = (slot + 1) & mask;
      }
      bigger[2 * slot] = table[old];
      bigger[2 * slot + 1] = table[old + 1];
    }
    table = bigger;
  }

  private static long[] empty(int length) {
    long[] table = new long[length];
    for (int i = 1; i < length; i += 2) {
      table[i] = -1;
    }
    return table;
  }

  /** Spreads the bits of keys that differ only in a few fields (a murmur3 finaliser). */
  private static long mix(long key) {
    key ^= key >>> 33;
    key *= 0xff51afd7ed558ccdL;
    key ^= key >>> 33;
    return key;
  }
}
