package com.gatehouse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of design.md §2, kept by the build. */
@AnalyzeClasses(packages = "com.gatehouse", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule restKnowsNoFeatureButTheCaller = noClasses().that()
		.resideInAPackage("com.gatehouse.rest..")
		.should()
		.dependOnClassesThat(resideInAPackage("com.gatehouse..")
			.and(DescribedPredicate.not(resideInAnyPackage("com.gatehouse.rest..", "com.gatehouse.permission.."))))
		.because("the envelope knows no feature (design.md §2); it needs only the Caller of permission");

	@ArchTest
	static final ArchRule credentialExtractionNeverReachesARepository = noClasses().that()
		.resideInAPackage("com.gatehouse.auth.credentials..")
		.should()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Repository")
		.because("credential extraction only extracts: nothing there looks anything up (design.md §1)");

	/**
	 * Not the stricter "no cycles between the top-level slices com.gatehouse.(*)..": the code breaks
	 * that today (auth -> session -> auth.credentials, and rest <-> permission as design.md §2 itself
	 * implies). Here each package is its own slice (auth.credentials apart from auth), and rest's
	 * use of permission (the Caller a handler is given) is the one dependency allowed back.
	 */
	@ArchTest
	static final ArchRule packagesHaveNoCyclesBesidesTheEnvelopesCaller = slices().matching("com.gatehouse.(**)")
		.should()
		.beFreeOfCycles()
		.ignoreDependency(resideInAPackage("com.gatehouse.rest.."), resideInAPackage("com.gatehouse.permission.."));

	@ArchTest
	static final ArchRule repositoriesLiveInFeaturePackages = classes().that()
		.haveSimpleNameEndingWith("Repository")
		.should()
		.resideOutsideOfPackages("com.gatehouse", "com.gatehouse.rest..", "com.gatehouse.system..",
				"com.gatehouse.auth..")
		.because("each feature package holds its own SQL (design.md §2)");

	/** The user feature's CallerLoader and AdminBootstrap read roles: the one named exception. */
	@ArchTest
	static final ArchRule repositoriesAreUsedByTheirFeatureOrByHandlersAndProviders = classes().that()
		.haveSimpleNameEndingWith("Repository")
		.should(beAccessedOnlyFromTheirPackageHandlersProvidersOrUsersReadingRoles())
		.because("SQL stays behind its feature; another feature reaches it only to answer a type, to verify a "
				+ "credential, or (the user feature) to read the role a user holds");

	private static ArchCondition<JavaClass> beAccessedOnlyFromTheirPackageHandlersProvidersOrUsersReadingRoles() {
		return new ArchCondition<>("be accessed only from their own package, from *Handler or *AuthenticationProvider "
				+ "classes, or RoleRepository from the user package") {

			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				for (JavaAccess<?> access : repository.getAccessesToSelf()) {
					JavaClass origin = access.getOriginOwner();
					boolean allowed = origin.getPackageName().equals(repository.getPackageName())
							|| origin.getSimpleName().endsWith("Handler")
							|| origin.getSimpleName().endsWith("AuthenticationProvider")
							|| (repository.getSimpleName().equals("RoleRepository")
									&& origin.getPackageName().equals("com.gatehouse.user"));
					events.add(new SimpleConditionEvent(access, allowed, access.getDescription()));
				}
			}
		};
	}
}
