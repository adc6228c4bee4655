package dev.upbeat.simulator.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The npm Toxiproxy client (toxiproxy-node-client) drives the API from its own Node process:
 * src/test/node/client.test.mjs, under Node's test runner. bin/test installs its packages.
 */
class NodeClientTest {
    private static final Path DIR = Path.of("src", "test", "node");

    @Test
    void the_node_client_drives_the_api_unchanged() throws Exception {
        assertThat(DIR.resolve("node_modules").resolve("toxiproxy-node-client"))
                .as("npm ci --prefix src/test/node (bin/test runs it)").exists();
        try (TcpProxies proxies = new TcpProxies(new Random(3)); ToxiproxyApi api = ToxiproxyApi.start(proxies, "127.0.0.1", 0);
                EchoServer echo = new EchoServer()) {
            Path log = Files.createTempFile("node-client", ".log");
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "client.test.mjs")
                    .directory(DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            node.environment().put("TOXIPROXY_URL", "http://127.0.0.1:" + api.port());
            node.environment().put("ECHO_ADDRESS", echo.address());
            Process p = node.start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
            String out = Files.readString(log);
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("# pass 6").contains("# fail 0");
        }
    }
}
