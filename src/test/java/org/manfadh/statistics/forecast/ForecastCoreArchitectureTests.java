package org.manfadh.statistics.forecast;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ForecastCoreArchitectureTests {

    @Test
    void keepsTheForecastCorePure() {
        JavaClasses core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.manfadh.statistics.forecast");
        classes().that().resideInAPackage("org.manfadh.statistics.forecast").and().doNotHaveSimpleName("package-info")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.manfadh.statistics.forecast")
                .because("the forecast is unit-tested and backtested without a context, a database or the network")
                .check(core);
    }
}
