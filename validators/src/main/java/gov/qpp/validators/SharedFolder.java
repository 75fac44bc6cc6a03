package gov.qpp.validators;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shared reference folder (CMS's measure catalog for 2017-2026 and the public corpus of each format),
 * which stays outside the project. Found by system property {@code qpp.shared.dir}, environment variable
 * {@code QPP_SHARED_DIR}, or {@code ../shared} from the working folder; tests that need it are skipped when absent.
 */
public final class SharedFolder {

  private SharedFolder() {
  }

  public static Optional<Path> find() {
    String configured = System.getProperty("qpp.shared.dir", System.getenv("QPP_SHARED_DIR"));
    Path candidate = Path.of(configured != null ? configured : "../shared").toAbsolutePath().normalize();
    return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
  }

  /** The measure catalog folder inside the shared folder, when present. */
  public static Optional<Path> measures() {
    return find().map(root -> root.resolve("qpp-measures-data")).filter(Files::isDirectory);
  }

  /** A corpus folder such as {@code registry-json}, when present. */
  public static Optional<Path> corpus(String format) {
    return find().map(root -> root.resolve("corpus").resolve(format)).filter(Files::isDirectory);
  }
}
