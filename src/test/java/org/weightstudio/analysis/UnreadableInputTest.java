package org.weightstudio.analysis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.DatasetException;
import org.weightstudio.data.DatasetLoader;

/**
 * Issue 13 item 10: the reason a file or folder cannot be read, not "input == null!" or "no such
 * file". Permissions mean nothing to root, so the unreadable cases use what root cannot read
 * either: a path that runs through a regular file (ENOTDIR).
 */
class UnreadableInputTest {
    @TempDir
    Path dir;

    @Test
    void aPictureBehindAFileIsNotCalledMissingOrCorrupt() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        Path picture = plain.resolve("seven.png");
        assertThatThrownBy(() -> PictureReader.read(picture)).isInstanceOf(BadInputException.class)
                .hasMessage(picture + ": cannot read (Not a directory)")
                .hasMessageNotContaining("input == null");
    }

    @Test
    void aDatasetPathThatIsAFileOrUnreachableSaysWhich() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertThatThrownBy(() -> DatasetLoader.load(plain)).isInstanceOf(DatasetException.class)
                .hasMessage(plain + ": not a dataset folder (a file, not a folder)");
        assertThatThrownBy(() -> DatasetLoader.load(plain.resolve("sub")))
                .hasMessage(plain.resolve("sub") + ": not a dataset folder (cannot read it: Not a directory)");
        assertThatThrownBy(() -> DatasetLoader.load(dir.resolve("none")))
                .hasMessage(dir.resolve("none") + ": not a dataset folder (no such folder)");
    }

    @Test
    void aPictureWithoutReadPermissionSaysSo() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "root reads any file");
        Path picture = Files.write(dir.resolve("locked.png"), new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(picture, PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> PictureReader.read(picture)).hasMessage(picture + ": cannot read (permission denied)");
    }
}
