package org.weightstudio.cli;

import java.util.List;
import org.weightstudio.render.ScaleMode;
import picocli.CommandLine;

/** {@code shared}, {@code per-tile} or {@code robust} on the command line. */
final class ScaleModeConverter implements CommandLine.ITypeConverter<ScaleMode> {
    @Override
    public ScaleMode convert(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "shared" -> ScaleMode.SHARED;
            case "per-tile", "per_tile", "pertile" -> ScaleMode.PER_TILE;
            case "robust" -> ScaleMode.ROBUST;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a scale mode (use shared, per-tile or robust)");
        };
    }

    /** For --help. */
    static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("shared", "per-tile", "robust").iterator();
        }
    }
}
