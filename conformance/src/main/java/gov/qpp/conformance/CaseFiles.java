package gov.qpp.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a manifest's case documents live: a folder on disk, or the suite packed inside the jar. */
interface CaseFiles {

  /** The bytes of {@code relativePath}, already checked to stay inside the cases folder. */
  byte[] read(String relativePath) throws IOException;

  /** Names the folder in error messages. */
  String describe();

  static CaseFiles directory(Path root) {
    return new CaseFiles() {
      @Override
      public byte[] read(String relativePath) throws IOException {
        return Files.readAllBytes(root.resolve(relativePath));
      }

      @Override
      public String describe() {
        return root.toString();
      }
    };
  }

  static CaseFiles classpath(String root) {
    return new CaseFiles() {
      @Override
      public byte[] read(String relativePath) throws IOException {
        String name = root + "/" + relativePath;
        try (InputStream in = CaseFiles.class.getClassLoader().getResourceAsStream(name)) {
          if (in == null) {
            throw new NoSuchFileException(name);
          }
          return in.readAllBytes();
        }
      }

      @Override
      public String describe() {
        return "classpath:" + root;
      }
    };
  }
}
