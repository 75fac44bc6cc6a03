package gov.qpp.validators.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Reads CMS's qpp-measures-data layout: {@code measures/<year>/measures-data.json} and
 * {@code benchmarks/<year>.json} for every year found, plus {@code benchmarks/<year>/cost-national-averages.json}
 * and {@code mvp/<year>/mvp.json} where present. Any missing or malformed required file fails with a
 * {@link CatalogException} naming the file and the field.
 */
public final class CatalogLoader {

  /** Where the build packs the pinned npm package qpp-measures-data (2017-2022) inside the jar. */
  public static final String CLASSPATH_ROOT = "qpp-measures-data";

  private static final ObjectMapper JSON = new ObjectMapper();

  private CatalogLoader() {
  }

  /** From the directory when one is configured, otherwise from the copy packed into the jar. */
  public static MeasureCatalog load(Path configuredDirectory) {
    return configuredDirectory != null ? fromDirectory(configuredDirectory) : fromClasspath();
  }

  public static MeasureCatalog fromDirectory(Path root) {
    if (!Files.isDirectory(root)) {
      throw new CatalogException("measure catalog folder " + root + " does not exist (measures.dir / QPP_MEASURES_DIR)");
    }
    return read(root, root.toAbsolutePath().normalize().toString());
  }

  public static MeasureCatalog fromClasspath() {
    URL marker = CatalogLoader.class.getClassLoader().getResource(CLASSPATH_ROOT + "/measures");
    if (marker == null) {
      throw new CatalogException("no measure catalog configured (QPP_MEASURES_DIR) and none packed in the jar ("
          + CLASSPATH_ROOT + "/measures); build with mvn package, which fetches qpp-measures-data");
    }
    try {
      URI uri = marker.toURI();
      Path measures;
      if ("jar".equals(uri.getScheme())) {
        try {
          measures = FileSystems.newFileSystem(uri, Map.of()).provider().getPath(uri);
        } catch (FileSystemAlreadyExistsException e) {
          measures = FileSystems.getFileSystem(uri).provider().getPath(uri);
        }
      } else {
        measures = Path.of(uri);
      }
      return read(measures.getParent(), "classpath:" + CLASSPATH_ROOT + " (qpp-measures-data npm package)");
    } catch (URISyntaxException | IOException e) {
      throw new CatalogException("cannot open the packed measure catalog: " + e.getMessage(), e);
    }
  }

  private static MeasureCatalog read(Path root, String description) {
    List<Integer> years = discoverYears(root);
    if (years.isEmpty()) {
      throw new CatalogException(root.resolve("measures") + ": no measures/<year>/measures-data.json found");
    }
    Map<Integer, CatalogYear> loaded = new ConcurrentHashMap<>();
    // Years are independent files: read them in parallel to keep start-up short.
    years.parallelStream().forEach(year -> loaded.put(year, readYear(root, year)));
    return new MeasureCatalog(loaded, description);
  }

  private static List<Integer> discoverYears(Path root) {
    Path measures = root.resolve("measures");
    if (!Files.isDirectory(measures)) {
      throw new CatalogException(measures + ": folder not found (expected the qpp-measures-data layout)");
    }
    List<Integer> years = new ArrayList<>();
    try (Stream<Path> entries = Files.list(measures)) {
      entries.forEach(entry -> {
        String name = entry.getFileName().toString().replace("/", "");
        if (name.matches("\\d{4}") && Files.exists(entry.resolve("measures-data.json"))) {
          years.add(Integer.parseInt(name));
        }
      });
    } catch (IOException e) {
      throw new CatalogException(measures + ": cannot list: " + e.getMessage(), e);
    }
    years.sort(Integer::compareTo);
    return years;
  }

  static CatalogYear readYear(Path root, int year) {
    List<Measure> measures = readList(root, "measures/" + year + "/measures-data.json", true, CatalogLoader::readMeasure);
    List<Benchmark> benchmarks = readList(root, "benchmarks/" + year + ".json", true, Benchmark::read);
    List<Mvp> mvps = readList(root, "mvp/" + year + "/mvp.json", false, Mvp::read);
    List<CostNationalAverage> costs = readList(root, "benchmarks/" + year + "/cost-national-averages.json", false,
        CostNationalAverage::read);
    return new CatalogYear(year, measures, benchmarks, mvps, costs);
  }

  private static Measure readMeasure(CatalogNode node) {
    String category = node.requiredText("category");
    return switch (category) {
      case "quality" -> QualityMeasure.read(node);
      case "ia" -> ImprovementActivity.read(node);
      case "pi", "aci" -> PiMeasure.read(node);
      case "cost" -> CostMeasure.read(node);
      default -> throw node.field("category").fail("unknown category '" + category + "'");
    };
  }

  private static <T> List<T> readList(Path root, String relative, boolean required, Function<CatalogNode, T> reader) {
    Path file = root.resolve(relative);
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = JSON.readTree(in);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new CatalogException(relative + ": file not found under " + root);
      }
      return List.of();
    } catch (IOException e) {
      String detail = e instanceof JsonProcessingException json
          ? json.getOriginalMessage() + (json.getLocation() == null ? "" : " at line " + json.getLocation().getLineNr())
          : e.getMessage();
      throw new CatalogException(relative + ": not valid JSON: " + detail, e);
    }
    CatalogNode top = new CatalogNode(relative, "$", tree == null ? JSON.missingNode() : tree);
    return CatalogNode.map(top.elements(), reader);
  }
}
