package com.gatehouse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.security.authentication.AuthenticationProvider;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of design.md §2 and docs/architecture.md, kept by the build. */
@AnalyzeClasses(packages = "com.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/** The features: each owns its data and rules, and depends on no adapter (REST handlers live in them). */
	private static final String[] FEATURES = { "com.gatehouse.abuse..", "com.gatehouse.audit..",
			"com.gatehouse.authcache..", "com.gatehouse.authkey..", "com.gatehouse.company..", "com.gatehouse.role..",
			"com.gatehouse.session..", "com.gatehouse.user..", "com.gatehouse.web.." };

	@ArchTest
	static final ArchRule restKnowsNoFeature = noClasses().that()
		.resideInAPackage("com.gatehouse.rest..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(DescribedPredicate.not(resideInAPackage("com.gatehouse.rest.."))))
		.because("the envelope knows no feature (design.md §2)");

	@ArchTest
	static final ArchRule credentialKernelUsesNothingOfOurs = noClasses().that()
		.resideInAPackage("com.gatehouse.credential..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..")
			.and(DescribedPredicate.not(resideInAPackage("com.gatehouse.credential.."))))
		.because("the credential kernel is at the bottom: everything may use it, it uses nothing of ours");

	@ArchTest
	static final ArchRule permissionKnowsOnlyTheEnvelopeAndTheKernel = noClasses().that()
		.resideInAPackage("com.gatehouse.permission..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(DescribedPredicate.not(resideInAnyPackage(
				"com.gatehouse.permission..", "com.gatehouse.rest..", "com.gatehouse.credential.."))))
		.because("the decision point decides on what it is given: it knows no feature and no adapter");

	@ArchTest
	static final ArchRule featuresDependOnNoAdapter = noClasses().that()
		.resideInAnyPackage(FEATURES)
		.should()
		.dependOnClassesThat(resideInAnyPackage("com.gatehouse.auth..", "com.gatehouse.console..",
				"com.gatehouse.system..", "com.gatehouse.gateway..", "com.gatehouse.cli.."))
		.because("features depend only on rest, permission, the credential kernel and one another, never on"
				+ " login, the console, the gateway, the admin command line or the wiring (design.md §2)");

	@ArchTest
	static final ArchRule commandLineActsThroughFeatureServices = noClasses().that()
		.resideInAPackage("com.gatehouse.cli..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(simpleNameEndingWith("Repository")))
		.because("the admin command line changes nothing the console could not: the same services, rules and audit");

	@ArchTest
	static final ArchRule noFeatureKnowsTheConsole = noClasses().that()
		.resideOutsideOfPackage("com.gatehouse.console..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse.console.."))
		.because("the console is built on the features, never the other way (design.md §2)");

	@ArchTest
	static final ArchRule thymeleafOnlyInTheConsole = noClasses().that()
		.resideOutsideOfPackage("com.gatehouse.console..")
		.should()
		.dependOnClassesThat(resideInAPackage("org.thymeleaf.."))
		.because("pages are the console's business; every other adapter answers JSON");

	@ArchTest
	static final ArchRule consoleActsThroughFeatureServices = noClasses().that()
		.resideInAPackage("com.gatehouse.console..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(simpleNameEndingWith("Repository")))
		.because("every console action goes through the services and permission checks the REST API uses");

	@ArchTest
	static final ArchRule credentialExtractionNeverReachesARepository = noClasses().that()
		.resideInAPackage("com.gatehouse.auth.credentials..")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository")
		.because("credential extraction only extracts: nothing there looks anything up (design.md §1)");

	@ArchTest
	static final ArchRule providersNeverTouchTheServletApi = noClasses().that()
		.implement(AuthenticationProvider.class)
		.should()
		.dependOnClassesThat(resideInAnyPackage("jakarta.servlet..", "org.springframework.web.context.request.."))
		.because("a provider verifies what the token carries, the client address included (design.md §1)");

	/**
	 * One slice per top-level package, so auth and auth.credentials are one slice (login and its
	 * extraction): no loop may pass through either, nor between any two features.
	 */
	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("com.gatehouse.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule repositoriesLiveInFeaturePackages = classes().that()
		.haveSimpleNameEndingWith("Repository")
		.should()
		.resideOutsideOfPackages("com.gatehouse", "com.gatehouse.rest..", "com.gatehouse.system..",
				"com.gatehouse.auth..", "com.gatehouse.permission..", "com.gatehouse.credential..")
		.because("each feature package holds its own SQL (design.md §2)");

	@ArchTest
	static final ArchRule repositoriesArePackagePrivate = classes().that()
		.resideInAPackage("com.gatehouse..")
		.and()
		.haveSimpleNameEndingWith("Repository")
		.should()
		.notBePublic()
		.because("a feature's SQL is its own: other features ask its services (design.md §2)");

	@ArchTest
	static final ArchRule onlyFeaturesReachTheStore = noClasses().that()
		.resideInAnyPackage("com.gatehouse", "com.gatehouse.rest..", "com.gatehouse.system..", "com.gatehouse.auth..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(simpleNameEndingWith("Repository")))
		.because("the envelope, the wiring and login reach the store only through the feature that owns it");
}
