package gov.qpp.load;

import io.vertx.core.json.JsonObject;

/** The machine a measurement was taken on; numbers mean little without it. */
record Machine(int cores, String java, String os, long maxHeapMb) {

  static Machine current() {
    return new Machine(Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  String describe() {
    return cores + " cores, Java " + java + ", " + os + ", max heap " + maxHeapMb + " MB";
  }

  JsonObject toJson() {
    return new JsonObject().put("cores", cores).put("java", java).put("os", os).put("maxHeapMb", maxHeapMb);
  }
}
