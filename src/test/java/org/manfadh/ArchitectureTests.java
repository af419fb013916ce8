package org.manfadh;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house that Spring Modulith's verification ({@link ModularityTests}) does not
 * state: pure cores stay pure, HTTP stays in web packages, controllers speak to their module's
 * API, and the demo stays in its own module.
 */
class ArchitectureTests {

    private static final JavaClasses MANFADH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.manfadh");

    /** Manfadh's own web packages: controllers, screens, the API's problems. */
    private static final String WEB = "org.manfadh..web..";

    /** A package's own annotations (a named interface for Spring Modulith) are no dependency of its code. */
    private static final String PACKAGE_INFO = "package-info";

    /** The cores that hold rules and nothing else: the MRZ engine, the name matcher, stays, the crossing policy. */
    private static final String[] PURE_CORES = {"org.manfadh.document", "org.manfadh.screening.matching..",
            "org.manfadh.bordercontrol.stay..", "org.manfadh.bordercontrol.policy.."};

    @Test
    void keepsThePureCoresFreeOfSpringSqlAndJson() {
        noClasses().that().resideInAnyPackage(PURE_CORES).and().doNotHaveSimpleName(PACKAGE_INFO)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.postgresql..", "tools.jackson..", "com.fasterxml.jackson..", "jakarta..",
                        "java.net.http..")
                .because("a pure core is unit-tested and benchmarked without a context or a database")
                .check(MANFADH);
    }

    @Test
    void keepsTheMrzEngineToItself() {
        classes().that().resideInAPackage("org.manfadh.document")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.manfadh.document")
                .check(MANFADH);
    }

    @Test
    void keepsTheNameMatcherToItself() {
        classes().that().resideInAPackage("org.manfadh.screening.matching..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ibm.icu..",
                        "org.manfadh.screening.matching..")
                .check(MANFADH);
    }

    @Test
    void keepsTheBorderRulesToTheirModulesOwnValues() {
        // The stay calculation and the crossing policy may use the module's own enums, nothing else of it.
        classes().that().resideInAnyPackage("org.manfadh.bordercontrol.stay..", "org.manfadh.bordercontrol.policy..")
                .and().doNotHaveSimpleName(PACKAGE_INFO)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.manfadh.bordercontrol.stay..",
                        "org.manfadh.bordercontrol.policy..")
                        .or(resideInAPackage("org.manfadh.bordercontrol").and(JavaClass.Predicates.ENUMS)))
                .check(MANFADH);
    }

    @Test
    void keepsHttpProblemsAndControllersInWebPackages() {
        // The one HTTP boundary outside web packages is the access module's security chain (its
        // filters, sign-in handlers and language interceptor), which Spring Security builds beside
        // the accounts it guards; it answers nothing itself: access/web writes its problems.
        noClasses().that().resideOutsideOfPackages(WEB)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web.bind.annotation..",
                        "org.springframework.web.servlet.mvc..", "org.springframework.web.server..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.ErrorResponseException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.web.ErrorResponse")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ProblemDetail")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.ResponseEntity")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.http.HttpStatus")
                .because("services report failures as Rejection values; only web packages answer HTTP")
                .check(MANFADH);
    }

    @Test
    void letsOnlyWebPackagesUseWebTypes() {
        noClasses().that().resideOutsideOfPackages(WEB)
                .and().doNotHaveFullyQualifiedName("org.manfadh.access.internal.SecurityConfiguration")
                .should().dependOnClassesThat().resideInAPackage(WEB)
                .because("a web package is the outermost layer: nothing below it knows it is there "
                        + "(the security chain hands its refusals to access/web to write)")
                .check(MANFADH);
    }

    @Test
    void letsControllersSpeakOnlyToTheirModulesApi() {
        noClasses().that().resideInAPackage(WEB)
                .should().dependOnClassesThat().resideInAPackage("org.manfadh.*.internal..")
                .because("a module's API is the public types in its top package; internal is internal")
                .check(MANFADH);
    }

    @Test
    void keepsTheDemoInItsOwnModule() {
        classes().that().haveSimpleNameStartingWith("Demo")
                .should().resideInAPackage("org.manfadh.demo..")
                .check(MANFADH);
    }
}
