package gov.qpp.gateway.storage;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * Score trees as stored: UTF-8 JSON in an LZ4 block, with the JSON's length beside it. A year's re-score writes
 * hundreds of thousands of 8 KB trees; compressed here they cost PostgreSQL a fifth of what its own compression and
 * JSON check did (docs/benchmarks.md). Read them back through the API (or this class), not with SQL's JSON operators.
 */
public final class TreeCodec {

  private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

  /** The compressed bytes and the length of the JSON they hold. */
  public record Compressed(byte[] bytes, int length) {
  }

  private TreeCodec() {
  }

  public static Compressed compress(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    LZ4Compressor compressor = LZ4.fastCompressor();
    byte[] out = new byte[compressor.maxCompressedLength(utf8.length)];
    int written = compressor.compress(utf8, 0, utf8.length, out, 0, out.length);
    return new Compressed(java.util.Arrays.copyOf(out, written), utf8.length);
  }

  public static JsonObject decompress(byte[] bytes, int length) {
    LZ4FastDecompressor decompressor = LZ4.fastDecompressor();
    byte[] utf8 = new byte[length];
    decompressor.decompress(bytes, 0, utf8, 0, length);
    return new JsonObject(new String(utf8, StandardCharsets.UTF_8));
  }
}
