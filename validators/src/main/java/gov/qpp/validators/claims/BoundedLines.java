package gov.qpp.validators.claims;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines without ever holding more than one line: a line past the limit is reported as too
 * long and skipped to its end. A UTF-8 byte-order mark at the start and a CR before each LF are dropped.
 */
final class BoundedLines {

  /** Receives each line (bytes {@code [0, length)} of a reused buffer, valid only during the call). */
  interface Consumer {
    void line(byte[] bytes, int length, long lineNumber);

    void tooLong(long lineNumber);
  }

  private BoundedLines() {
  }

  static void read(InputStream in, int maxLineBytes, Consumer consumer) throws IOException {
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[4096];
    int length = 0;
    long lineNumber = 1;
    boolean overflow = false;
    boolean first = true;
    int read;
    while ((read = in.read(chunk)) > 0) {
      int start = 0;
      if (first) {
        start = read >= 3 && chunk[0] == (byte) 0xEF && chunk[1] == (byte) 0xBB && chunk[2] == (byte) 0xBF ? 3 : 0;
        first = false;
      }
      for (int i = start; i < read; i++) {
        byte b = chunk[i];
        if (b == '\n') {
          end(consumer, line, length, lineNumber, overflow, maxLineBytes);
          lineNumber++;
          length = 0;
          overflow = false;
        } else if (!overflow) {
          if (length == maxLineBytes + 1) { // one byte over the limit for the CR of a CRLF line
            overflow = true;
          } else {
            if (length == line.length) {
              line = Arrays.copyOf(line, Math.min(maxLineBytes + 1, line.length * 2));
            }
            line[length++] = b;
          }
        }
      }
    }
    if (overflow || length > 0) {
      end(consumer, line, length, lineNumber, overflow, maxLineBytes);
    }
  }

  private static void end(Consumer consumer, byte[] line, int length, long lineNumber, boolean overflow,
      int maxLineBytes) {
    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    if (overflow || end > maxLineBytes) {
      consumer.tooLong(lineNumber);
      return;
    }
    if (!isBlank(line, end)) {
      consumer.line(line, end, lineNumber);
    }
  }

  private static boolean isBlank(byte[] bytes, int end) {
    for (int i = 0; i < end; i++) {
      if (bytes[i] != ' ' && bytes[i] != '\t') {
        return false;
      }
    }
    return true;
  }
}
