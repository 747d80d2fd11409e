package com.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The configuration metadata the build writes (spring-boot-configuration-processor, merged with
 * META-INF/additional-spring-configuration-metadata.json) is what an IDE offers for
 * application.properties: every {@code gatehouse.*} setting, each with a description, and each
 * stated default the one the code really applies.
 */
class ConfigurationMetadataTests {

	@Test
	void metadataWhenBuiltThenListsEveryGatehouseSettingWithADescription() throws IOException {
		Map<String, JsonNode> documented = gatehouseProperties();

		Set<String> bound = new TreeSet<>();
		for (Class<?> type : propertiesRecords()) {
			String prefix = type.getAnnotation(ConfigurationProperties.class).value();
			for (var component : type.getRecordComponents()) {
				bound.add(prefix + "." + kebab(component.getName()));
			}
		}
		bound.add("gatehouse.data-dir");

		assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(bound);
		assertThat(documented).allSatisfy((name, property) -> assertThat(property.path("description").asString())
			.as(name).isNotBlank());
	}

	@Test
	void metadataWhenItStatesADefaultThenBindingThatValueEqualsBindingNothing() throws IOException {
		Map<String, JsonNode> documented = gatehouseProperties();
		int checked = 0;
		for (Class<?> type : propertiesRecords()) {
			String prefix = type.getAnnotation(ConfigurationProperties.class).value();
			Map<String, String> defaults = new HashMap<>();
			documented.forEach((name, property) -> {
				if (name.startsWith(prefix + ".") && property.has("defaultValue")) {
					defaults.put(name, property.get("defaultValue").asString());
				}
			});
			Object unset = new Binder(new MapConfigurationPropertySource()).bindOrCreate(prefix, type);
			Object stated = new Binder(new MapConfigurationPropertySource(defaults)).bindOrCreate(prefix, type);
			assertThat(stated).as(prefix).isEqualTo(unset);
			checked += defaults.size();
		}
		assertThat(checked).isGreaterThan(20);
	}

	private static Map<String, JsonNode> gatehouseProperties() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			return StreamSupport.stream(metadata.get("properties").spliterator(), false)
				.filter((property) -> property.get("name").asString().startsWith("gatehouse."))
				.collect(Collectors.toMap((property) -> property.get("name").asString(), (property) -> property));
		}
	}

	private static Set<Class<?>> propertiesRecords() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<Class<?>> types = scanner.findCandidateComponents("com.gatehouse")
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.map((name) -> ClassUtils.resolveClassName(name, ConfigurationMetadataTests.class.getClassLoader()))
			.collect(Collectors.toSet());
		assertThat(types).allMatch(Class::isRecord).hasSizeGreaterThan(5);
		return types;
	}

	private static String kebab(String camel) {
		return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}
}
