package io.tandem.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the modules and the command side's packages apart as STYLE.md lays them out. */
class ArchitectureTest {

    private static JavaClasses tandem;

    @BeforeAll
    static void importClasses() {
        tandem = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                        .importPackages("io.tandem");
    }

    /** Fails with the rule's violations listed. */
    private static void assertHolds(ArchRule rule) {
        EvaluationResult result = rule.evaluate(tandem);
        assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }

    @Test
    void theEventContractUsesNoSpringNoMongoAndNothingOfOurs() {
        assertHolds(classes().that().resideInAPackage("io.tandem.events")
                 .should().onlyDependOnClassesThat()
                 .resideInAnyPackage("java..", "io.tandem.events..", "org.axonframework.serialization.."));
    }

    /** Upcasters rewrite stored payloads as Jackson trees, so they alone may use Jackson. */
    @Test
    void theContractsUpcastersUseOnlyAxonSerializationAndJackson() {
        assertHolds(classes().that().resideInAPackage("io.tandem.events.upcasting..")
                 .should().onlyDependOnClassesThat()
                 .resideInAnyPackage("java..", "io.tandem.events..", "org.axonframework.serialization..",
                                     "com.fasterxml.jackson.databind.."));
    }

    @Test
    void theEventStoreKnowsNothingOfTheServices() {
        assertHolds(noClasses().that().resideInAPackage("io.tandem.eventstore..")
                   .should().dependOnClassesThat().resideInAnyPackage("io.tandem.command..", "org.springframework.."));
    }

    @Test
    void aggregatesDoNotDependOnTheWebLayer() {
        assertHolds(noClasses().that().resideInAnyPackage("io.tandem.command.productplan..",
                                                          "io.tandem.command.feedback..",
                                                          "io.tandem.command.common..")
                   .should().dependOnClassesThat().resideInAnyPackage("io.tandem.command.web..",
                                                                     "io.tandem.support.security..",
                                                                     "io.tandem.command.idempotency..",
                                                                     "org.springframework.web..",
                                                                     "jakarta.servlet.."));
    }

    @Test
    void eventsAreRecordsNamedAsPastFacts() {
        assertHolds(classes().that().resideInAPackage("io.tandem.events..").and().haveSimpleNameEndingWith("Event")
                 .should().beRecords()
                 .andShould().beAnnotatedWith(org.axonframework.serialization.Revision.class));
    }
}
