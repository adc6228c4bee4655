package dev.upbeat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.demo.SampleData;
import dev.upbeat.json.Json;
import dev.upbeat.testing.ApiContract;
import dev.upbeat.testing.TestUpbeat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code curl} in a {@code sh} block of README.md and docs/*.md, run as written, in order,
 * against a fresh server filled with the demo data, one per file. Each must answer 2xx, or the
 * status its comment starts with ({@code # 204}). {@code $TOKEN} is an admin token; the page's
 * address in the docs ({@code http://localhost:8080}, {@code https://status.example.com}) is the
 * test server's. A number in a path stands for the id the last creation in that collection
 * returned, as a reader would put in their own.
 */
class DocExamplesTest {
    private static final List<String> PAGE_ADDRESSES = List.of("http://localhost:8080", "https://status.example.com");
    private static final Pattern SH_BLOCK = Pattern.compile("(?m)^```sh\\n(.*?)^```", Pattern.DOTALL);
    private static final Pattern ID_IN_PATH = Pattern.compile("/([a-z_]+)/(\\d+)(?=[/?]|$)");
    private static final Pattern EXPECTED = Pattern.compile("^(\\d{3})\\b");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestFactory
    Stream<DynamicTest> every_curl_example_answers_as_its_doc_says() throws Exception {
        Path root = projectRoot();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files.stream().filter(DocExamplesTest::hasCurl)
                .map(f -> DynamicTest.dynamicTest(root.relativize(f).toString(), () -> runExamples(f)));
    }

    private static boolean hasCurl(Path file) {
        try {
            Matcher m = SH_BLOCK.matcher(Files.readString(file));
            while (m.find()) {
                if (m.group(1).contains("curl ")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void runExamples(Path file) throws Exception {
        String text = Files.readString(file);
        List<String> failures = new ArrayList<>();
        int run = 0;
        try (TestUpbeat t = TestUpbeat.started(upbeat -> new SampleData(upbeat.upbeat, upbeat.clock).load())) {
            String base = "http://127.0.0.1:" + t.upbeat.port();
            Map<String, String> vars = new HashMap<>(Map.of("TOKEN", TestUpbeat.ADMIN_TOKEN));
            Map<String, String> lastIds = new HashMap<>();
            Matcher block = SH_BLOCK.matcher(text);
            while (block.find()) {
                int firstLine = (int) text.substring(0, block.start(1)).chars().filter(c -> c == '\n').count() + 1;
                ShellScript script = new ShellScript(block.group(1), firstLine);
                for (ShellScript.Command c = script.next(vars); c != null; c = script.next(vars)) {
                    if (c.isAssignment()) {
                        c.words().forEach(w -> vars.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1)));
                    } else if (c.words().get(0).equals("curl")) {
                        run++;
                        String where = file.getFileName() + ":" + c.line() + " " + String.join(" ", c.words());
                        String failure = c.unset().isEmpty() ? check(c, base, lastIds) : "uses unset " + c.unset();
                        if (failure != null) {
                            failures.add(where + "\n    " + failure);
                        }
                    }
                }
            }
        }
        assertThat(run).as("curl examples found in " + file).isPositive();
        assertThat(failures).as("examples in " + file + " that do not work as written").isEmpty();
    }

    /** Sends one example; null when it answered as documented, otherwise what went wrong. */
    private String check(ShellScript.Command c, String base, Map<String, String> lastIds) throws Exception {
        CurlRequest curl;
        try {
            curl = CurlRequest.parse(c.words());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String address = PAGE_ADDRESSES.stream().filter(curl.url()::startsWith).findFirst().orElse(null);
        if (address == null) {
            return "calls " + curl.url() + ", not the page (" + String.join(" or ", PAGE_ADDRESSES) + ")";
        }
        String path = ID_IN_PATH.matcher(curl.url().substring(address.length()))
                .replaceAll(m -> "/" + m.group(1) + "/" + lastIds.getOrDefault(m.group(1), m.group(2)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(curl.body()));
        curl.headers().forEach(h -> request.header(h[0], h[1]));
        HttpRequest sent = request.build();
        HttpResponse<String> response = client.send(sent, HttpResponse.BodyHandlers.ofString());
        try {
            ApiContract.get().check(new ApiContract.Exchange(sent.method(), sent.uri(), sent.headers().firstValue("Content-Type").orElse(null),
                    curl.body(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    name -> response.headers().firstValue(name).orElse(null)));
        } catch (AssertionError e) {
            return e.getMessage();
        }
        Matcher expected = EXPECTED.matcher(c.comment());
        boolean ok = expected.find() ? response.statusCode() == Integer.parseInt(expected.group(1))
                : response.statusCode() / 100 == 2;
        if (ok && curl.method().equals("POST") && response.statusCode() == 201) {
            remember(path, response.body(), lastIds);
        }
        String body = response.body().length() > 400 ? response.body().substring(0, 400) + "..." : response.body();
        return ok ? null : "answered " + response.statusCode() + ": " + body;
    }

    /** The id a creation answered, under the collection it was created in. */
    private static void remember(String path, String body, Map<String, String> lastIds) {
        try {
            var id = Json.mapper().readTree(body).get("id");
            String collection = path.replaceAll("\\?.*", "").replaceAll(".*/", "");
            if (id != null && id.isNumber()) {
                lastIds.put(collection, id.asText());
            }
        } catch (IOException e) {
            // not JSON: nothing to remember
        }
    }

    /** The project folder, found from the compiled tests rather than the working directory. */
    static Path projectRoot() throws Exception {
        Path classes = Path.of(DocExamplesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.getParent().getParent();
    }
}
