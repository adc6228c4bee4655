package dev.upbeat.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layering rules of docs/architecture.md, checked on the compiled classes: a fully qualified
 * name, a lambda or a nested class counts as a dependency just like an import does.
 */
@AnalyzeClasses(packages = "dev.upbeat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule no_package_depends_on_itself_through_others =
            slices().matching("dev.upbeat.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule only_the_web_edge_uses_the_web_framework = noClasses()
            .that(are(not(webEdge()))).should().dependOnClassesThat().resideInAPackage("io.javalin..")
            .because("only web handlers (*Api, *Pages, *Assets, *Events, SessionGate), web/ and the composition root "
                    + "may know Javalin");

    @ArchTest
    static final ArchRule only_repositories_and_storage_use_jdbi = noClasses()
            .that(are(not(topLevelNamed(".*Repository").or(inPackage("dev.upbeat.storage")))))
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
            .because("services pass storage.Tx to repositories; only those run SQL");

    @ArchTest
    static final ArchRule the_status_snapshot_does_not_know_the_compatible_views = noClasses()
            .that().resideInAPackage("dev.upbeat.status..").should().dependOnClassesThat()
            .resideInAPackage("dev.upbeat.compat..")
            .because("compat reads status and hands it its fixed bodies, never the reverse");

    @ArchTest
    static final ArchRule the_compatible_views_are_pure = noClasses()
            .that(are(inPackage("dev.upbeat.compat").and(not(topLevelNamed(".*Api")))))
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "dev.upbeat.web..", "dev.upbeat.storage..",
                    "org.jdbi..");

    @ArchTest
    static final ArchRule components_know_nothing_of_incidents_status_or_uptime = noClasses()
            .that().resideInAPackage("dev.upbeat.component..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.upbeat.incident..", "dev.upbeat.status..", "dev.upbeat.uptime..");

    @ArchTest
    static final ArchRule components_know_nothing_of_inventories_or_advisories = noClasses()
            .that().resideInAPackage("dev.upbeat.component..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.upbeat.inventory..", "dev.upbeat.advisory..")
            .because("what a component runs and what threatens it build on components, not the reverse");

    @ArchTest
    static final ArchRule inventories_know_nothing_of_advisories = noClasses()
            .that().resideInAPackage("dev.upbeat.inventory..").should().dependOnClassesThat()
            .resideInAPackage("dev.upbeat.advisory..")
            .because("an inventory change reaches triage through InventoryListener, inside its transaction");

    @ArchTest
    static final ArchRule sbom_and_purl_libraries_stay_in_the_inventory = noClasses()
            .that().resideOutsideOfPackage("dev.upbeat.inventory..").should().dependOnClassesThat()
            .resideInAnyPackage("org.cyclonedx..", "com.github.packageurl..")
            .because("SBOMs are read and purls normalised in one place (inventory.SbomReader, inventory.Purls)");

    @ArchTest
    static final ArchRule version_ranges_stay_in_the_advisories = noClasses()
            .that().resideOutsideOfPackage("dev.upbeat.advisory..").should().dependOnClassesThat()
            .resideInAPackage("io.github.nscuro..")
            .because("vers ranges are read and compared in one place (advisory.VersionRanges, advisory.OsvRecord)");

    @ArchTest
    static final ArchRule the_simulator_stands_alone = classes()
            .that().resideInAPackage("dev.upbeat.simulator..").should().onlyDependOnClassesThat(
                    resideOutsideOfPackage("dev.upbeat..").or(resideInAnyPackage("dev.upbeat.simulator..",
                            "dev.upbeat.config..", "dev.upbeat.problem..", "dev.upbeat.json..", "dev.upbeat.storage..",
                            "dev.upbeat.web..")))
            .because("the simulator also runs alone (upbeat sim serve), without the status domain");

    @ArchTest
    static final ArchRule configuration_is_a_leaf = noClasses()
            .that().resideInAPackage("dev.upbeat.config..").should().dependOnClassesThat()
            .resideInAnyPackage(featuresExcept("config"))
            .because("every part reads its settings; settings read no part");

    @ArchTest
    static final ArchRule the_web_toolkit_never_imports_the_features_that_use_it = noClasses()
            .that().resideInAPackage("dev.upbeat.web..").should().dependOnClassesThat()
            .resideInAnyPackage(featuresExcept("web", "json", "problem", "storage"))
            .because("the route table and the server belong to the composition root (app)");

    @ArchTest
    static final ArchRule nothing_but_the_command_line_knows_the_composition_root = noClasses()
            .that().resideOutsideOfPackages("dev.upbeat.app..", "dev.upbeat.cli..", "dev.upbeat.demo..", "dev.upbeat")
            .should().dependOnClassesThat().resideInAPackage("dev.upbeat.app..");

    private static String[] featuresExcept(String... allowed) {
        return PackageMap.packages().stream().filter(p -> !List.of(allowed).contains(p))
                .map(p -> "dev.upbeat." + p + "..").toArray(String[]::new);
    }

    private static DescribedPredicate<JavaClass> webEdge() {
        return inPackage("dev.upbeat.web").or(inPackage("dev.upbeat.app"))
                .or(topLevelNamed(".*(Api|Pages|Assets|Events)|SessionGate"));
    }

    private static DescribedPredicate<JavaClass> inPackage(String name) {
        return DescribedPredicate.describe("in " + name, c -> c.getPackageName().equals(name)
                || c.getPackageName().startsWith(name + "."));
    }

    /** Nested classes and lambdas belong to the class they are written in. */
    private static DescribedPredicate<JavaClass> topLevelNamed(String regex) {
        return DescribedPredicate.describe("named " + regex, c -> {
            JavaClass top = c;
            while (top.getEnclosingClass().isPresent()) {
                top = top.getEnclosingClass().get();
            }
            return top.getSimpleName().matches(regex);
        });
    }

    private static <T> DescribedPredicate<T> are(DescribedPredicate<T> p) {
        return p;
    }

    private static <T> DescribedPredicate<T> not(DescribedPredicate<T> p) {
        return DescribedPredicate.not(p);
    }
}
