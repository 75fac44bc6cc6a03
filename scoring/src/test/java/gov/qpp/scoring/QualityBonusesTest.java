package gov.qpp.scoring;

import static gov.qpp.scoring.QualityScorerTest.rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.qpp.validators.model.MeasureValue;
import gov.qpp.validators.model.Measurement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The required outcome measure and the 2017-2021 bonuses, PY2019 registry benchmarks, hand-computed. Assumed (not
 * verified, docs/scoring.md): a measure earns a bonus in class 1 with a rate above 0; bonuses count every submitted
 * measure, not only the picked ones; each kind is capped at 10 % of the denominator (6 of 60).
 * Points used: every measure below at rate 100 scores 10; at rate 55, 236 scores 3.339 (decile 3 + 2.59 / 7.64),
 * 141, 338 and 389 score the floor 3, 410 scores 5.4333 and 047 4.4814. On the packed catalog (its 2019 and 2022).
 */
class QualityBonusesTest {

  @BeforeAll
  static void load() {
    QualityScorerTest.load();
  }

  static ScoreNode set(Measurement... measurements) {
    return QualityScorerTest.scoreAll(2019, measurements).parts().get(0).parts().get(0);
  }

  static Measurement at(String id, long met) {
    return new Measurement(id, rate(met, 100 - met, 100));
  }

  @Test
  void theOutcomeMeasureIsPickedEvenWhenNotAmongTheBest() {
    // six process measures at 10 and outcome 236 at 3.339: 236 replaces one of them -> (50 + 3.339) / 60
    ScoreNode set = set(at("110", 100), at("111", 100), at("112", 100), at("113", 100), at("039", 100),
        at("006", 100), at("236", 55));
    assertEquals(88.8983, set.value());
    ScoreNode outcome = set.parts().stream().filter(p -> p.name().equals("236")).findFirst().orElseThrow();
    assertEquals("PICKED", outcome.metadata().get("processingStatus"));
    assertEquals(true, outcome.metadata().get("requiredMeasure"));
  }

  @Test
  void highPriorityBonusBeyondTheRequiredMeasure() {
    // 236 (10, the required outcome), 141 (outcome, 3: +2), 047 (high priority, 10: +1), 110 (10)
    // (10 + 3 + 10 + 10 + 3) / 60 = 60 %
    ScoreNode set = set(at("236", 100), at("141", 55), at("047", 100), at("110", 100));
    assertEquals(60.0, set.value());
    assertEquals(3.0, set.metadata().get("highPriorityBonus"));
  }

  @Test
  void highPriorityBonusIsCappedAtTenPercentOfTheDenominator() {
    // 236 required (10); 141, 338, 389, 410 (+2 each) and 047 (+1) = 9, capped at 6
    // points 10 + 3 + 3 + 3 + 5.4333 + 4.4814 = 28.9147; (28.9147 + 6) / 60 = 58.1912 %
    ScoreNode set = set(at("236", 100), at("141", 55), at("338", 55), at("389", 55), at("410", 55),
        at("047", 55));
    assertEquals(58.1912, set.value());
    assertEquals(6.0, set.metadata().get("highPriorityBonus"));
    assertTrue(((List<?>) set.metadata().get("bonusMessages")).get(0).toString().contains("capped"));
  }

  @Test
  void endToEndBonusForClassOneMeasuresOnly() {
    // 110, 111, 112 end to end at 10 each (+1 each); 113 end to end but 10 cases (class 2, 3 points, no bonus)
    // (10 + 10 + 10 + 3 + 3) / 60 = 60 %
    ScoreNode set = set(endToEnd("110", 100, 100), endToEnd("111", 100, 100), endToEnd("112", 100, 100),
        endToEnd("113", 10, 10));
    assertEquals(60.0, set.value());
    assertEquals(3.0, set.metadata().get("endToEndBonus"));
  }

  @Test
  void theRequiredMeasureIsTheOneThatScoresBestWhateverTheOrder() {
    // two outcome measures at 3 points: 236 with 10 cases (class 2) and 141 at rate 55 (class 1, the floor 3).
    // Requiring 236 lets 141 earn +2: (3 + 3 + 2) / 60 = 13.3333 %; requiring 141 would give 10 %.
    Measurement smallSample = new Measurement("236", rate(10, 0, 10));
    assertEquals(13.3333, set(smallSample, at("141", 55)).value());
    assertEquals(13.3333, set(at("141", 55), smallSample).value());
  }

  @Test
  void noBonusesFrom2022() {
    ScoreNode set = QualityScorerTest.scoreAll(2022, at("236", 100), at("141", 55)).parts().get(0).parts().get(0);
    assertFalse(set.metadata().containsKey("highPriorityBonus"));
  }

  static Measurement endToEnd(String id, long met, long eligible) {
    return new Measurement(id, new MeasureValue.SinglePerformanceRate(true,
        new MeasureValue.Rate(null, met, eligible - met, eligible, null, null, null), null));
  }
}
