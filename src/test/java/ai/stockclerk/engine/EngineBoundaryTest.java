package ai.stockclerk.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine knows nothing about stock: it imports none of the capabilities built on it. */
class EngineBoundaryTest {

  private final JavaClasses engine = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("ai.stockclerk.engine");

  @Test
  void engineImportsNoDomainCapability() {
    noClasses().that().resideInAPackage("ai.stockclerk.engine..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "ai.stockclerk.agents..", "ai.stockclerk.channels..", "ai.stockclerk.store..",
            "ai.stockclerk.api..", "ai.stockclerk.ingest..")
        .check(engine);
  }

  @Test
  void adaptersDoNotDependOnEachOther() {
    noClasses().that().resideInAPackage("..engine..memory..")
        .should().dependOnClassesThat().resideInAPackage("..engine..redis..")
        .check(engine);
  }
}
