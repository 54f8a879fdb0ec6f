package org.weightstudio;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Arrows go downwards only, and only the window knows JavaFX exists. */
@AnalyzeClasses(packages = "org.weightstudio", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses().that().resideOutsideOfPackage("org.weightstudio.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Launcher").definedBy("org.weightstudio")
            .layer("Ui").definedBy("org.weightstudio.ui..")
            .layer("Cli").definedBy("org.weightstudio.cli..")
            .layer("Analysis").definedBy("org.weightstudio.analysis..")
            .layer("Render").definedBy("org.weightstudio.render..")
            .layer("Persistence").definedBy("org.weightstudio.persistence..")
            .layer("Training").definedBy("org.weightstudio.training..")
            .layer("Model").definedBy("org.weightstudio.model..")
            .layer("Data").definedBy("org.weightstudio.data..")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Ui", "Cli")
            .whereLayer("Render").mayOnlyBeAccessedByLayers("Ui", "Cli", "Analysis")
            // render writes its PNGs, GIFs and snapshot sidecars through persistence (AtomicFiles);
            // persistence never uses render.
            .whereLayer("Persistence").mayOnlyBeAccessedByLayers("Ui", "Cli", "Analysis", "Render")
            .whereLayer("Training").mayOnlyBeAccessedByLayers("Ui", "Cli", "Analysis", "Render", "Persistence")
            .whereLayer("Model").mayOnlyBeAccessedByLayers("Ui", "Cli", "Analysis", "Render", "Persistence", "Training")
            .whereLayer("Data").mayOnlyBeAccessedByLayers("Ui", "Cli", "Analysis", "Render", "Persistence", "Training",
                    "Model");

    @ArchTest
    static final ArchRule headlessCommandsNeverTouchTheWindow = noClasses().that()
            .resideInAPackage("org.weightstudio.cli..").should().dependOnClassesThat()
            .resideInAPackage("org.weightstudio.ui..");
}
