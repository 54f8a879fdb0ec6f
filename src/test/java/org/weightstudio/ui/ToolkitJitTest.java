package org.weightstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The directive that keeps JavaFX's code off the optimising compiler, and that HotSpot takes it. */
class ToolkitJitTest {
    @Test
    void theDirectiveExcludesTheToolkitAndTextFormattingFromC2Only() {
        JsonArray all = JsonParser.parseString(ToolkitJit.directives()).getAsJsonArray();
        assertThat(all).hasSize(1);
        JsonObject d = all.get(0).getAsJsonObject();
        assertThat(d.keySet()).containsExactlyInAnyOrder("match", "c2");
        assertThat(d.getAsJsonObject("c2").get("Exclude").getAsBoolean()).isTrue();
        assertThat(d.getAsJsonArray("match").asList().stream().map(e -> e.getAsString()))
                .containsExactlyElementsOf(ToolkitJit.TOOLKIT)
                .contains("javafx/*.*", "com/sun/prism/*.*", "com/sun/marlin/*.*", "java/util/Formatter*.*")
                .allMatch(p -> p.endsWith("*.*"))
                // the studio's own code (its rasteriser, the trainer) stays on C2
                .noneMatch(p -> p.startsWith("org/"));
    }

    @Test
    void hotSpotAddsItAtRunTime() {
        // the JDK these tests run on is HotSpot's, as the studio's runtime image is
        ToolkitJit.Result r = ToolkitJit.apply();
        assertThat(r.applied()).as(r.answer()).isTrue();
        assertThat(r.answer()).isEqualTo("1 compiler directives added");
    }

    @Test
    void thePropertyLeavesTheJitAlone() {
        System.setProperty(ToolkitJit.KEEP_PROPERTY, "true");
        try {
            ToolkitJit.Result r = ToolkitJit.apply();
            assertThat(r.applied()).isFalse();
            assertThat(r.answer()).contains(ToolkitJit.KEEP_PROPERTY);
        } finally {
            System.clearProperty(ToolkitJit.KEEP_PROPERTY);
        }
    }
}
