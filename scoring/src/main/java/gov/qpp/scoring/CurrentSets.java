package gov.qpp.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sets that count for an entity, as QPP merges submissions: a resubmission replaces the same submitter's
 * earlier set for the same category, submission method and program; sets of different submitters or methods all
 * stay, and the scorer then picks the highest-scoring one per category.
 */
public final class CurrentSets {

  private CurrentSets() {
  }

  /** The current sets, oldest first; of sets received at the same instant, the later in the list wins. */
  public static List<StoredSet> of(List<StoredSet> all) {
    List<StoredSet> ordered = new ArrayList<>(all);
    ordered.sort(Comparator.comparing(StoredSet::receivedAt)); // stable: equal instants keep the list's order
    Map<String, StoredSet> newest = new LinkedHashMap<>();
    for (StoredSet stored : ordered) {
      newest.remove(stored.replacementKey()); // re-inserted, so the order stays by arrival of the current one
      newest.put(stored.replacementKey(), stored);
    }
    return List.copyOf(newest.values());
  }
}
