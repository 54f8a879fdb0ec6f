package org.weightstudio.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.weightstudio.TestData;
import org.weightstudio.analysis.GreyImage;
import org.weightstudio.analysis.PictureReader;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.common.BadInputException;
import org.weightstudio.data.DatasetException;
import org.weightstudio.data.IdxReader;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.persistence.ModelFileException;
import org.weightstudio.persistence.ModelStore;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.persistence.StudioSettings;
import org.weightstudio.persistence.StudioSettingsStore;
import org.weightstudio.training.TrainingConfig;

/**
 * Seeded fuzzing of everything a user can hand the studio: IDX files, model JSON, settings JSON
 * and PNG/JPEG pictures, mutated from valid ones ({@link Mutator}). The property, for each: the
 * input is read completely and makes sense (no NaN), or it is refused with the one-line
 * {@link BadInputException} that the commands print with exit 65; nothing else escapes (anything
 * else would be exit 70 with a trace). Settings are never refused: a bad value falls back, and
 * what is saved then loads back whole without a warning. See {@link Fuzz} for counts and seeds.
 */
class FuzzTest {
    @TempDir
    static Path dir;
    private static byte[] idxImages;
    private static byte[] idxLabels;
    private static String modelJson;
    private static String settingsJson;
    private static byte[] png;
    private static byte[] jpeg;

    @BeforeAll
    static void validInputs() throws IOException {
        byte[] pixels = new byte[6 * 5 * 4];
        new Random(1).nextBytes(pixels);
        idxImages = TestData.idx3(pixels, 6, 5, 4);
        idxLabels = TestData.idx1(new byte[] {0, 1, 2, 3, 4, 5});

        Random r = new Random(2);
        float[] w = new float[3 * 16];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        SoftmaxModel model = SoftmaxModel.of(3, 16, w, new float[] {0.1f, -0.2f, 0.3f});
        Path file = dir.resolve("valid-model.json");
        ModelStore.save(file, new SavedModel(model, "fuzz", List.of("a", "b", "c"), 4, 4,
                TrainingConfig.defaults(), 12, 0.5));
        modelJson = Files.readString(file);

        StudioSettings s = StudioSettings.defaults();
        s.refreshInterval = 25;
        s.snapshotFolder = "/tmp/pictures";
        Path settings = dir.resolve("valid-settings.json");
        new StudioSettingsStore(settings).save(s);
        settingsJson = Files.readString(settings);

        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.BLACK);
        g.fillOval(12, 4, 14, 22);
        g.dispose();
        png = encode(image, "png");
        jpeg = encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    static java.util.stream.IntStream cases() {
        return Fuzz.cases();
    }

    @ParameterizedTest(name = "idx case {0}")
    @MethodSource("cases")
    void idxFilesLoadWholeOrFailWithOneLine(int c) throws IOException {
        Random random = Fuzz.random("idx", c);
        Mutator mutator = new Mutator(random);
        for (int i = 0; i < Fuzz.perCase(); i++) {
            boolean images = random.nextBoolean();
            boolean gzip = random.nextBoolean();
            Mutator.Mutated<byte[]> m = mutator.bytes(images ? idxImages : idxLabels, images ? 16 : 8);
            byte[] content = gzip ? TestData.gzip(m.value()) : m.value();
            if (gzip && random.nextInt(4) == 0) {
                content = mutator.bytes(content, 10).value(); // a corrupt gzip stream too
            }
            String origin = Fuzz.origin("idx", c, i, (images ? "images " : "labels ") + (gzip ? "gzip " : "") + m.how());
            Path file = Files.write(dir.resolve("idx-" + c), content);
            try {
                if (images) {
                    IdxReader.Images read = IdxReader.readImages(file);
                    assertThat(read.pixels()).as(origin).hasSize(read.count() * read.rows() * read.cols());
                } else {
                    assertThat(IdxReader.readLabels(file)).as(origin).isNotNull();
                }
            } catch (DatasetException e) {
                assertOneLine(e, file.getFileName().toString(), origin);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(origin + ": escaped as " + e, e);
            }
        }
    }

