package org.musai;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final String[] CORE = {"org.musai.progress..", "org.musai.io..", "org.musai.midi..",
            "org.musai.token..", "org.musai.model..", "org.musai.train..", "org.musai.generate..", "org.musai.audio..",
            "org.musai.quality.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.musai");
    }

    @Test
    void theCoreNeverSeesAUserInterface() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "java.awt..",
                        "picocli..", "org.musai.cli..", "org.musai.studio..")
                .because("the core runs headless under the CLI, the studio and the tests alike")
                .check(classes);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses().that().resideOutsideOfPackage("org.musai.cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("the core reports through listeners and results, so any front end can show them")
                .check(classes);
    }

    @Test
    void midiKnowsNothingOfTokens() {
        noClasses().that().resideInAnyPackage("org.musai.midi..", "org.musai.progress..", "org.musai.io..")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.token..")
                .because("data flows one way: MIDI to scores to tokens")
                .check(classes);
    }

    @Test
    void generationAndTrainingStayApart() {
        noClasses().that().resideInAnyPackage("org.musai.generate..", "org.musai.audio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.train..")
                .because("generation reads model folders on its own; the trainer's loop is not its business")
                .check(classes);
        noClasses().that().resideInAnyPackage("org.musai.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.token..", "org.musai.train..",
                        "org.musai.generate..")
                .because("the model takes ids and a vocabulary size, so it can be tested with random ids")
                .check(classes);
    }

    @Test
    void theQualityBenchmarkJudgesScoresAndNothingDependsOnIt() {
        noClasses().that().resideInAPackage("org.musai.quality..")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.train..", "org.musai.audio..",
                        "org.musai.io..")
                .because("it generates through the generator's public requests and judges scores; held-out NLL "
                        + "belongs to the trainer's evaluation, which the command line calls beside it")
                .check(classes);
        noClasses().that().resideInAPackage("org.musai.quality..")
                .and().haveSimpleNameNotStartingWith("Quality").and().haveSimpleNameNotStartingWith("Infill")
                .and().haveSimpleNameNotStartingWith("TrainingCorpus")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.generate..", "org.musai.token..",
                        "org.musai.model..")
                .because("the judge sees only the Score, so it measures any piece alike, whoever wrote it")
                .check(classes);
        noClasses().that().resideOutsideOfPackages("org.musai.quality..", "org.musai.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.musai.quality..")
                .because("a benchmark measures: the generator and the rest of the core must not be built to it")
                .check(classes);
    }

    @Test
    void theStudioBuildsOnTheCoreNotOnTheCommandLine() {
        noClasses().that().resideInAnyPackage("org.musai.studio..")
                .should().dependOnClassesThat().resideInAnyPackage("org.musai.cli..")
                .because("both front ends sit on the same core services; the command line only launches the studio")
                .check(classes);
    }

    @Test
    void viewModelsHoldStateNotControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..")
                .because("a view model is tested without a stage; its view binds the controls to it")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.musai.(*)..").should().beFreeOfCycles()
                .because("each layer builds on the ones below it").check(classes);
    }
}
