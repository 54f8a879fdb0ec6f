package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UpdateTicksTest {
    @Test
    void labelsAreShortAtEveryMagnitude() {
        assertThat(UpdateTicks.label(0)).isEqualTo("0");
        assertThat(UpdateTicks.label(5)).isEqualTo("5");
        assertThat(UpdateTicks.label(500)).isEqualTo("500");
        assertThat(UpdateTicks.label(1000)).isEqualTo("1k");
        assertThat(UpdateTicks.label(250_000)).isEqualTo("250k");
        assertThat(UpdateTicks.label(1_000_000)).isEqualTo("1M");
        assertThat(UpdateTicks.label(1_250_000)).isEqualTo("1.25M");
        assertThat(UpdateTicks.label(3e9)).isEqualTo("3G");
    }

    @Test
    void logTicksArePowersOfTenWithTwoAndFiveWhereThereIsRoom() {
        assertThat(UpdateTicks.log(1, 1000, 20)).containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0);
        assertThat(UpdateTicks.log(1, 1e6, 8)).containsExactly(1.0, 10.0, 100.0, 1e3, 1e4, 1e5, 1e6);
        assertThat(UpdateTicks.log(1, 1e8, 5)).containsExactly(1.0, 100.0, 1e4, 1e6, 1e8);
    }

    /**
     * Labels never run together: for every range from 10 to 10^9 updates and every axis length,
     * the ticks, each given its label's width at 7 px a character plus a gap, fit the axis.
     */
    @Test
    void ticksNeverOverlapAtAnyMagnitudeOrLength() {
        for (double top = 10; top <= 1e9; top *= 1.37) {
            for (double length = 150; length <= 1500; length += 50) {
                for (boolean log : new boolean[] {true, false}) {
                    double[] r = UpdateTicks.range(1, top, log);
                    assertThat(r[1]).isGreaterThanOrEqualTo(top);
                    List<Double> ticks = log ? UpdateTicks.log(r[0], r[1], UpdateTicks.maxTicks(length))
                            : UpdateTicks.linear(r[0], r[1], UpdateTicks.maxTicks(length));
                    assertThat(ticks).as("ticks of %s at %s px", top, length).hasSizeGreaterThanOrEqualTo(2);
                    double room = length / ticks.size();
                    for (double t : ticks) {
                        String label = UpdateTicks.label(t);
                        assertThat(label.length() * 7 + 8).as("%s in %s px", label, room).isLessThanOrEqualTo((int) room);
                    }
                }
            }
        }
    }
}
