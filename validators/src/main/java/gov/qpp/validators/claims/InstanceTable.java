package gov.qpp.validators.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of every eligible instance, numbered by a packed key (clinician, rate, beneficiary, day): its most
 * advantageous marker, its weight (visit measures), the day of its latest quality code (intermediate outcomes), and
 * for intersecting-diagnosis measures its episodes. Each fold is associative, so a group's table is built by folding
 * its clinicians' instances into it.
 */
final class InstanceTable {

  /** An intersecting-diagnosis episode: the measure diagnoses its claims share, and its best marker. */
  static final class Episode {
    final Set<String> diagnoses = new HashSet<>();
    int best = Marker.NONE.ordinal();
  }

  static final int MAX_RATES = 1 << 8;

  private final LongIndex index = new LongIndex();
  private byte[] best = new byte[1 << 11];
  private int[] weight = new int[1 << 11];
  private short[] latestDay = new short[1 << 11];
  private final Map<Integer, List<Episode>> episodes = new HashMap<>();

  /** Packs an instance key: 21 bits of clinician, 8 of rate, 25 of beneficiary, 9 of day (0 for patient-level). */
  static long key(int clinician, int rate, int beneficiary, int day) {
    return (long) clinician << 42 | (long) rate << 34 | (long) beneficiary << 9 | day;
  }

  static int clinicianOf(long key) {
    return (int) (key >>> 42);
  }

  static int rateOf(long key) {
    return (int) (key >>> 34) & (MAX_RATES - 1);
  }

  static long withClinician(long key, int clinician) {
    return key & ((1L << 42) - 1) | (long) clinician << 42;
  }

  int size() {
    return index.size();
  }

  /** Every instance: its packed key and its number. */
  void forEach(LongIndex.Entry entry) {
    index.forEach(entry);
  }

  /** The number of an instance, made (no marker yet) when it is new. */
  int instance(long key) {
    int before = index.size();
    int number = index.indexOf(key);
    if (index.size() > before) {
      if (number == best.length) {
        best = Arrays.copyOf(best, number * 2);
        weight = Arrays.copyOf(weight, number * 2);
        latestDay = Arrays.copyOf(latestDay, number * 2);
      }
      best[number] = (byte) Marker.NONE.ordinal();
      latestDay[number] = -1;
    }
    return number;
  }

  void better(int instance, int marker, int[] rank) {
    if (rank[marker] < rank[best[instance]]) {
      best[instance] = (byte) marker;
    }
  }

  void addWeight(int instance, int lines) {
    weight[instance] += lines;
  }

  /** Intermediate outcomes: the most recent day with a quality code decides; claims of that day compete. */
  void latest(int instance, int day, int marker, int[] rank) {
    if (marker == Marker.NONE.ordinal() || day < 0) {
      return;
    }
    if (day > latestDay[instance]) {
      latestDay[instance] = (short) day;
      best[instance] = (byte) marker;
    } else if (day == latestDay[instance]) {
      better(instance, marker, rank);
    }
  }

  /** Joins diagnoses to every episode sharing one of them, merging those; or starts a new episode. */
  void episode(int instance, Set<String> diagnoses, int marker, int[] rank) {
    List<Episode> patient = episodes.computeIfAbsent(instance, i -> new ArrayList<>(1));
    Episode joined = new Episode();
    joined.diagnoses.addAll(diagnoses);
    joined.best = marker;
    for (Iterator<Episode> it = patient.iterator(); it.hasNext(); ) {
      Episode episode = it.next();
      if (!diagnoses.isEmpty() && episode.diagnoses.stream().anyMatch(diagnoses::contains)) {
        joined.diagnoses.addAll(episode.diagnoses);
        if (rank[episode.best] < rank[joined.best]) {
          joined.best = episode.best;
        }
        it.remove();
      }
    }
    patient.add(joined);
  }

  /** Folds instance {@code from} of another table into instance {@code to} of this one. */
  void merge(int to, InstanceTable other, int from, MeasureClass kind, int[] rank) {
    switch (kind) {
      case PATIENT_INTERMEDIATE -> latest(to, other.latestDay[from], other.best[from], rank);
      case INTERSECTING_DIAGNOSIS -> {
        for (Episode episode : other.episodes.getOrDefault(from, List.of())) {
          episode(to, episode.diagnoses, episode.best, rank);
        }
      }
      default -> {
        better(to, other.best[from], rank);
        weight[to] += other.weight[from];
      }
    }
  }

  /**
   * Adds this instance's counts to a tally indexed by marker ordinal, the last cell the eligible population;
   * {@code episodic} for intersecting-diagnosis measures, whose instance counts once per episode.
   */
  void count(int instance, long[] tally, boolean episodic) {
    int population = Marker.values().length;
    List<Episode> patient = episodic ? episodes.get(instance) : null;
    if (patient != null) {
      for (Episode episode : patient) {
        tally[episode.best]++;
        tally[population]++;
      }
      return;
    }
    long instanceWeight = Math.max(1, weight[instance]);
    tally[best[instance]] += instanceWeight;
    tally[population] += instanceWeight;
  }
}
