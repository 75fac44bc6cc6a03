package gov.qpp.conformance;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code [--gateway URL --token TOKEN] [--measures DIR] [--report-dir DIR] [--manifest FILE]}.
 * Without {@code --gateway} the cases run in-process on the catalog from {@code --measures}, else
 * {@code QPP_MEASURES_DIR}, else the one packed in the jar ({@code measures} is then null).
 */
record CliOptions(URI gateway, String token, Path measures, Path reportDir, Path manifest, boolean help) {

  static final String USAGE = """
      usage: java -jar conformance.jar [--gateway URL --token TOKEN] [--measures DIR] [--report-dir DIR]
                                       [--manifest FILE]
        --gateway URL     run against a gateway's POST /api/submissions/validate (default: in-process)
        --token TOKEN     bearer token for --gateway (or set QPP_TOKEN, which stays out of the process list)
        --measures DIR    qpp-measures-data folder for in-process runs (default: QPP_MEASURES_DIR, else the
                          catalog packed in the jar, 2017-2022)
        --report-dir DIR  also write TEST-conformance.xml (JUnit XML) and conformance.html there
        --manifest FILE   another suite's manifest.json (its documents in the cases/ folder beside it)
      exit status: 0 all cases passed, 1 some failed, 2 usage or configuration error""";

  private static final Set<String> OPTIONS = Set.of("--gateway", "--token", "--measures", "--report-dir",
      "--manifest");

  /** A command line that cannot run; the message says which option is wrong and how. */
  static final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  static CliOptions parse(String[] args, Map<String, String> env) throws UsageException {
    URI gateway = null;
    String token = null;
    Path measures = null;
    Path reportDir = null;
    Path manifest = null;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      if (option.equals("--help") || option.equals("-h")) {
        return new CliOptions(null, null, null, null, null, true);
      }
      if (!OPTIONS.contains(option)) {
        throw new UsageException(option.startsWith("-") ? "unknown option " + option
            : "unexpected argument '" + option + "'");
      }
      if (i + 1 >= args.length || args[i + 1].isBlank()) {
        throw new UsageException(option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--gateway" -> gateway = gatewayUrl(value);
        case "--token" -> token = value;
        case "--measures" -> measures = Path.of(value);
        case "--report-dir" -> reportDir = Path.of(value);
        case "--manifest" -> manifest = Path.of(value);
        default -> throw new IllegalStateException("option listed but not handled: " + option);
      }
    }
    if (gateway != null && token == null) {
      // From the environment too, so the token need not appear in the process list.
      String fromEnv = env.get("QPP_TOKEN");
      token = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
    if (gateway != null && token == null) {
      throw new UsageException("--gateway needs --token or QPP_TOKEN (the gateway's bearer token)");
    }
    if (gateway == null && token != null) {
      throw new UsageException("--token is only used with --gateway");
    }
    if (gateway != null && measures != null) {
      throw new UsageException("--measures is for in-process runs; with --gateway the gateway's own catalog is used");
    }
    if (gateway == null && measures == null) {
      String fromEnv = env.get("QPP_MEASURES_DIR");
      measures = fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }
    return new CliOptions(gateway, token, measures, reportDir, manifest, false);
  }

  private static URI gatewayUrl(String value) throws UsageException {
    try {
      URI uri = new URI(value);
      boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
      if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
        throw new UsageException("--gateway must be an http(s) base URL such as http://localhost:8080, found '"
            + value + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new UsageException("--gateway '" + value + "' is not a URL: " + e.getMessage());
    }
  }
}
