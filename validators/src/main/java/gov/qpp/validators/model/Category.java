package gov.qpp.validators.model;

import java.util.Optional;

/**
 * A MIPS performance category a measurement set reports. PI was called ACI (Advancing Care Information) in
 * 2017 and 2018; cost is computed by CMS from claims and is never submitted.
 */
public enum Category {
  QUALITY("quality"),
  IA("ia"),
  PI("pi"),
  ACI("aci");

  private final String apiName;

  Category(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** ACI and PI are the same category under two names. */
  public boolean isInteroperability() {
    return this == PI || this == ACI;
  }

  public static Optional<Category> fromApiName(String name) {
    for (Category category : values()) {
      if (category.apiName.equals(name)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
