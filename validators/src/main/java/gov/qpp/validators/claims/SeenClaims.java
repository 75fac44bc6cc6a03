package gov.qpp.validators.claims;

/**
 * The claims already read in a file, to refuse a claim id used twice: 64-bit hashes of (TIN, claim id) in a
 * {@link LongIndex}, not a string each. Two different claims share a hash with a chance of about n²/2⁶⁵ (10⁻⁷ for
 * a million claims); the cost of one would be a false "duplicate" message.
 */
final class SeenClaims {

  private final LongIndex seen = new LongIndex();

  /** True when the claim is new; false when it was seen before. */
  boolean add(String tin, String claimId) {
    int before = seen.size();
    seen.indexOf(hash(tin, claimId));
    return seen.size() > before;
  }

  int size() {
    return seen.size();
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
}
