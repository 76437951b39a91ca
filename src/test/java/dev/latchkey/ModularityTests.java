package dev.latchkey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;

/** The module boundaries of STYLE.md, checked on the compiled classes. */
class ModularityTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.latchkey");

    @Test
    void modulesHaveNoCycles() {
        slices().matching("dev.latchkey.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void controllersAreNotPublic() {
        classes().that().areAnnotatedWith(Controller.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void adminUsesOtherModulesOnlyThroughTheirApis() {
        noClasses().that().resideInAPackage("dev.latchkey.admin..")
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(CLASSES);
    }

    @Test
    void sharedHoldsNoBusinessModule() {
        noClasses().that().resideInAPackage("dev.latchkey.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.latchkey.sites..", "dev.latchkey.users..", "dev.latchkey.signin..", "dev.latchkey.mfa..",
                        "dev.latchkey.delivery..", "dev.latchkey.audit..", "dev.latchkey.admin..",
                        "dev.latchkey.portal..", "dev.latchkey.accounts..")
                .check(CLASSES);
    }
}
