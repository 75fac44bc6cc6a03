package gov.qpp.validators.claims;

import java.util.Arrays;

/**
 * Numbers distinct 64-bit keys 0, 1, 2, ... in the order they are first seen, in an open-addressing table of
 * primitives: about 40 bytes a key at worst (half-full table, doubled arrays), where a HashMap of boxed keys costs over 60, and no object per key for the
 * collector to trace. Millions of claims instances fit a small heap this way.
 */
final class LongIndex {

  /** Slot s holds its key at 2s and its number at 2s + 1 (-1: empty), so one probe reads one cache line. */
  private long[] table = empty(1 << 12);
  private long[] keys = new long[1 << 11];
  private int size;

  /** The number of {@code key}: its existing one, or the next free one when it is new (then size grows by 1). */
  int indexOf(long key) {
    if (size * 4 >= table.length) {
      grow();
    }
    int mask = (table.length >> 1) - 1;
    int slot = (int) (mix(key) & mask);
    while (true) {
      long index = table[2 * slot + 1];
      if (index < 0) {
        break;
      }
      if (table[2 * slot] == key) {
        return (int) index;
      }
      slot = (slot + 1) & mask;
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, keys.length * 2);
    }
    keys[size] = key;
    table[2 * slot] = key;
    table[2 * slot + 1] = size;
    return size++;
  }

  int size() {
    return size;
  }

  /** The key numbered {@code index}. */
  long key(int index) {
    return keys[index];
  }

  private void grow() {
    long[] bigger = empty(table.length * 2);
    int mask = (bigger.length >> 1) - 1;
    for (int index = 0; index < size; index++) {
      long key = keys[index];
      int slot = (int) (mix(key) & mask);
      while (bigger[2 * slot + 1] >= 0) {
        slot = (slot + 1) & mask;
      }
      bigger[2 * slot] = key;
      bigger[2 * slot + 1] = index;
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
