package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.EvidenceMap;
import org.weightstudio.analysis.GreyImage;
import org.weightstudio.analysis.PictureReader;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;
import org.weightstudio.render.PanelSheet;
import org.weightstudio.render.PngWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio explain IMAGE --out FILE.png}: the picture, the 28x28 input the model
 * sees, and the evidence maps (input times template) of the top two classes, or all ten, on one
 * shared colour scale so their sizes compare.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Write one PNG showing why the model predicts what it does for a picture.",
            "It holds the picture, the 28x28 model input, and the evidence maps x*W_k of the top two classes",
            "(or all ten); each map sums, with its bias, to that class's score."})
public final class ExplainCommand implements Callable<Integer> {
    private static final int CELL = 224;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Picture of a single digit.")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--all", description = "Show the evidence maps of all classes, not only the top two.")
    boolean all;

    @Mixin
    PreprocessingOptions preprocessing;

    @Override
    public Integer call() throws Exception {
        DigitPreprocessor.Mode mode = preprocessing.mode();
        GreyImage picture = PictureReader.read(image);
        SavedModel saved = modelOptions.load(spec.commandLine().getErr());
        if (!saved.isOneLayer()) {
            // Evidence maps (input x template) exist for the one-layer net only; an MLP's
            // explanation (which hidden units fired) is not built yet.
            throw new UsageException("explain draws the one-layer net's evidence maps; "
                    + saved.architecture().describe() + " models are not supported yet (use predict)");
        }
        SoftmaxModel model = saved.model();
        float[] x = DigitPreprocessor.prepare(picture, mode);
        Prediction prediction = Prediction.of(model, x);
        int[] classes = all ? prediction.ranking() : prediction.top(2);

        List<EvidenceMap> maps = new ArrayList<>();
        float range = 0;
        for (int k : classes) {
            EvidenceMap map = EvidenceMap.of(model, x, k, 28, 28);
            maps.add(map);
            range = Math.max(range, map.maxAbs());
        }
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("picture", picture.width() + "x" + picture.height(),
                Panel.luminanceToArgb(picture.luminance()), picture.width(), picture.height(), true));
        panels.add(new Panel("model input", "28x28, " + PreprocessingOptions.name(mode), Panel.inkToArgb(x), 28, 28,
                false));
        List<String> names = saved.classNames();
        for (EvidenceMap map : maps) {
            int[] argb = new int[28 * 28];
            HeatmapRasterizer.rasterize(map.values(), 0, range, argb);
            int k = map.classIndex();
            panels.add(new Panel(String.format(Locale.ROOT, "class %s: p = %.3f", names.get(k), prediction.probabilities()[k]),
                    String.format(Locale.ROOT, "evidence %.2f %s bias %.2f = score %.2f", map.evidence(),
                            map.bias() < 0 ? "-" : "+", Math.abs(map.bias()), map.score()),
                    argb, 28, 28, false));
        }
        String heading = String.format(Locale.ROOT, "%s: predicted %s (%.1f%%)", image.getFileName(),
                names.get(prediction.best()), 100 * prediction.confidence());
        int columns = all ? 6 : 4;
        BufferedImage sheet = PanelSheet.compose(heading, panels, columns, CELL, range,
                "evidence x_j * W[k, j]: red for the class, blue against");
        PngWriter.write(out, sheet);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(PredictCommand.line(image, prediction, names));
        stdout.println("wrote " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
