package ai.stockclerk.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The engine knows nothing about stock: it imports none of the capabilities built on it. */
class EngineBoundaryTest {

  private final JavaClasses engine = importEngine();

  /** Only the engine's own classes: resolving every library class they touch would take many seconds. */
  private static JavaClasses importEngine() {
    ArchConfiguration configuration = ArchConfiguration.get();
    boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
    configuration.setResolveMissingDependenciesFromClassPath(false);
    try {
      Path classes = Path.of(Engine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(classes.resolve("ai/stockclerk/engine"));
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    } finally {
      configuration.setResolveMissingDependenciesFromClassPath(resolve);
    }
  }

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
