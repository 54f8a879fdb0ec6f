package org.weightstudio.cli;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.weightstudio.analysis.EvidenceMap;
import org.weightstudio.analysis.GreyImage;
import org.weightstudio.analysis.HiddenUnitContributions;
import org.weightstudio.analysis.Prediction;
import org.weightstudio.model.FeatureMaps;
import org.weightstudio.model.Network;
import org.weightstudio.model.SoftmaxModel;
import org.weightstudio.render.HeatmapRasterizer;
import org.weightstudio.render.Panel;
import org.weightstudio.render.PanelSheet;

/**
 * The pictures {@code explain} writes, one per kind of model, each beginning with the picture
 * and the 28x28 input the model sees. The one-layer net: the evidence maps x * W_k of the top
 * classes. An MLP: the hidden units that added most to the predicted class's score, as heatmaps
 * of their input weights. A CNN: every convolution's feature maps for the picture.
 *
 * @param heading the sheet's first line: the file and the verdict
 * @param picture the picture as read
 * @param input   the model's input, 28x28 in [0, 1]
 * @param mode    the preprocessing's name, for the input panel
 */
record ExplainSheets(String heading, GreyImage picture, float[] input, String mode) {
    private static final int CELL = 224;
    private static final int MAP_CELL = 112;
    /** Hidden units an MLP's sheet shows unless --all asks for every one. */
    static final int TOP_UNITS = 8;

    /** The picture and the model input: the first two panels of every sheet. */
    private List<Panel> start() {
        List<Panel> panels = new ArrayList<>();
        panels.add(new Panel("picture", picture.width() + "x" + picture.height(),
                Panel.luminanceToArgb(picture.luminance()), picture.width(), picture.height(), true));
        panels.add(new Panel("model input", "28x28, " + mode, Panel.inkToArgb(input), 28, 28, false));
        return panels;
    }

    /** The one-layer net: evidence maps of {@code classes} on one shared scale. */
    BufferedImage oneLayer(SoftmaxModel model, Prediction prediction, int[] classes, List<String> names, boolean all) {
        List<EvidenceMap> maps = new ArrayList<>();
        float range = 0;
        for (int k : classes) {
            EvidenceMap map = EvidenceMap.of(model, input, k, 28, 28);
            maps.add(map);
            range = Math.max(range, map.maxAbs());
        }
        List<Panel> panels = start();
        for (EvidenceMap map : maps) {
            int k = map.classIndex();
            panels.add(new Panel(String.format(Locale.ROOT, "class %s: p = %.3f", names.get(k),
                    prediction.probabilities()[k]), String.format(Locale.ROOT, "evidence %.2f %s bias %.2f = score %.2f",
                            map.evidence(), map.bias() < 0 ? "-" : "+", Math.abs(map.bias()), map.score()),
                    heat(map.values(), range), 28, 28, false));
        }
        return PanelSheet.compose(heading, panels, all ? 6 : 4, CELL, range,
                "evidence x_j * W[k, j]: red for the class, blue against");
    }

    /**
     * An MLP: the hidden units that added most to the predicted class's score (all of them,
     * ranked, with {@code all}), each as the 28x28 picture of its input weights, titled with its
     * contribution; one colour scale for all, so their sizes compare.
     */
    BufferedImage mlp(Network network, Prediction prediction, List<String> names, boolean all) {
        int k = prediction.best();
        HiddenUnitContributions c = HiddenUnitContributions.of(network, input, k);
        int hidden = c.contributions().length;
        int[] units = all ? c.ranking() : c.top(TOP_UNITS);
        float[] w = network.parameter(network.layers().get(0).name() + ".W").data();
        int pixels = input.length;
        float[][] unitWeights = new float[units.length][pixels];
        float range = 0;
        for (int i = 0; i < units.length; i++) {
            // unit j's input weights: column j of W1 (pixels x hidden)
            for (int p = 0; p < pixels; p++) {
                unitWeights[i][p] = w[p * hidden + units[i]];
            }
            range = Math.max(range, HeatmapRasterizer.maxAbs(unitWeights[i], 0, pixels));
        }
        List<Panel> panels = start();
        String factor = c.exact() ? "weight" : "slope";
        for (int i = 0; i < units.length; i++) {
            int u = units[i];
            float a = c.activations()[u];
            panels.add(new Panel(String.format(Locale.ROOT, "unit %d: %+.2f", u, c.contributions()[u]),
                    String.format(Locale.ROOT, "activation %.2f x %s %+.2f", a, factor,
                            a == 0 ? 0f : c.contributions()[u] / a),
                    heat(unitWeights[i], range), 28, 28, false));
        }
        String label = String.format(Locale.ROOT,
                "input weights of each unit (red: ink there raises it); these %d of %d units add %.2f to the score %.2f"
                        + " of %s%s", units.length, hidden, c.sumOf(units), c.score(), names.get(k),
                c.exact() ? String.format(Locale.ROOT, " (output bias %+.2f)", c.rest()) : "");
        return PanelSheet.compose(heading, panels, 5, CELL, range, label);
    }

    /**
     * A CNN: each convolution's maps after its ReLU, a row (or rows) per layer, each layer on its
     * own range (its largest activation), drawn as a share of it.
     */
    BufferedImage cnn(Network network) {
        List<FeatureMaps.Map> layers = FeatureMaps.of(network, input, null);
        int columns = 8;
        List<Panel> panels = start();
        StringBuilder ranges = new StringBuilder();
        for (FeatureMaps.Map m : layers) {
            padToRow(panels, columns);
            int size = m.height() * m.width();
            float max = HeatmapRasterizer.maxAbs(m.values(), 0, m.values().length);
            ranges.append(ranges.length() == 0 ? "" : ", ").append(m.layer()).append(' ')
                    .append(String.format(Locale.ROOT, "%.2f", max));
            for (int c = 0; c < m.channels(); c++) {
                int[] argb = new int[size];
                HeatmapRasterizer.rasterize(m.values(), c * size, max, argb);
                panels.add(new Panel(m.layer() + " map " + c, String.format(Locale.ROOT, "%dx%d, max %.2f",
                        m.height(), m.width(), HeatmapRasterizer.maxAbs(m.values(), c * size, size)), argb, m.width(),
                        m.height(), false));
            }
        }
        return PanelSheet.compose(heading, panels, columns, MAP_CELL, 1f,
                "activation / the largest of its layer (" + ranges + "); after ReLU every value is >= 0");
    }

    /** Empty cells up to the end of the current row, so the next layer starts a row of its own. */
    private static void padToRow(List<Panel> panels, int columns) {
        while (panels.size() % columns != 0) {
            panels.add(null);
        }
    }

    private static int[] heat(float[] values, float range) {
        int[] argb = new int[values.length];
        HeatmapRasterizer.rasterize(values, 0, range, argb);
        return argb;
    }
}
