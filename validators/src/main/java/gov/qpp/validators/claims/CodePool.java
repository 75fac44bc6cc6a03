package gov.qpp.validators.claims;

import java.util.HashMap;
import java.util.Map;

/**
 * One shared String per distinct code of a file (HCPCS, modifier, place of service, diagnosis): the few thousand
 * codes of a claims file recur millions of times, and a pooled String computes its hash once for every map the
 * evaluation looks it up in. Bounded: past {@link #MAX_CODES} codes are no longer pooled, only returned.
 */
final class CodePool {

  static final int MAX_CODES = 200_000;

  private final Map<String, String> codes = new HashMap<>();

  String pooled(String code) {
    String known = codes.get(code);
    if (known != null) {
      return known;
    }
    if (codes.size() < MAX_CODES) {
      codes.put(code, code);
    }
    return code;
  }
}
