package org.weightstudio.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.weightstudio.model.Classifier;
import org.weightstudio.ui.draw.NamedModel;

/**
 * The models of the window: which one is shown (the selector), the MLP's hidden size, and one
 * {@link ModelSlot} per model made so far. A model is made the first time it is chosen, so a
 * window used only for the one-layer net trains nothing else. FX thread only; the switching
 * itself is {@link StudioViewModel#select}, which moves every view-model over.
 */
public final class ModelsViewModel implements AutoCloseable {
    /** The MLP sizes the selector offers. */
    static final List<Integer> HIDDEN_SIZES = List.of(16, 32, 64, 128, 256);

    private final Map<ModelKind, ModelSlot> slots = new EnumMap<>(ModelKind.class);
    private final ReadOnlyObjectWrapper<ModelKind> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper hidden = new ReadOnlyIntegerWrapper();

    ModelsViewModel(ModelKind start, int hidden) {
        this.selected.set(start);
        this.hidden.set(hidden);
    }

    /** The model shown. */
    public ReadOnlyObjectProperty<ModelKind> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty hiddenProperty() {
        return hidden.getReadOnlyProperty();
    }

    void setSelected(ModelKind kind) {
        selected.set(kind);
    }

    void setHidden(int h) {
        hidden.set(h);
    }

    /** The slot of the model shown (null before the data has loaded). */
    ModelSlot current() {
        return slots.get(selected.get());
    }

    ModelSlot slot(ModelKind kind) {
        return slots.get(kind);
    }

    void put(ModelSlot slot) {
        slots.put(slot.kind(), slot);
    }

    /** Forgets a model (the MLP when its hidden size changes); its thread is stopped. */
    void remove(ModelKind kind) {
        ModelSlot s = slots.remove(kind);
        if (s != null) {
            s.close();
        }
    }

    /** The models made so far, in selector order. */
    List<ModelSlot> slots() {
        return new ArrayList<>(slots.values());
    }

    /**
     * Every model that has trained, with its newest parameters, for the Draw, Robustness and Test
     * set tabs: the model shown as on screen (a recorded picture while the timeline looks back),
     * the others as their trainer left them.
     */
    public List<NamedModel> trainedModels(ShownPicture shown) {
        List<NamedModel> out = new ArrayList<>();
        for (ModelSlot s : slots.values()) {
            boolean isShown = s.kind() == selected.get() && shown != null;
            Classifier model = isShown ? s.model(shown.frame().frame()) : s.latestModel();
            long step = isShown ? shown.step() : s.latest() == null ? 0 : s.latest().step();
            if (model != null && step > 0) {
                out.add(new NamedModel(s.kind().label, ModelKind.describe(s.architecture()), s.architecture(), model,
                        step));
            }
        }
        return out;
    }

    @Override
    public void close() {
        for (ModelSlot s : slots.values()) {
            s.close();
        }
    }
}
