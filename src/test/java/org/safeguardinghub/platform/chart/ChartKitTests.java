package org.safeguardinghub.platform.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartKitTests {

    @Test
    void aScaleMapsFiguresToPixelsWithTheYAxisUpsideDown() {
        Scale y = new Scale(0, 200, 300, 20);

        assertThat(y.px(0)).isEqualTo(300);
        assertThat(y.px(200)).isEqualTo(20);
        assertThat(y.px(50)).isEqualTo(230);
        assertThat(y.px(1)).isEqualTo(298.6);
        assertThat(new Scale(5, 5, 100, 0).middle()).isEqualTo(50);
    }

    @Test
    void axisTicksAreEvenlySpacedFromMinimumToMaximum() {
        assertThat(new Scale(0, 100, 300, 20).ticks(4)).containsExactly(0.0, 25.0, 50.0, 75.0, 100.0);
        assertThat(new Scale(-50, 150, 300, 20).ticks(2)).containsExactly(-50.0, 50.0, 150.0);
    }

    @Test
    void theAxisMaximumIsANiceNumberAtOrAboveTheLargestValueAndTheMinimumBelowTheSmallest() {
        assertThat(Scale.niceCeiling(0.013)).isEqualTo(0.02);
        assertThat(Scale.niceCeiling(4999)).isEqualTo(5000);
        assertThat(Scale.niceCeiling(-7)).isEqualTo(-5);
    }

    @Test
    void aMissingValueBreaksTheLineAndIsNotDrawn() {
        Polyline line = Polyline.of(Arrays.asList(10, 20, null, 40), new Scale(0, 3, 0, 300), new Scale(0, 40, 100, 0));

        assertThat(line.segments()).containsExactly("0.0,75.0 100.0,50.0", "300.0,0.0");
        assertThat(line.points()).extracting(Polyline.Point::index).containsExactly(0, 1, 3);
    }

    @Test
    void anEmptySeriesDrawsNothingAndASinglePointSitsInTheMiddle() {
        Scale x = new Scale(0, 1, 10, 110);
        Scale y = new Scale(0, 10, 100, 0);

        assertThat(Polyline.of(List.of(), x, y).segments()).isEmpty();
        assertThat(Polyline.of(List.of(), x, y).points()).isEmpty();
        assertThat(Polyline.of(Arrays.asList((Integer) null), x, y).segments()).isEmpty();
        assertThat(Polyline.of(List.of(5), x, y).segments()).containsExactly("60.0,50.0");
    }

    @Test
    void controlLimitsAreDrawnAtTheLimitsComputedAndRestartWhereTheyAreRebased() {
        double[] upper = {30, 30, 30, 45, 45};
        Scale y = new Scale(0, 50, 250, 0);

        String path =
                Svg.path(upper.length, i -> 10 + i * 20, i -> y.at(upper[i]), i -> i == 0 || upper[i] != upper[i - 1]);

        assertThat(path).isEqualTo("M10.0,100.0 L30.0,100.0 L50.0,100.0 M70.0,25.0 L90.0,25.0");
        assertThat(Svg.path(2, i -> i, i -> 1.25)).isEqualTo("M0.0,1.3 L1.0,1.3");
        assertThat(Svg.path(0, i -> i, i -> i)).isEmpty();
    }

    @Test
    void markersDifferInShape() {
        assertThat(Svg.circle(10, 20, 3)).isEqualTo("M7.0,20.0 a3.0,3.0 0 1,0 6.0,0 a3.0,3.0 0 1,0 -6.0,0 Z");
        assertThat(Svg.diamond(10, 20, 7)).isEqualTo("M10.0,13.0 L17.0,20.0 L10.0,27.0 L3.0,20.0 Z");
    }

    @Test
    void barsAreProportionalWithASmallestVisibleLengthAndNoneForZero() {
        assertThat(Bars.length(50, 100, 400, 2)).isEqualTo(200);
        assertThat(Bars.length(100, 100, 400, 2)).isEqualTo(400);
        assertThat(Bars.length(1, 1000, 400, 3)).isEqualTo(3);
        assertThat(Bars.length(0, 100, 400, 2)).isZero();
        assertThat(Bars.length(0, 0, 400, 2)).isZero();
    }

    @Test
    void axisLabelsAreThinnedAndLongLabelsShortened() {
        assertThat(Svg.labelEvery(12, 12)).isEqualTo(1);
        assertThat(Svg.labelEvery(13, 12)).isEqualTo(2);
        assertThat(Svg.labelEvery(0, 10)).isEqualTo(1);
        assertThat(Svg.shorten("Children in need", 30)).isEqualTo("Children in need");
        assertThat(Svg.shorten("abcdef", 4)).isEqualTo("abc…");
        assertThat(Svg.shortenTrimmed("ab cdef", 4)).isEqualTo("ab…");
    }

    @Test
    void heatMapBandsFollowTheShareOfTheScale() {
        assertThat(HeatMap.tag(3, 3)).isEqualTo("govuk-tag--green");
        assertThat(HeatMap.tag(2, 3)).isEqualTo("govuk-tag--yellow");
        assertThat(HeatMap.tag(1, 3)).isEqualTo("govuk-tag--orange");
        assertThat(HeatMap.tag(0, 3)).isEqualTo("govuk-tag--red");
        assertThat(HeatMap.tag(2, 0)).isEqualTo("govuk-tag--red");
    }
}
