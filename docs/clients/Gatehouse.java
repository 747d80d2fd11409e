// Gatehouse with java.net.http (Java 17+) and Jackson 3 for JSON: log in, create and read a company, use an
// Auth Key, revoke it, log out. Runs as a single source file:
//   GATEHOUSE_URL=http://localhost:8080 GATEHOUSE_LOGIN=admin GATEHOUSE_PASSWORD=... GATEHOUSE_COMPANY=acme \
//   java -cp jackson-databind-3.jar:jackson-core-3.jar:jackson-annotations-2.jar Gatehouse.java
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

public class Gatehouse {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String URL = System.getenv("GATEHOUSE_URL");

	public static void main(String[] args) throws Exception {
		String login = System.getenv("GATEHOUSE_LOGIN");
		String password = System.getenv("GATEHOUSE_PASSWORD");
		if (URL == null || login == null || password == null) {
			fail("set GATEHOUSE_URL, GATEHOUSE_LOGIN and GATEHOUSE_PASSWORD");
		}
		String company = System.getenv().getOrDefault("GATEHOUSE_COMPANY", "acme");

		// Log in with the auth block; the CookieManager keeps the Red60urne cookie for the calls after it.
		HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		JsonNode user = post(session, "/rest/auth/",
				Map.of("auth", Map.of("type", "auth", "username", login, "password", password))).get("user");
		System.out.println("logged in as " + user.get("login").asString() + " (user " + user.get("id") + ")");

		// A management call: create a company (values.company is its id), then read it back.
		JsonNode created = post(session, "/rest/ops/create/company",
				Map.of("values", Map.of("company", company, "name", "Example company")));
		System.out.println("created company " + company + ": id " + created.get("values").get(company).get("id"));
		JsonNode read = post(session, "/rest/ops/read/company", Map.of("scope", Map.of("company", company)));
		System.out.println("read company " + company + ": " + read.get("values").get(company).get("name").asString());

		// An Auth Key for this user: the reply is the only time the key is shown. Then a call with the key alone.
		JsonNode key = post(session, "/rest/ops/create/authinfo", Map.of("values", Map.of("contact_id", user.get("id"))))
			.get("values").get(0);
		System.out.println("made Auth Key " + key.get("id"));
		JsonNode asKey = post(HttpClient.newHttpClient(), "/rest/auth/", Map.of(),
				"Authorization", "token auth=" + key.get("token").asString());
		System.out.println("the key acts as " + asKey.get("user").get("login").asString());

		// Revoke the key and end the session.
		post(session, "/rest/ops/delete/authinfo", Map.of("scope", Map.of("id", key.get("id"))));
		System.out.println("revoked Auth Key " + key.get("id"));
		post(session, "/rest/auth/logout", Map.of("auth", Map.of("type", "auth")));
		System.out.println("logged out");
	}

	/** POSTs JSON with header name/value pairs and answers the reply; exits with Gatehouse's failure otherwise. */
	static JsonNode post(HttpClient client, String path, Object body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(URL + path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (headers.length > 0) {
			request.headers(headers);
		}
		HttpResponse<String> reply = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		JsonNode data = JSON.readTree(reply.body());
		if (!"success".equals(data.path("result").asString())) {
			fail(path + ": HTTP " + reply.statusCode() + " failure " + data.path("code").asString() + " "
					+ data.path("message").asString());
		}
		return data;
	}

	static void fail(String why) {
		System.err.println(why);
		System.exit(1);
	}
}
