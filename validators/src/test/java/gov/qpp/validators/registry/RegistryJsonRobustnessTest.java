package gov.qpp.validators.registry;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import gov.qpp.validators.PackedCatalog;
import gov.qpp.validators.rules.IntakeResult;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever the bytes, registry JSON intake answers with problems, never an exception (seeded damage). */
class RegistryJsonRobustnessTest {

  @Test
  void damagedDocumentsGiveProblemsNotExceptions() {
    RegistryJsonIntake intake = new RegistryJsonIntake(PackedCatalog.get());
    byte[] original = RegistryFixtures.bytes(RegistryFixtures.valid2022());
    Random random = new Random(20261126L);
    byte[] alphabet = "{}[]\":,0123456789-.eE truefalsnul\\".getBytes();
    for (int i = 0; i < 2_000; i++) {
      byte[] damaged = Arrays.copyOf(original, random.nextInt(original.length + 1) + (i % 2) * original.length);
      for (int flips = 0; flips < 4; flips++) {
        int at = random.nextInt(Math.max(1, damaged.length));
        if (at < damaged.length) {
          damaged[at] = alphabet[random.nextInt(alphabet.length)];
        }
      }
      IntakeResult result;
      try {
        result = intake.intake(damaged);
      } catch (RuntimeException e) {
        throw new AssertionError("threw on " + new String(damaged) + ": " + e, e);
      }
      assertNotNull(result.problems());
    }
  }
}
