package ai.stockclerk;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which capability may use which (docs/ARCHITECTURE.md). The engine and the connectors know
 * nothing of the store or the agents; the store knows nothing of the web; nothing but the CLI
 * depends on the CLI.
 */
@AnalyzeClasses(packages = "ai.stockclerk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "ai.stockclerk";

  @ArchTest
  static final ArchRule engineIsIndependent = noClasses().that().resideInAPackage(ROOT + ".engine..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".agents..", ROOT + ".channels..", ROOT + ".store..",
          ROOT + ".api..", ROOT + ".ingest..", ROOT + ".tenants..", ROOT + ".secrets..");

  @ArchTest
  static final ArchRule channelsKnowOnlyVendors = noClasses().that().resideInAPackage(ROOT + ".channels..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".agents..", ROOT + ".store..", ROOT + ".api..",
          ROOT + ".ingest..", ROOT + ".tenants..");

  @ArchTest
  static final ArchRule storeIsBelowEverything = noClasses().that().resideInAPackage(ROOT + ".store..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".agents..", ROOT + ".channels..", ROOT + ".api..",
          ROOT + ".ingest..", ROOT + ".tenants..", ROOT + ".engine..");

  @ArchTest
  static final ArchRule secretsStandAlone = noClasses().that().resideInAPackage(ROOT + ".secrets..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".agents..", ROOT + ".channels..", ROOT + ".api..",
          ROOT + ".ingest..", ROOT + ".tenants..", ROOT + ".engine..", ROOT + ".store..");

  @ArchTest
  static final ArchRule onlyTheApiServesHttpRoutes = noClasses().that().resideOutsideOfPackages(ROOT + ".api..",
          ROOT + ".ingest..", ROOT + ".channels.simulator..")
      .should().beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class);

  @ArchTest
  static final ArchRule nobodyUsesTheCli = noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
      .should().dependOnClassesThat().resideInAPackage(ROOT + ".cli..");

  @ArchTest
  static final ArchRule vendorsDoNotUseEachOther = slices().matching(ROOT + ".channels.(*)..")
      .should().notDependOnEachOther()
      .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
          com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(ROOT + ".channels.support.."))
      .ignoreDependency(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
          ROOT + ".channels.simulator.."), com.tngtech.archunit.base.DescribedPredicate.alwaysTrue());
}
