package dev.upbeat.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.simulator.tcp.TcpProxies;
import dev.upbeat.simulator.tcp.ToxiproxyApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Toxiproxy API transcripts ({@code console} blocks with {@code $ curl} lines) in
 * docs/simulator.md, run against a real API: every command must succeed and print what the
 * transcript shows under it. DocExamplesTest runs the {@code sh} blocks, which call the status page.
 */
class ToxiproxyExamplesTest {
    private static final Pattern CONSOLE_BLOCK = Pattern.compile("(?m)^```console\\n(.*?)^```", Pattern.DOTALL);

    @Test
    void every_toxiproxy_transcript_answers_as_shown() throws Exception {
        String doc = Files.readString(DocExamplesTest.projectRoot().resolve("docs").resolve("simulator.md"));
        HttpClient http = HttpClient.newHttpClient();
        List<String> failures = new ArrayList<>();
        int run = 0;
        try (TcpProxies proxies = new TcpProxies(new Random(1)); ToxiproxyApi api = ToxiproxyApi.start(proxies, "127.0.0.1", 0)) {
            Matcher block = CONSOLE_BLOCK.matcher(doc);
            while (block.find()) {
                List<String> lines = List.of(block.group(1).split("\n"));
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).startsWith("$ curl ")) {
                        continue;
                    }
                    StringBuilder expected = new StringBuilder();
                    for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("$ "); j++) {
                        expected.append(lines.get(j)).append('\n');
                    }
                    CurlRequest curl = CurlRequest.parse(new ShellScript(lines.get(i).substring(2), 1).next(Map.of()).words());
                    String url = "http://" + curl.url().replace("localhost:8474", "127.0.0.1:" + api.port());
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                            .method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(curl.body())).build(), HttpResponse.BodyHandlers.ofString());
                    run++;
                    if (answer.statusCode() / 100 != 2 || !answer.body().strip().equals(expected.toString().strip())
                            && !expected.isEmpty()) {
                        failures.add(lines.get(i) + "\n    answered " + answer.statusCode() + ": " + answer.body());
                    }
                }
            }
        }
        assertThat(run).as("curl transcripts in docs/simulator.md").isPositive();
        assertThat(failures).isEmpty();
    }
}
