package org.weightstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.TestData;
import org.weightstudio.common.ExitCodes;

/** train --threads: 2 splits a CNN's batches and repeats itself; bad values are one-line usage errors. */
class TrainThreadsTest {
    @TempDir
    Path dir;

    @Test
    void twoThreadsTrainACnnTheSameWayTwice() throws java.io.IOException {
        Path data = TestData.writeMnistSlice(dir.resolve("data"), 300, 50);
        String[] args = {"train", "--arch", "cnn", "--filters", "4,8", "--data", data.toString(), "--steps", "20",
            "--threads", "2"};
        SnapshotCommandTest.Result first = SnapshotCommandTest.run(args);
        SnapshotCommandTest.Result second = SnapshotCommandTest.run(args);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).containsPattern("samples_per_cpu_s=\\d+ .*arch=cnn:");
        assertThat(testResult(first.out())).isEqualTo(testResult(second.out()));
    }

    @Test
    void badThreadCountsAreUsageErrors() throws java.io.IOException {
        Path data = TestData.writeMnistSlice(dir.resolve("data"), 300, 50);
        SnapshotCommandTest.Result three = SnapshotCommandTest.run("train", "--arch", "cnn", "--data", data.toString(),
                "--steps", "1", "--threads", "3");
        assertThat(three.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(three.err().strip()).isEqualTo("weight-studio: --threads must be 1 or 2, got 3");
        SnapshotCommandTest.Result mlp = SnapshotCommandTest.run("train", "--arch", "mlp", "--data", data.toString(),
                "--steps", "1", "--threads", "2");
        assertThat(mlp.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(mlp.err().strip().lines()).hasSize(1);
        assertThat(mlp.err()).contains("--threads 2 needs a network with a dense first layer (--arch cnn)");
    }

    /** "test_loss=... test_accuracy=..." of the done line: the same weights give the same figures. */
    private static String testResult(String out) {
        return out.lines().filter(l -> l.startsWith("done ")).findFirst().orElseThrow()
                .replaceAll(".*(test_loss=\\S+ test_accuracy=\\S+).*", "$1");
    }
}
