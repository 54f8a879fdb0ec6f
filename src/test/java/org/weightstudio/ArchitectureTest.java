package org.weightstudio;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
            .layer("Common").definedBy("org.weightstudio.common..")
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
                    "Model")
            .whereLayer("Common").mayOnlyBeAccessedByLayers("Launcher", "Ui", "Cli", "Analysis", "Render",
                    "Persistence", "Training", "Model", "Data");

    /** Shared plumbing (messages, exit codes, the user-error type) knows nothing of the studio's layers. */
    @ArchTest
    static final ArchRule commonDependsOnNoLayer = noClasses().that().resideInAPackage("org.weightstudio.common..")
            .should().dependOnClassesThat().resideInAnyPackage("org.weightstudio.data..", "org.weightstudio.model..",
                    "org.weightstudio.training..", "org.weightstudio.persistence..", "org.weightstudio.render..",
                    "org.weightstudio.analysis..", "org.weightstudio.cli..", "org.weightstudio.ui..");

    @ArchTest
    static final ArchRule headlessCommandsNeverTouchTheWindow = noClasses().that()
            .resideInAPackage("org.weightstudio.cli..").should().dependOnClassesThat()
            .resideInAPackage("org.weightstudio.ui..");

    /** No two packages import each other, directly or round a loop (ui and ui.draw included). */
    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching("org.weightstudio.(**)").should()
            .beFreeOfCycles()
            // Inside the model layer the layer kinds and their factory (LayerSpec) know each other
            // by design; the rule is about packages of different concerns.
            .ignoreDependency(resideInAPackage("org.weightstudio.model.."), resideInAPackage("org.weightstudio.model.."));
}
