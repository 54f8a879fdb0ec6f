package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.weightstudio.training.Pace;

class WindowOptionsTest {
    @Test
    void readsTheScriptingOptions() {
        WindowOptions o = WindowOptions.parse(List.of("--autostart", "--quit-after-steps", "3000",
                "--snapshot-on-exit", "out.png", "--data", "some/dir", "--pace", "unlimited", "--refresh", "10"));
        assertThat(o).isEqualTo(new WindowOptions(true, 3000L, Path.of("out.png"), Path.of("some/dir"),
                Pace.unlimited(), 10, false, null));
        assertThat(WindowOptions.parse(List.of("--pace", "timelapse")).pace()).isEqualTo(Pace.timeLapse());
        assertThat(WindowOptions.parse(List.of("--pace", "40")).pace()).isEqualTo(Pace.fixed(40));
        assertThat(o.reportFirstPicture()).isFalse();
        assertThat(WindowOptions.parse(List.of("--report-first-picture")).reportFirstPicture()).isTrue();
    }

    @Test
    void aPersonOpeningTheWindowSeesItTrainUnlessAskedToWait() {
        assertThat(WindowOptions.parse(List.of()).autostart()).isTrue();
        assertThat(WindowOptions.parse(List.of("--paused"))).isEqualTo(WindowOptions.none());
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--paused", "--autostart")))
                .hasMessageContaining("contradict");
    }

    @Test
    void refusesBadOptionsWithOneLine() {
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--autostrat")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--autostrat");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--quit-after-steps", "many")))
                .hasMessageContaining("many");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--quit-after-steps", "0")))
                .hasMessageContaining("at least 1");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--snapshot-on-exit", "out.jpg")))
                .hasMessageContaining(".png");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--pace", "quick"))).hasMessageContaining("quick");
        assertThatThrownBy(() -> WindowOptions.parse(List.of("--refresh", "0"))).hasMessageContaining("--refresh");
    }
}
