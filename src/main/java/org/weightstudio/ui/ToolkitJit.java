package org.weightstudio.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps JavaFX's own code on the JIT's quick compiler (C1), so that the optimising compiler (C2)
 * serves the trainer. Left to itself, HotSpot's C2 thread spent half a core compiling and
 * recompiling toolkit code for as long as the window trained (9.1 s of CPU in an 18 s run of
 * 4,000,000 updates, against 3.7 s with this directive) while the FX thread's and the renderer's
 * own CPU stayed the same (4.6 and 1.5 s against 4.2 and 1.4 s): on two cores that is CPU taken
 * from the trainer. The labels' number formatting (String.format, DecimalFormat) is kept off C2
 * too: over the same run that is another 1.2-1.4 s of C2 time saved (4.1-4.5 s against 2.9-3.1 s).
 * Measured in docs/studio.md ("Speed").
 *
 * <p>The directive is added at run time through HotSpot's diagnostic command MBean, as {@code jcmd
 * PID Compiler.directives_add} would, so it needs no JVM option and works however the studio is
 * started. A JVM without that command keeps its own policy. {@code -Dweightstudio.toolkitC2=true}
 * leaves the JIT alone (for measuring the difference).
 */
final class ToolkitJit {
    /** Set to true to leave the JIT's policy as it is. */
    static final String KEEP_PROPERTY = "weightstudio.toolkitC2";

    /**
     * The toolkit's packages and the JDK's text formatting (HotSpot method patterns: a trailing *
     * matches the rest of the class name). The trainer runs none of them.
     */
    static final List<String> TOOLKIT = List.of("javafx/*.*", "com/sun/javafx/*.*", "com/sun/prism/*.*",
            "com/sun/marlin/*.*", "com/sun/glass/*.*", "com/sun/scenario/*.*", "com/sun/pisces/*.*",
            // the labels' number formatting (String.format, DecimalFormat), which only the window runs hot
            "java/text/*.*", "java/util/Formatter*.*", "java/util/regex/*.*", "jdk/internal/math/*.*",
            "sun/util/locale/*.*",
            // the bidirectional-text analysis JavaFX runs on every label it lays out (java.text.Bidi)
            "jdk/internal/icu/*.*");

    private ToolkitJit() {
    }

    /** The directive: these methods excluded from C2 (HotSpot then compiles them with C1 alone). */
    static String directives() {
        JsonArray match = new JsonArray();
        TOOLKIT.forEach(match::add);
        JsonObject c2 = new JsonObject();
        c2.addProperty("Exclude", true);
        JsonObject directive = new JsonObject();
        directive.add("match", match);
        directive.add("c2", c2);
        JsonArray all = new JsonArray();
        all.add(directive);
        return all.toString();
    }

    /**
     * Adds the directive to this JVM's compiler. Returns what the JVM answered, or why it was not
     * added (a JVM without the command, a directive it refused); never throws.
     */
    static Result apply() {
        if (Boolean.getBoolean(KEEP_PROPERTY)) {
            return new Result(false, KEEP_PROPERTY + " is set");
        }
        Path file = null;
        try {
            file = Files.createTempFile("weight-studio-jit", ".json");
            Files.writeString(file, directives(), StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                    new Object[] {new String[] {file.toString()}}, new String[] {String[].class.getName()});
            String text = String.valueOf(answer).trim();
            // HotSpot answers "1 compiler directives added"; a refused file says why instead
            return new Result(text.startsWith("1 compiler directives added"), text);
        } catch (IOException | JMException | RuntimeException e) {
            return new Result(false, e.toString());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file of a few hundred bytes; the OS cleans its temp folder
                }
            }
        }
    }

    /** Whether the directive is in place, and the JVM's answer (or the reason it is not). */
    record Result(boolean applied, String answer) {
    }
}
