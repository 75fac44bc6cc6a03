package gov.qpp.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.model.Npi;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NpiGeneratorTest {

  @Test
  void knownNpiGetsItsCheckDigit() {
    // 1234567893 is CMS's worked example
    assertEquals(3, NpiGenerator.checkDigit("123456789"));
  }

  @Test
  void everyGeneratedNpiPassesTheValidatorsCheck() {
    Random random = new Random(7);
    for (int i = 0; i < 100_000; i++) {
      String npi = NpiGenerator.next(random);
      assertTrue(Npi.isWellFormed(npi), npi);
      assertTrue(Npi.hasValidLeadingDigit(npi), npi);
      assertTrue(Npi.hasValidCheckDigit(npi), npi);
    }
  }

  @Test
  void agreesWithTheValidatorsOnEveryPayloadDigitPattern() {
    Random random = new Random(11);
    for (int i = 0; i < 10_000; i++) {
      String payload = String.format("%09d", random.nextInt(1_000_000_000));
      assertEquals(Npi.checkDigitFor(payload), NpiGenerator.checkDigit(payload), payload);
    }
  }
}
