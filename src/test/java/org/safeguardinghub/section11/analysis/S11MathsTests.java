package org.safeguardinghub.section11.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguardinghub.section11.analysis.S11Maths.Basis;
import org.safeguardinghub.section11.analysis.S11Maths.Change;
import org.safeguardinghub.section11.analysis.S11Maths.ChangeSummary;
import org.safeguardinghub.section11.analysis.S11Maths.Distribution;
import org.safeguardinghub.section11.analysis.S11Maths.Expected;
import org.safeguardinghub.section11.analysis.S11Maths.FullyMeeting;
import org.safeguardinghub.section11.analysis.S11Maths.Gap;
import org.safeguardinghub.section11.analysis.S11Maths.Score;

class S11MathsTests {

    private static Score score(long agency, String code, Integer self, Integer moderated) {
        return new Score(agency, "Agency " + agency, "HEALTH", code, self, moderated, 3);
    }

    @Test
    void returnRateCountsReceivedOverExpectedOverallAndBySector() {
        List<Expected> expected = List.of(
                new Expected("HEALTH", true),
                new Expected("HEALTH", false),
                new Expected("POLICING", true),
                new Expected("EDUCATION", true));
        assertThat(S11Maths.rate(expected).text()).isEqualTo("3 of 4 (75%)");
        var bySector = S11Maths.rateBySector(expected);
        assertThat(bySector.keySet()).containsExactly("EDUCATION", "HEALTH", "POLICING");
        assertThat(bySector.get("HEALTH").percent()).isEqualTo(50);
        assertThat(bySector.get("POLICING").percent()).isEqualTo(100);
    }

    @Test
    void returnRateOfNothingExpectedIsNotZeroPercent() {
        var rate = S11Maths.rate(List.of());
        assertThat(rate.percent()).isNull();
        assertThat(rate.text()).isEqualTo("No returns expected");
    }

