package gov.qpp.validators.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An upload's bytes as an intake reads them: held in memory, or spooled to a file as they arrived (claims files and
 * zips, hundreds of megabytes). Either way its SHA-256 identifies the upload (the same file sent twice).
 */
public sealed interface Body {

  /** Bytes. */
  long size();

  /** The bytes from the start; a spooled body is read from its file, never held whole. */
  InputStream open() throws IOException;

  /** The first bytes (at most {@code max}), to tell formats apart; the body stays as it is. */
  byte[] head(int max);

  /** The SHA-256 of the bytes, in hex. */
  String sha256();

  static Body of(byte[] bytes) {
    return new InMemory(bytes);
  }

  /** A body already written to {@code file}, with the size and hash computed while it was. */
  static Body spooled(Path file, long size, String sha256) {
    return new Spooled(file, size, sha256);
  }

  /** A body in memory; its hash is computed when first asked for. */
  final class InMemory implements Body {
    private final byte[] bytes;
    private String sha256;

    private InMemory(byte[] bytes) {
      this.bytes = bytes;
    }

    /** The bytes themselves (not a copy: documents are megabytes, and nobody writes to them). */
    public byte[] bytes() {
      return bytes;
    }

    @Override
    public long size() {
      return bytes.length;
    }

    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public byte[] head(int max) {
      return Arrays.copyOf(bytes, Math.min(max, bytes.length));
    }

    @Override
    public synchronized String sha256() {
      if (sha256 == null) {
        sha256 = HexFormat.of().formatHex(digest().digest(bytes));
      }
      return sha256;
    }
  }

  /** A body spooled to a file. */
  record Spooled(Path file, long size, String sha256) implements Body {

    @Override
    public InputStream open() throws IOException {
      return Files.newInputStream(file);
    }

    @Override
    public byte[] head(int max) {
      try (InputStream in = open()) {
        return in.readNBytes(max);
      } catch (IOException e) {
        return new byte[0]; // the read that follows reports the file's trouble
      }
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
