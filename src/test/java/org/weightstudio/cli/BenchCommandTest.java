package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The bench command on the bundled MNIST, with its quick figures only (no timing is asserted). */
class BenchCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cl = Cli.newCommandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsOneKeyValueLinePerFigureAndAZeroAllocationStep() {
        int code = run("bench", "--only", "frame,raster,alloc", "--seconds", "0.1");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .containsPattern("(?m)^frame publish_us=[0-9.]+ ")
                .containsPattern("(?m)^raster tiles=20 us=[0-9.]+ ")
                .containsPattern("(?m)^picture publish_plus_raster_ms=[0-9.]+$")
                .containsPattern("(?m)^alloc batch=2 bytes_per_step=0\\.000 ")
                .containsPattern("(?m)^alloc batch=100 bytes_per_step=0\\.000 ")
                .doesNotContain("train batch=");
    }

    @Test
    void aBadMeasuringTimeIsAUsageError() {
        int code = run("bench", "--seconds", "0");

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--seconds must be between 0 and 600, got 0.0");
    }
}