    @ParameterizedTest(name = "model case {0}")
    @MethodSource("cases")
    void modelFilesLoadIntoFiniteProbabilitiesOrFailWithOneLine(int c) throws IOException {
        Random random = Fuzz.random("model", c);
        Mutator mutator = new Mutator(random);
        for (int i = 0; i < Fuzz.perCase(); i++) {
            Mutator.Mutated<String> m = mutator.json(modelJson);
            String origin = Fuzz.origin("model", c, i, m.how());
            Path file = Files.writeString(dir.resolve("model-" + c + ".json"), m.value());
            try {
                SavedModel loaded = ModelStore.load(file);
                SoftmaxModel model = loaded.model();
                float[] x = new float[model.inputs()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = random.nextFloat();
                }
                Prediction p = Prediction.of(model, x);
                for (float prob : p.probabilities()) {
                    assertThat(Float.isFinite(prob)).as(origin + ": probability " + prob).isTrue();
                }
                assertThat(loaded.step()).as(origin).isNotNegative();
                assertThat(loaded.imageRows() * loaded.imageCols()).as(origin).isEqualTo(model.inputs());
            } catch (ModelFileException e) {
                assertOneLine(e, file.getFileName().toString(), origin);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(origin + ": escaped as " + e, e);
            }
        }
    }

    @ParameterizedTest(name = "settings case {0}")
    @MethodSource("cases")
    void settingsAlwaysLoadAndWhatIsSavedLoadsBackClean(int c) throws IOException {
        Random random = Fuzz.random("settings", c);
        Mutator mutator = new Mutator(random);
        Path folder = Files.createDirectories(dir.resolve("settings-" + c));
        for (int i = 0; i < Fuzz.perCase(); i++) {
            Mutator.Mutated<String> m = mutator.json(settingsJson);
            String origin = Fuzz.origin("settings", c, i, m.how());
            Path file = Files.writeString(folder.resolve("settings.json"), m.value());
            StudioSettingsStore store = new StudioSettingsStore(file);
            try {
                StudioSettingsStore.Loaded loaded = store.load();
                if (loaded.warning() != null) {
                    assertThat(loaded.warning()).as(origin).startsWith(file.toString()).doesNotContain("\n")
                            .doesNotContain("\u0000");
                }
                if (i % 50 == 0) {
                    // every 50th: what the window would save loads back whole (a save forces
                    // the disk, too slow for every input)
                    store.save(loaded.settings());
                    StudioSettingsStore.Loaded again = store.load();
                    assertThat(again.warning()).as(origin + ": saved settings load with a warning").isNull();
                    assertThat(again.settings()).as(origin).usingRecursiveComparison().isEqualTo(loaded.settings());
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError(origin + ": escaped as " + e, e);
            }
        }
        try (var files = Files.list(folder)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @ParameterizedTest(name = "picture case {0}")
    @MethodSource("cases")
    void picturesDecodeOrFailWithOneLine(int c) throws IOException {
        Random random = Fuzz.random("picture", c);
        Mutator mutator = new Mutator(random);
        for (int i = 0; i < Fuzz.perCase(); i++) {
            boolean isPng = random.nextBoolean();
            // the PNG header (signature and IHDR) is 33 bytes; a JPEG's first segments about 20
            Mutator.Mutated<byte[]> m = mutator.bytes(isPng ? png : jpeg, isPng ? 33 : 24);
            String origin = Fuzz.origin("picture", c, i, (isPng ? "png " : "jpeg ") + m.how());
            Path file = Files.write(dir.resolve("picture-" + c + (isPng ? ".png" : ".jpg")), m.value());
            try {
                GreyImage image = PictureReader.read(file);
                assertThat(image.luminance()).as(origin).hasSize(image.width() * image.height());
                for (float v : image.luminance()) {
                    if (!Float.isFinite(v)) {
                        fail(origin + ": luminance " + v);
                    }
                }
            } catch (BadInputException e) {
                assertOneLine(e, file.toString(), origin);
            } catch (RuntimeException | Error e) {
                throw new AssertionError(origin + ": escaped as " + e, e);
            }
        }
    }

    private static void assertOneLine(BadInputException e, String name, String origin) {
        assertThat(e.getMessage()).as(origin).startsWith(name + ": ").doesNotContain("\n");
    }
}
