package dev.upbeat.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upbeat.json.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code upbeat status}: what {@code heroku status} prints, read from a running Upbeat's
 * {@code /api/v4/current-status}, the same answer the Heroku CLI reads. Exit 0 when the page
 * answered, 1 with one line on stderr when it could not be read.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Print a running Upbeat page's status, like 'heroku status'.")
public final class StatusCommand implements Callable<Integer> {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL",
            description = "Address of the Upbeat page (default: $UPBEAT_URL, else http://localhost:$PORT, PORT being 8080 unless set)")
    String url;

    @Option(names = "--json", description = "Print the API's answer as it came")
    boolean json;

    private final Clock clock;
    private final Map<String, String> env;

    public StatusCommand() {
        this(Clock.systemUTC(), System.getenv());
    }

    /** With a clock of the caller's, so "how long ago" can be checked. */
    StatusCommand(Clock clock) {
        this(clock, System.getenv());
    }

    /** With the caller's clock and environment, so the default address can be checked. */
    StatusCommand(Clock clock, Map<String, String> env) {
        this.clock = clock;
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String base = url == null ? LocalUrl.of(env) : url.strip().replaceAll("/+$", "");
        String endpoint = base + "/api/v4/current-status";
        HttpResponse<String> response;
        try {
            response = fetch(endpoint);
        } catch (IllegalArgumentException e) {
            return fail(err, "--url must be an http or https address; got '" + base + "'");
        } catch (IOException e) {
            return fail(err, "cannot reach " + endpoint + ": " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, "interrupted while reading " + endpoint);
        }
        if (response.statusCode() / 100 != 2) {
            return fail(err, endpoint + " answered HTTP " + response.statusCode() + "; is this an Upbeat page?");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(response.body().stripTrailing());
        } else {
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                return fail(err, endpoint + " did not answer JSON; is this an Upbeat page?");
            }
            out.print(StatusReport.render(body, clock.instant()));
        }
        out.flush();
        return 0;
    }

    private static HttpResponse<String> fetch(String endpoint) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(READ_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The most specific message in the chain; the JDK's connect errors often have none at the top. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    private static int fail(PrintWriter err, String message) {
        err.println("upbeat: " + message);
        err.flush();
        return 1;
    }
}
