package gov.qpp.validators.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NpiTest {

  @Test
  void cmsExampleNpiHasAValidCheckDigit() {
    assertTrue(Npi.hasValidCheckDigit("1234567893"));
    assertEquals("1234567893", new Npi("1234567893").value());
  }

  @Test
  void qppDocsExampleNpiFailsItsCheckDigit() {
    assertTrue(Npi.isWellFormed("9876543210"));
    assertFalse(Npi.hasValidLeadingDigit("9876543210"));
    assertFalse(Npi.hasValidCheckDigit("9876543210"));
    assertEquals(3, Npi.checkDigitFor("987654321"));
  }

  @Test
  void everyWrongLastDigitIsCaught() {
    for (int digit = 0; digit <= 9; digit++) {
      String npi = "123456789" + digit;
      assertEquals(digit == 3, Npi.hasValidCheckDigit(npi), npi);
    }
  }

  @Test
  void shapeIsTenDigitsStartingWithOneOrTwo() {
    assertThrows(IllegalArgumentException.class, () -> new Npi("9234567896"));
    assertFalse(Npi.isWellFormed("123456789"));
    assertFalse(Npi.isWellFormed("12345678931"));
    assertFalse(Npi.isWellFormed("12345678a3"));
    assertTrue(Npi.isWellFormed("2000000001"));
    assertThrows(IllegalArgumentException.class, () -> new Npi("1234567890"));
  }

  @Test
  void tinIsNineDigits() {
    assertTrue(Tin.isWellFormed("000456789"));
    assertFalse(Tin.isWellFormed("00-0456789"));
    assertFalse(Tin.isWellFormed("12345678"));
    assertThrows(IllegalArgumentException.class, () -> new Tin("abc"));
  }
}
