package gov.qpp.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {

  @Test
  void grantsWholeBodiesInArrivalOrderAsRoomFrees() {
    BodyBudget budget = new BodyBudget(100);
    List<String> granted = new ArrayList<>();
    BodyBudget.Reservation a = budget.reserve(60, () -> granted.add("a"));
    BodyBudget.Reservation b = budget.reserve(50, () -> granted.add("b")); // 110 > 100: waits
    budget.reserve(10, () -> granted.add("c")); // would fit, but waits behind b: no overtaking
    assertEquals(List.of("a"), granted);
    assertEquals(2, budget.waiting());
    a.close();
    assertEquals(List.of("a", "b", "c"), granted);
    assertEquals(60, budget.reserved());
    b.close();
    assertEquals(10, budget.reserved());
  }

  @Test
  void aBodyLargerThanTheBudgetIsServedWhenNothingElseIsHeld() {
    BodyBudget budget = new BodyBudget(100);
    List<String> granted = new ArrayList<>();
    BodyBudget.Reservation small = budget.reserve(10, () -> granted.add("small"));
    BodyBudget.Reservation huge = budget.reserve(500, () -> granted.add("huge"));
    assertEquals(List.of("small"), granted);
    small.close();
    assertEquals(List.of("small", "huge"), granted);
    huge.close();
    assertEquals(0, budget.reserved());
  }

  @Test
  void whenTheHeadOfTheLineLeavesTheOnesBehindItThatFitGetIn() {
    BodyBudget budget = new BodyBudget(100);
    List<String> granted = new ArrayList<>();
    budget.reserve(60, () -> granted.add("held"));
    BodyBudget.Reservation big = budget.reserve(80, () -> granted.add("big"));
    budget.reserve(30, () -> granted.add("small"));
    assertEquals(List.of("held"), granted);
    big.close(); // the client went away
    assertEquals(List.of("held", "small"), granted);
    assertEquals(90, budget.reserved());
  }

  @Test
  void aRequestGoneWhileWaitingLeavesTheQueueAndClosingTwiceFreesOnce() {
    BodyBudget budget = new BodyBudget(100);
    List<String> granted = new ArrayList<>();
    BodyBudget.Reservation first = budget.reserve(100, () -> granted.add("first"));
    BodyBudget.Reservation gone = budget.reserve(100, () -> granted.add("gone"));
    gone.close();
    assertEquals(0, budget.waiting());
    first.close();
    first.close();
    assertEquals(List.of("first"), granted);
    assertEquals(0, budget.reserved());
  }
}
