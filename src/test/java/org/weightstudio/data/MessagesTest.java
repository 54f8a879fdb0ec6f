package org.weightstudio.data;

import org.weightstudio.common.Messages;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void oneLineForEveryKindOfFailure() {
        assertThat(Messages.firstLine("bad token\n  at line 3")).isEqualTo("bad token");
        assertThat(Messages.firstLine(null)).isEqualTo("no detail");
        assertThat(Messages.reason(new AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(Messages.reason(new FileSystemException("/a/b", null, "Not a directory"))).isEqualTo("Not a directory");
        assertThat(Messages.reason(new IOException("disk full\nmore"))).isEqualTo("disk full");
        assertThat(Messages.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Messages.withFile(new FileSystemException("/a/b", null, "Not a directory"))).isEqualTo("/a/b: Not a directory");
        assertThat(Messages.withFile(new AccessDeniedException("/x"))).isEqualTo("/x: permission denied");
        assertThat(Messages.withFile(new IOException("disk full"))).isEqualTo("disk full");
    }
}
