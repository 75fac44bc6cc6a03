package gov.qpp.validators;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a module's tests, one line naming the tests skipped because the shared reference folder is absent
 * (they need its corpus or a 2023+ catalog year); nothing when none was. The same list goes to
 * {@code target/shared-skips.txt}, which .ci/run treats as a failure when the folder is there: a skip then means a
 * wrong path or a broken assumption. Registered for every module's tests through this test jar (META-INF/services);
 * such skips say "shared" in their reason.
 */
public final class SharedSkips implements TestExecutionListener {

  private final List<String> skipped = new ArrayList<>();

  /** An assumption that failed aborts its test (or, in @BeforeAll, its whole class): JUnit's way to skip. */
  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
    if (result.getStatus() == TestExecutionResult.Status.ABORTED
        && reason.toLowerCase(Locale.ROOT).contains("shared")) {
      skipped.add(name(test));
    }
  }

  /** Class.method, or Class for a whole class. */
  private static String name(TestIdentifier test) {
    return test.getSource().map(source -> {
      if (source instanceof MethodSource method) {
        return simple(method.getClassName()) + "." + method.getMethodName();
      }
      return source instanceof ClassSource type ? simple(type.getClassName()) + " (all of it)"
          : test.getDisplayName();
    }).orElse(test.getDisplayName());
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** Where the list is left for CI, relative to the module (surefire runs tests there). */
  static final Path REPORT = Path.of("target", "shared-skips.txt");

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    try {
      Files.deleteIfExists(REPORT);
    } catch (IOException e) {
      System.out.println("[shared] cannot remove " + REPORT + ": " + e.getMessage());
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (!skipped.isEmpty()) {
      try {
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, skipped);
      } catch (IOException e) {
        System.out.println("[shared] cannot write " + REPORT + ": " + e.getMessage());
      }
      System.out.println("[shared] " + skipped.size() + " skipped: they need ../shared (its corpus or a 2023+"
          + " catalog year; set -Dqpp.shared.dir or QPP_SHARED_DIR): " + String.join(", ", skipped));
    }
  }
}
