package dev.ccr;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph README's package table describes: no cycle between packages, each layer calls only the layers
 * below it (ingress → router → transform → catalog → provider, with the Redis shared state and the leaf packages
 * under them), the operations layer reads the request path (the request's record and events in dev.ccr.request) but
 * the request path never depends on it, per-user keys sit on top of both (their authenticator wraps the router key,
 * their admin API reads bodies and saves files as /admin/routing does), and only the root package wires.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.ccr");
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.ccr.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The root package starts Camel and binds beans: it may use everything, nothing may use it. */
    @Test
    void onlyTheRootPackageWires() {
        noClasses().that().resideOutsideOfPackage("dev.ccr")
                .should().dependOnClassesThat().resideInAPackage("dev.ccr")
                .check(classes);
    }

    @Test
    void layersCallOnlyDownwards() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Wiring").definedBy("dev.ccr")
                .layer("Tools").definedBy("dev.ccr.importer..", "dev.ccr.launch..")
                .layer("Keys").definedBy("dev.ccr.keys..")
                .layer("Operations").definedBy("dev.ccr.admin..", "dev.ccr.stats..")
                .layer("Ingress").definedBy("dev.ccr.ingress..")
                .layer("Router").definedBy("dev.ccr.router..")
                .layer("Transform").definedBy("dev.ccr.transform..")
                .layer("Request").definedBy("dev.ccr.request..")
                .layer("Catalog").definedBy("dev.ccr.catalog..")
                .layer("Provider").definedBy("dev.ccr.provider..")
                .layer("SharedState").definedBy("dev.ccr.shared..")
                .layer("Shared").definedBy("dev.ccr.model..", "dev.ccr.error..", "dev.ccr.config..",
                        "dev.ccr.json..", "dev.ccr.stream..", "dev.ccr.tokens..")
                .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
                .whereLayer("Tools").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Keys").mayOnlyBeAccessedByLayers("Wiring")
                .whereLayer("Operations").mayOnlyBeAccessedByLayers("Wiring", "Tools", "Keys")
                .whereLayer("Ingress").mayOnlyBeAccessedByLayers("Wiring", "Keys")
                .whereLayer("Router").mayOnlyBeAccessedByLayers("Wiring", "Ingress", "Operations", "Tools")
                .whereLayer("Transform").mayOnlyBeAccessedByLayers("Wiring", "Ingress", "Router")
                .whereLayer("Request").mayOnlyBeAccessedByLayers("Wiring", "Keys", "Ingress", "Router", "Transform",
                        "Operations")
                .whereLayer("Catalog").mayOnlyBeAccessedByLayers("Wiring", "Keys", "Ingress", "Router", "Transform")
                .whereLayer("Provider").mayOnlyBeAccessedByLayers("Wiring", "Keys", "Ingress", "Router", "Request",
                        "Transform", "Catalog", "Operations", "Tools")
                .whereLayer("SharedState").mayOnlyBeAccessedByLayers("Wiring", "Keys", "Operations", "Router")
                .whereLayer("Shared").mayNotAccessAnyLayer();
        layers.check(classes);
    }

    /**
     * A transformer writes bodies; the credentials (API keys, Kiro tokens) are added by the provider layer on the
     * way out, so no transformer can leak one into a body or a log line. Nor may it send a call itself.
     */
    @Test
    void transformersNeverSeeCredentials() {
        noClasses().that().resideInAPackage("dev.ccr.transform..")
                .should().dependOnClassesThat().haveSimpleNameContaining("Credentials")
                .orShould().dependOnClassesThat().haveSimpleNameStartingWith("KiroToken")
                .orShould().dependOnClassesThat().haveSimpleName("KiroRefresher")
                .orShould().dependOnClassesThat().haveSimpleName("ProviderClient")
                .check(classes);
    }

    /** One protocol's translation never borrows another's: each can change without breaking the rest. */
    @Test
    void protocolsNeverSeeEachOther() {
        slices().matching("dev.ccr.transform.(*)..").should().notDependOnEachOther().check(classes);
    }
}
