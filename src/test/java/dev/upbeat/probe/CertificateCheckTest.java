package dev.upbeat.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** min_cert_days against a real local HTTPS server whose certificate (made with keytool) lasts ten days. */
class CertificateCheckTest {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;
    HttpsServer server;
    SSLContext trusting;

    @BeforeEach
    void start() throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "10", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        km.init(keys, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(km.getKeyManagers(), null, null);
        TrustManagerFactory tm = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tm.init(keys);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, tm.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CheckSpec spec(int minDays) {
        return CheckSpec.builder().url(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/")).method("GET")
                .minCertDays(minDays).timeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void a_certificate_with_enough_days_left_passes_and_one_expiring_sooner_than_min_cert_days_fails() {
        Checker checker = new Checker(trusting, Clock.systemUTC());
        assertThat(checker.run(spec(5)).ok()).isTrue();

        CheckResult soon = checker.run(spec(30));
        assertThat(soon.ok()).isFalse();
        assertThat(soon.error()).startsWith("certificate expires in 9 days").contains("under min_cert_days 30");
    }

    @Test
    void an_untrusted_certificate_fails_the_check() {
        CheckResult r = Checker.withDefaultTrust(Clock.systemUTC()).run(spec(5));
        assertThat(r.ok()).isFalse();
        assertThat(r.error()).isNotBlank();
    }
}
