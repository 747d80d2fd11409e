package com.gatehouse.gateway;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import com.gatehouse.permission.Grant;
import com.gatehouse.permission.RouteRule;

/**
 * Reads a route policy file (issue 11):
 * <pre>
 * routes:
 *   - match: {section: call, verb: read, type: cdr}      # each a name or "*"; verb and type default to "*"
 *     require: {perm: cdr, level: company}               # level: company (default) or yes
 *     upstream: http://cdr:8080                          # optional
 *   - match: {path: /api/}
 *     require: {authenticated: true}
 * </pre>
 * Anything else (an unknown key, a missing member, a value of the wrong kind) is refused with a
 * message that names the file and the line, so that a mistyped policy stops startup instead of
 * quietly allowing or refusing calls.
 */
final class PolicyFile {

	private static final Pattern NAME = Pattern.compile("\\*|[A-Za-z0-9_.-]{1,64}");

	private PolicyFile() {
	}

	static RoutePolicy load(Path file) {
		Node root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new LoaderOptions()).compose(reader);
		}
		catch (MarkedYAMLException invalid) {
			throw new IllegalStateException("Gateway policy " + file + " line " + (invalid.getProblemMark().getLine() + 1)
					+ ": not valid YAML (" + invalid.getProblem() + ")");
		}
		catch (IOException unreadable) {
			throw new IllegalStateException("Gateway policy " + file + " cannot be read: " + unreadable.getMessage());
		}
		if (root == null) {
			throw new PolicyError(file, 1, "the file is empty; it needs a 'routes' list").unchecked();
		}
		try {
			return new RoutePolicy(routes(root));
		}
		catch (PolicyError error) {
			throw error.withFile(file).unchecked();
		}
	}

	private static List<GatewayRoute> routes(Node root) throws PolicyError {
		Map<String, Node> top = mapping(root, Set.of("routes"));
		Node routes = required(top, "routes", root);
		if (!(routes instanceof SequenceNode list)) {
			throw PolicyError.at(routes, "'routes' must be a list");
		}
		List<GatewayRoute> parsed = new ArrayList<>();
		for (Node route : list.getValue()) {
			parsed.add(route(route));
		}
		return parsed;
	}

	private static GatewayRoute route(Node node) throws PolicyError {
		Map<String, Node> route = mapping(node, Set.of("match", "require", "upstream"));
		Map<String, Node> match = mapping(required(route, "match", node), Set.of("section", "verb", "type", "path"));
		Node requireNode = required(route, "require", node);
		Map<String, Node> require = mapping(requireNode, Set.of("authenticated", "perm", "level"));
		String perm = null;
		Grant level = Grant.COMPANY;
		if (require.containsKey("perm")) {
			if (require.containsKey("authenticated")) {
				throw PolicyError.at(requireNode, "'require' takes either 'authenticated: true' or 'perm' (with 'level'), not both");
			}
			perm = name(require.get("perm"), "perm");
			if (require.containsKey("level")) {
				Node levelNode = require.get("level");
				level = Grant.fromWord(scalar(levelNode, "level"))
					.orElseThrow(() -> PolicyError.at(levelNode, "'level' must be 'company' or 'yes'"));
			}
		}
		else if (!require.containsKey("authenticated") || !"true".equals(scalar(require.get("authenticated"), "authenticated"))) {
			throw PolicyError.at(requireNode, "'require' needs 'authenticated: true' or a 'perm'");
		}
		else if (require.containsKey("level")) {
			throw PolicyError.at(require.get("level"), "'level' goes with 'perm'");
		}
		URI upstream = route.containsKey("upstream") ? upstream(route.get("upstream")) : null;
		return new GatewayRoute(rule(match, node, perm, level), upstream);
	}

	private static RouteRule rule(Map<String, Node> match, Node route, @Nullable String perm, Grant level) throws PolicyError {
		if (match.containsKey("path")) {
			if (match.size() > 1) {
				throw PolicyError.at(match.get("path"), "'match' takes either 'path' or 'section'/'verb'/'type', not both");
			}
			String path = scalar(match.get("path"), "path");
			if (!path.startsWith("/")) {
				throw PolicyError.at(match.get("path"), "'path' must begin with '/'");
			}
			return RouteRule.path(path, perm, level);
		}
		if (!match.containsKey("section")) {
			throw PolicyError.at(route, "'match' needs a 'section' (a name or \"*\") or a 'path'");
		}
		return RouteRule.call(name(match.get("section"), "section"), nameOrAny(match, "verb"), nameOrAny(match, "type"),
				perm, level);
	}

	private static String nameOrAny(Map<String, Node> match, String key) throws PolicyError {
		return match.containsKey(key) ? name(match.get(key), key) : RouteRule.ANY;
	}

	private static URI upstream(Node node) throws PolicyError {
		try {
			return Upstreams.check(URI.create(scalar(node, "upstream")), "'upstream'");
		}
		catch (IllegalArgumentException invalid) {
			throw PolicyError.at(node, invalid.getMessage());
		}
	}

	private static Map<String, Node> mapping(Node node, Set<String> keys) throws PolicyError {
		if (!(node instanceof MappingNode mapping)) {
			throw PolicyError.at(node, "expected a mapping of " + keys);
		}
		Map<String, Node> members = new HashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode(), "key");
			if (!keys.contains(key)) {
				throw PolicyError.at(tuple.getKeyNode(), "unknown key '" + key + "'; expected one of " + keys);
			}
			if (members.put(key, tuple.getValueNode()) != null) {
				throw PolicyError.at(tuple.getKeyNode(), "'" + key + "' is given twice");
			}
		}
		return members;
	}

	private static Node required(Map<String, Node> members, String key, Node parent) throws PolicyError {
		Node node = members.get(key);
		if (node == null) {
			throw PolicyError.at(parent, "'" + key + "' is missing");
		}
		return node;
	}

	private static String name(Node node, String key) throws PolicyError {
		String value = scalar(node, key);
		if (!NAME.matcher(value).matches()) {
			throw PolicyError.at(node, "'" + key + "' must be a name of letters, digits, '_', '.' or '-', or \"*\"");
		}
		return value;
	}

	private static String scalar(Node node, String key) throws PolicyError {
		if (!(node instanceof ScalarNode scalar) || scalar.getValue().isEmpty()) {
			throw PolicyError.at(node, "'" + key + "' must be a single non-empty value");
		}
		return scalar.getValue();
	}

	/** A mistake in the file, at a line; a checked exception so that every parse step passes it on. */
	private static final class PolicyError extends Exception {

		private final @Nullable Path file;

		private final int line;

		PolicyError(@Nullable Path file, int line, String message) {
			super(message, null, false, false);
			this.file = file;
			this.line = line;
		}

		static PolicyError at(Node node, String message) {
			return new PolicyError(null, node.getStartMark().getLine() + 1, message);
		}

		PolicyError withFile(Path file) {
			return new PolicyError(file, this.line, getMessage());
		}

		IllegalStateException unchecked() {
			return new IllegalStateException("Gateway policy " + this.file + " line " + this.line + ": " + getMessage());
		}
	}
}
