package io.tandem.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** STYLE.md: the query side never depends on the command side; the read models know nothing of the web layer. */
class QuerySideArchitectureTest {

    private static final JavaClasses QUERY_SIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.tandem.query");

    @Test
    void theQuerySideNeverDependsOnTheCommandSide() {
        assertHolds(noClasses().that().resideInAPackage("io.tandem.query..")
                               .should().dependOnClassesThat().resideInAPackage("io.tandem.command.."));
    }

    @Test
    void readModelsDoNotDependOnTheWebOrLiveLayers() {
        assertHolds(noClasses().that().resideInAnyPackage("io.tandem.query.dashboard..", "io.tandem.query.decisions..",
                                                          "io.tandem.query.membership..")
                               .should().dependOnClassesThat().resideInAnyPackage("io.tandem.query.web..",
                                                                                  "io.tandem.query.live.."));
    }

    private static void assertHolds(ArchRule rule) {
        assertThat(rule.evaluate(QUERY_SIDE).getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
}
