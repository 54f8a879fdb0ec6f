package org.weightstudio.render;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** render/ draws with Java2D and ImageIO only, so the command line needs no JavaFX and no window. */
class RenderLayerTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.weightstudio");

    @Test
    void renderAndPersistenceUseNeitherJavaFxNorTheLayersAbove() {
        noClasses().that().resideInAnyPackage("org.weightstudio.render..", "org.weightstudio.persistence..",
                "org.weightstudio.training..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.weightstudio.ui..", "org.weightstudio.cli..")
                .check(MAIN);
    }

    @Test
    void persistenceDoesNotKnowTheRenderer() {
        noClasses().that().resideInAPackage("org.weightstudio.persistence..").should().dependOnClassesThat()
                .resideInAPackage("org.weightstudio.render..").check(MAIN);
    }
}
