package gov.qpp.load;

import gov.qpp.validators.SharedFolder;
import gov.qpp.validators.catalog.CatalogLoader;
import gov.qpp.validators.catalog.MeasureCatalog;
import gov.qpp.validators.qrda3.Qrda3Intake;
import gov.qpp.validators.xml.FastXml;
import gov.qpp.validators.xml.HardenedXml;
import gov.qpp.validators.xml.XmlRejection;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * QRDA III intake speed, in-process, measured the way the corpus README measured CMS's conversion tool: the
 * PY2025 sample files it converts, a warm-up, then files/s and MB/s for 1 and 2 threads over a fixed time.
 * Usage: {@code java -cp load-tests/target/load-tests.jar gov.qpp.load.Qrda3Benchmark [seconds]}, or
 * {@code java -Xmx256m -cp ... gov.qpp.load.Qrda3Benchmark --synthetic-mb 100} for one large generated document.
 */
public final class Qrda3Benchmark {

  private Qrda3Benchmark() {
  }

  public static void main(String[] args) throws Exception {
    Path shared = SharedFolder.find().orElseThrow(() -> new IllegalStateException("../shared not found"));
    MeasureCatalog catalog = CatalogLoader.fromDirectory(shared.resolve("qpp-measures-data"));
    Qrda3Intake intake = new Qrda3Intake(catalog);
    if (args.length > 1 && args[0].equals("--synthetic-mb")) {
      synthetic(intake, catalog, Integer.parseInt(args[1]));
      return;
    }
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<byte[]> documents = toolAcceptedFiles(shared.resolve("corpus/qrda3"));
    long bytes = documents.stream().mapToLong(d -> d.length).sum();
    System.out.printf("QRDA III benchmark: %d files the tool converts at PY2025, mean %d KB; %d cores, Java %s,"
        + " max heap %d MB%n", documents.size(), bytes / documents.size() / 1024,
        Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    Consumer<byte[]> convert = intake::intake;
    run("warm-up", convert, documents, 1, 10, false);
    for (int threads : new int[] {1, 2}) {
      run("convert+validate", convert, documents, threads, seconds, true);
      run("bare StAX pass, hardened Woodstox", Qrda3Benchmark::bareStaxPass, documents, threads, seconds, true);
      run("bare StAX pass, fast reader", Qrda3Benchmark::bareFastPass, documents, threads, seconds, true);
    }
  }

  /** One synthetic document of the given size, streamed from its generator (run it with -Xmx256m). */
  static void synthetic(Qrda3Intake intake, MeasureCatalog catalog, int megabytes) {
    SyntheticQrda3 generator = new SyntheticQrda3(catalog.year(2025).orElseThrow(), megabytes * 1_000_000L);
    CountingStream counted = new CountingStream(generator.stream());
    long started = System.nanoTime();
    var result = intake.intake(counted);
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    System.out.printf("synthetic QRDA III: %.1f MB, %d eCQMs, accepted %s, %d measurements, %.1f s (%.1f MB/s),"
        + " max heap %d MB, peak heap used %d MB%n", counted.count / 1e6, generator.measureCount(), result.accepted(),
        result.submission() == null ? 0 : result.submission().measurementSets().get(0).measurements().size(),
        seconds, counted.count / 1e6 / seconds, Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    result.problems().stream().limit(5).forEach(problem -> System.out.println("  " + problem));
  }

  /** Counts the bytes the parser reads. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read() throws java.io.IOException {
      int b = super.read();
      count += b < 0 ? 0 : 1;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
      int n = super.read(buffer, offset, length);
      count += Math.max(n, 0);
      return n;
    }
  }

  /** Every event of the document through the same hardened reader, doing nothing with them: the floor. */
  static void bareStaxPass(byte[] document) {
    try {
      XMLStreamReader reader = HardenedXml.openAtRoot(new ByteArrayInputStream(document));
      while (reader.hasNext()) {
        reader.next();
      }
      reader.close();
    } catch (XmlRejection | XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The same as the intake reads documents in memory: the fast reader (Aalto, guarded), and the hardened one for
   * what it hands over.
   */
  static void bareFastPass(byte[] document) {
    try {
      XMLStreamReader reader = FastXml.openAtRoot(document);
      while (reader.hasNext()) {
        reader.next();
      }
      reader.close();
    } catch (XMLStreamException declined) {
      bareStaxPass(document);
    }
  }

  /** The files CMS's tool converts at PY2025 (its summary says OK). */
  static List<byte[]> toolAcceptedFiles(Path corpus) throws Exception {
    List<byte[]> documents = new ArrayList<>();
    try (Stream<String> lines = Files.lines(corpus.resolve("answers-tool-py2025/summary.tsv"))) {
      for (String line : lines.skip(1).toList()) {
        String[] columns = line.split("\t");
        if (columns.length > 1 && columns[1].equals("OK")) {
          documents.add(Files.readAllBytes(corpus.resolve("files").resolve(columns[0])));
        }
      }
    }
    return documents;
  }

  private static void run(String what, Consumer<byte[]> work, List<byte[]> documents, int threads, int seconds,
      boolean report) throws InterruptedException {
    AtomicLong files = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t;
      Thread worker = new Thread(() -> {
        for (int i = offset; System.nanoTime() < deadline; i++) {
          byte[] document = documents.get(i % documents.size());
          work.accept(document);
          files.incrementAndGet();
          bytes.addAndGet(document.length);
        }
      }, "qrda3-bench-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (report) {
      System.out.printf("%-34s %d thread(s), %d s: %.0f files/s, %.1f MB/s%n", what, threads, seconds,
          files.get() / (double) seconds, bytes.get() / (double) seconds / 1_000_000.0);
    }
  }
}
