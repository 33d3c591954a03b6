package io.tandem.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the modules and the command side's packages apart as STYLE.md lays them out. */
class ArchitectureTest {

    private static JavaClasses tandem;

    @BeforeAll
    static void importClasses() {
        tandem = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                        .importPackages("io.tandem");
    }

    @Test
    void theEventContractUsesNoSpringNoMongoAndNothingOfOurs() {
        classes().that().resideInAPackage("io.tandem.events..")
                 .should().onlyDependOnClassesThat()
                 .resideInAnyPackage("java..", "io.tandem.events..", "org.axonframework.serialization..")
                 .check(tandem);
    }

    @Test
    void theEventStoreKnowsNothingOfTheServices() {
        noClasses().that().resideInAPackage("io.tandem.eventstore..")
                   .should().dependOnClassesThat().resideInAnyPackage("io.tandem.command..", "org.springframework..")
                   .check(tandem);
    }

    @Test
    void aggregatesDoNotDependOnTheWebLayer() {
        noClasses().that().resideInAnyPackage("io.tandem.command.productplan..", "io.tandem.command.feedback..",
                                              "io.tandem.command.common..")
                   .should().dependOnClassesThat().resideInAnyPackage("io.tandem.command.web..",
                                                                     "io.tandem.support.security..",
                                                                     "io.tandem.command.idempotency..",
                                                                     "org.springframework.web..",
                                                                     "jakarta.servlet..")
                   .check(tandem);
    }

    @Test
    void eventsAreRecordsNamedAsPastFacts() {
        classes().that().resideInAPackage("io.tandem.events..").and().haveSimpleNameEndingWith("Event")
                 .should().beRecords()
                 .andShould().beAnnotatedWith(org.axonframework.serialization.Revision.class)
                 .check(tandem);
    }
}