    @Test
    void kentsTwentyTwentyFigureRoundsAsPublished() {
        // "nearly 30 out of an expected return of 40" (KSCMP annual report 2019-20)
        List<Expected> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            expected.add(new Expected("X", i < 29));
        }
        assertThat(S11Maths.rate(expected).text()).isEqualTo("29 of 40 (73%)");
    }

    @Test
    void distributionHasEveryLevelAndCountsSelfAndModeratedSeparately() {
        List<Score> scores = List.of(
                score(1, "S1", 3, 2),
                score(2, "S1", 3, 3),
                score(3, "S1", 1, null),
                score(4, "S1", null, null),
                score(1, "S2", 0, 0));
        Distribution d = S11Maths.distribution(scores, "S1", List.of(0, 1, 2, 3));
        assertThat(d.self())
                .containsExactly(
                        java.util.Map.entry(0, 0),
                        java.util.Map.entry(1, 1),
                        java.util.Map.entry(2, 0),
                        java.util.Map.entry(3, 2));
        assertThat(d.moderated()).containsEntry(2, 1).containsEntry(3, 1).containsEntry(0, 0);
        assertThat(d.selfTotal()).isEqualTo(3);
        assertThat(d.moderatedTotal()).isEqualTo(2);
    }

    @Test
    void gapIsSelfMinusModeratedOverPairsAndCountsSelfHigher() {
        List<Score> scores = List.of(
                score(1, "S1", 3, 2),
                score(2, "S1", 2, 2),
                score(3, "S1", 3, 1),
                score(4, "S1", 1, null), // no moderated score: counts in the self mean only
                score(1, "S2", 1, 2));
        List<Gap> byStandard = S11Maths.gapsByStandard(scores, List.of("S1", "S2", "S5"));
        Gap s1 = byStandard.get(0);
        assertThat(s1.meanSelf()).isEqualTo(2.25);
        assertThat(s1.meanModerated()).isEqualTo(5.0 / 3);
        assertThat(s1.gap()).isEqualTo(1.0); // (1 + 0 + 2) / 3
        assertThat(s1.paired()).isEqualTo(3);
        assertThat(s1.selfHigher()).isEqualTo(2);
        assertThat(byStandard.get(1).gap()).isEqualTo(-1.0);
        assertThat(byStandard.get(1).selfHigher()).isZero();
        assertThat(byStandard.get(2).gap()).isNull();
        assertThat(S11Maths.signed(byStandard.get(1).gap())).isEqualTo("−1.0");

        List<Gap> byAgency = S11Maths.gapsByAgency(scores);
        assertThat(byAgency).extracting(Gap::key).containsExactly("Agency 1", "Agency 2", "Agency 3", "Agency 4");
        assertThat(byAgency.get(0).selfHigher()).isEqualTo(1);
        assertThat(byAgency.get(0).gap()).isEqualTo(0.0);
        assertThat(byAgency.get(3).paired()).isZero();
    }

    @Test
    void fullyMeetingMeansTheTopOfTheTemplatesScale() {
        List<Score> scores = List.of(
                score(1, "S1", 3, 3),
                score(2, "S1", 3, 2),
                score(3, "S1", 2, null),
                new Score(4, "Five-point", "HEALTH", "S1", 4, 4, 4), // a template scored 0 to 4
                new Score(5, "Five-point", "HEALTH", "S1", 3, 3, 4));
        FullyMeeting s1 = S11Maths.fullyMeeting(scores, List.of("S1")).get(0);
        assertThat(s1.self()).isEqualTo(3);
        assertThat(s1.selfScored()).isEqualTo(5);
        assertThat(s1.moderated()).isEqualTo(2);
        assertThat(s1.moderatedScored()).isEqualTo(4);
    }

    @Test
    void changeMatchesStandardsByCodeAndPrefersAgreedModeratedScores() {
        List<Score> previous = List.of(
                score(1, "S1", 3, 1), // moderated 1 is used, not the self-score 3
                score(1, "S7", 2, null), // no moderated score: self-score used, and the basis says so
                score(2, "S1", 2, 2),
                score(9, "S1", 0, 0)); // agency no longer expected
        List<Score> current = List.of(
                score(1, "S1", 3, 2),
                score(1, "S7", 1, null),
                score(1, "S8", 2, 2), // a standard the previous template lacked
                score(2, "S1", null, null), // not scored this time
                score(3, "S1", 2, 2)); // new agency
        List<Change> changes = S11Maths.changes(current, previous);
        assertThat(changes).hasSize(5);
        Change s1 = changes.get(0);
        assertThat(s1.previous().score()).isEqualTo(1);
        assertThat(s1.previous().basis()).isEqualTo(Basis.MODERATED);
        assertThat(s1.change()).isEqualTo(1);
        Change s7 = changes.get(1);
        assertThat(s7.previous().basis()).isEqualTo(Basis.SELF);
        assertThat(s7.current().basis()).isEqualTo(Basis.SELF);
        assertThat(s7.change()).isEqualTo(-1);
        assertThat(changes.get(2).previous().basis()).isEqualTo(Basis.NONE);
        assertThat(changes.get(2).change()).isNull();
        assertThat(changes.get(3).change()).isNull();
        assertThat(changes.get(4).change()).isNull();

        List<ChangeSummary> byStandard = S11Maths.changeByStandard(changes, List.of("S1", "S7", "S8"));
        assertThat(byStandard.get(0).compared()).isEqualTo(1);
        assertThat(byStandard.get(0).meanChange()).isEqualTo(1.0);
        assertThat(byStandard.get(0).improved()).isEqualTo(1);
        assertThat(byStandard.get(1).declined()).isEqualTo(1);
        assertThat(byStandard.get(2).compared()).isZero();
        assertThat(byStandard.get(2).meanChange()).isNull();

        List<ChangeSummary> byAgency = S11Maths.changeByAgency(changes);
        assertThat(byAgency.get(0).key()).isEqualTo("Agency 1");
        assertThat(byAgency.get(0).compared()).isEqualTo(2);
        assertThat(byAgency.get(0).meanChange()).isEqualTo(0.0);
    }

    @Test
    void standardCodesSortNaturally() {
        List<String> codes = new java.util.ArrayList<>(List.of("S10", "S2", "S1"));
        codes.sort(S11Maths.STANDARD_ORDER);
        assertThat(codes).containsExactly("S1", "S2", "S10");
    }
}
