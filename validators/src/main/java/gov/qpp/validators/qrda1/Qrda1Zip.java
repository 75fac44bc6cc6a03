package gov.qpp.validators.qrda1;

import gov.qpp.validators.problems.Location;
import gov.qpp.validators.problems.Problem;
import gov.qpp.validators.problems.ProblemCode;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip of QRDA I documents (one per patient, as EHRs export them) as a stream, one document in memory at a
 * time, and refuses what a hostile archive does: too many entries, an entry or a total too large, an expansion
 * beyond {@link #MAX_EXPANSION} times the compressed bytes actually read (headers are not trusted), archives inside
 * the archive, and names that are absolute or climb out ("../"). Entries that are not {@code .xml} are skipped.
 */
final class Qrda1Zip {

  static final int MAX_ENTRIES = 10_000;
  static final int MAX_ENTRY_BYTES = 16 * 1024 * 1024;
  static final long MAX_TOTAL_BYTES = 1024L * 1024 * 1024;
  /** XML compresses 10-20 times; a zip bomb a thousand and more. Checked once 1 MiB has been expanded. */
  static final int MAX_EXPANSION = 100;
  private static final long EXPANSION_CHECKED_FROM = 1024 * 1024;

  /** Receives each XML document of the archive. */
  interface Documents {
    void document(String name, byte[] bytes);
  }

  private Qrda1Zip() {
  }

  /** Counts the compressed bytes the zip reader actually consumes. */
  private static final class Counting extends FilterInputStream {
    long count;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Reads every document; null when the archive was read to its end, else the problem that stopped it. */
  static Problem read(InputStream in, Documents documents) {
    Counting compressed = new Counting(in);
    long expanded = 0;
    int entries = 0;
    int xmlDocuments = 0;
    try (ZipInputStream zip = new ZipInputStream(compressed)) {
      ZipEntry entry;
      byte[] buffer = new byte[64 * 1024];
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > MAX_ENTRIES) {
          return Problem.of(ProblemCode.QRDA1_ZIP_LIMIT, "zip", "the archive has more than " + MAX_ENTRIES
              + " entries");
        }
        String name = entry.getName();
        if (!safeName(name)) {
          return Problem.of(ProblemCode.QRDA1_ZIP_ENTRY_NAME, Location.of("entry " + entries).in("zip"), "entry name '" + name
              + "' is absolute or leaves the archive's folder; names are relative paths without '..'");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (isArchiveName(lower)) {
          return Problem.of(ProblemCode.QRDA1_ZIP_NESTED, Location.of(name).in("zip"), "archives inside the archive are refused;"
              + " put every QRDA I document in one zip");
        }
        if (entry.isDirectory() || !lower.endsWith(".xml")) {
          continue;
        }
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        int n;
        while ((n = zip.read(buffer)) > 0) {
          expanded += n;
          if (document.size() + n > MAX_ENTRY_BYTES) {
            return Problem.of(ProblemCode.QRDA1_ZIP_LIMIT, Location.of(name).in("zip"), "the document expands past "
                + MAX_ENTRY_BYTES + " bytes; one patient's QRDA I is far smaller");
          }
          if (expanded > MAX_TOTAL_BYTES) {
            return Problem.of(ProblemCode.QRDA1_ZIP_LIMIT, Location.of(name).in("zip"), "the archive expands past "
                + MAX_TOTAL_BYTES + " bytes");
          }
          if (expanded > EXPANSION_CHECKED_FROM && expanded > (long) MAX_EXPANSION * Math.max(1, compressed.count)) {
            return Problem.of(ProblemCode.QRDA1_ZIP_LIMIT, Location.of(name).in("zip"), "the archive expands more than "
                + MAX_EXPANSION + " times its compressed size (a zip bomb)");
          }
          document.write(buffer, 0, n);
        }
        byte[] bytes = document.toByteArray();
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
          return Problem.of(ProblemCode.QRDA1_ZIP_NESTED, Location.of(name).in("zip"), "this entry is itself a zip archive");
        }
        xmlDocuments++;
        documents.document(name, bytes);
      }
    } catch (IOException | IllegalArgumentException e) {
      return Problem.of(ProblemCode.QRDA1_ZIP_UNREADABLE, "zip", "the archive cannot be read: " + e.getMessage());
    }
    if (xmlDocuments == 0) {
      return Problem.of(ProblemCode.QRDA1_ZIP_EMPTY, "zip", "the archive holds no .xml document ("
          + entries + " entries)");
    }
    return null;
  }

  static boolean safeName(String name) {
    if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf(':') >= 0
        || name.indexOf('\0') >= 0) {
      return false;
    }
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static boolean isArchiveName(String lower) {
    return lower.endsWith(".zip") || lower.endsWith(".jar") || lower.endsWith(".gz") || lower.endsWith(".tgz")
        || lower.endsWith(".7z") || lower.endsWith(".rar") || lower.endsWith(".tar");
  }
}
