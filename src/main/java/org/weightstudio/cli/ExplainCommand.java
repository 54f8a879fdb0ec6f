package org.weightstudio.cli;

import org.weightstudio.common.ExitCodes;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.weightstudio.persistence.AtomicFiles;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.weightstudio.analysis.DigitPreprocessor;
import org.weightstudio.analysis.HiddenUnitContributions;
import org.weightstudio.analysis.GreyImage;
import org.weightstudio.analysis.PictureReader;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.model.Network;
import org.weightstudio.model.layers.Conv2D;
import org.weightstudio.persistence.SavedModel;
import org.weightstudio.render.PngWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weight-studio explain IMAGE --out FILE.png}: the picture, the 28x28 input the model
 * sees, and why the model says what it does, for a model of any architecture (see
 * {@link ExplainSheets}): the one-layer net's evidence maps (input times template) of the top two
 * classes or all ten; an MLP's hidden units that added most to the predicted class; a CNN's
 * feature maps, layer by layer.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Write one PNG showing why the model predicts what it does for a picture.",
            "It holds the picture and the 28x28 model input, then, by model: the one-layer net's evidence maps",
            "x*W_k of the top two classes (or all ten), each summing with its bias to that class's score; an MLP's",
            "hidden units that added most to the predicted class (activation x output weight), as pictures of",
            "their input weights (--all: every unit); a CNN's feature maps of each convolution."})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions modelOptions;

    @Parameters(index = "0", paramLabel = "IMAGE", description = "Picture of a single digit.")
    Path image;

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG file to write.")
    Path out;

    @Option(names = "--all", description = "One-layer net: the evidence maps of all classes, not only the top two; "
            + "MLP: every hidden unit, not only the top " + ExplainSheets.TOP_UNITS + ".")
    boolean all;

    @Mixin
    PreprocessingOptions preprocessing;

    @Override
    public Integer call() throws Exception {
        AtomicFiles.checkWritable(out);
        DigitPreprocessor.Mode mode = preprocessing.mode();
        GreyImage picture = PictureReader.read(image);
        SavedModel saved = modelOptions.load(spec.commandLine().getErr());
        Network network = saved.network();
        float[] x = DigitPreprocessor.prepare(picture, mode);
        Prediction prediction = Prediction.of(network, x);
        List<String> names = saved.classNames();
        String heading = String.format(Locale.ROOT, "%s: predicted %s (%.1f%%)   %s", image.getFileName(),
                names.get(prediction.best()), 100 * prediction.confidence(), saved.architecture().describe());
        ExplainSheets sheets = new ExplainSheets(heading, picture, x, PreprocessingOptions.name(mode));
        BufferedImage sheet;
        if (saved.isOneLayer()) {
            sheet = sheets.oneLayer(saved.model(), prediction, all ? prediction.ranking() : prediction.top(2), names,
                    all);
        } else if (HiddenUnitContributions.applies(network)) {
            sheet = sheets.mlp(network, prediction, names, all);
        } else if (network.layers().stream().anyMatch(l -> l instanceof Conv2D)) {
            sheet = sheets.cnn(network);
        } else {
            throw new UsageException("explain: " + saved.architecture().describe()
                    + " models are not supported (one-layer, MLP of dense layers with ReLU, or CNN)");
        }
        PngWriter.write(out, sheet);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(PredictCommand.line(image, prediction, names));
        stdout.println("wrote " + out);
        stdout.flush();
        return ExitCodes.OK;
    }
}
