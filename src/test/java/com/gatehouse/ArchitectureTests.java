package com.gatehouse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of design.md §2, kept by the build. */
@AnalyzeClasses(packages = "com.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule restKnowsNoFeature = noClasses().that()
		.resideInAPackage("com.gatehouse.rest..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(DescribedPredicate.not(resideInAPackage("com.gatehouse.rest.."))))
		.because("the envelope knows no feature (design.md §2)");

	@ArchTest
	static final ArchRule noFeatureKnowsTheConsole = noClasses().that()
		.resideOutsideOfPackage("com.gatehouse.console..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse.console.."))
		.because("the console is built on the features, never the other way (design.md §2)");

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

	/** Each package is its own slice, so auth.credentials (extraction) stands apart from auth (login). */
	@ArchTest
	static final ArchRule packagesHaveNoCycles = slices().matching("com.gatehouse.(**)").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule repositoriesLiveInFeaturePackages = classes().that()
		.haveSimpleNameEndingWith("Repository")
		.should()
		.resideOutsideOfPackages("com.gatehouse", "com.gatehouse.rest..", "com.gatehouse.system..",
				"com.gatehouse.auth..")
		.because("each feature package holds its own SQL (design.md §2)");

	@ArchTest
	static final ArchRule onlyFeaturesReachTheStore = noClasses().that()
		.resideInAnyPackage("com.gatehouse", "com.gatehouse.rest..", "com.gatehouse.system..", "com.gatehouse.auth..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..").and(simpleNameEndingWith("Repository")))
		.because("the envelope, the wiring and login reach the store only through the feature that owns it");
}
