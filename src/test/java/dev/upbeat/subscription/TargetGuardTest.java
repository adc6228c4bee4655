package dev.upbeat.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGuardTest {

    @Test
    void internal_addresses_are_refused_unless_a_host_or_cidr_allows_them() {
        TargetGuard strict = new TargetGuard(List.of());
        assertThat(strict.refusal(URI.create("http://127.0.0.1/x"))).isPresent();
        assertThat(strict.refusal(URI.create("http://100.64.1.1/x"))).as("carrier-grade NAT").isPresent();
        assertThat(strict.refusal(URI.create("http://[::ffff:10.0.0.1]/x"))).as("IPv4-mapped").isPresent();
        assertThat(strict.refusal(URI.create("https://93.184.215.14/x"))).isEmpty();

        TargetGuard allowing = new TargetGuard(List.of("10.0.0.0/8", "127.0.0.1", "hooks.internal"));
        assertThat(allowing.refusal(URI.create("http://10.20.30.40/x"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.1:9000/x"))).isEmpty();
        assertThat(allowing.refusal(URI.create("http://127.0.0.2/x"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://192.168.1.1/x"))).isPresent();
        assertThat(allowing.refusal(URI.create("http://hooks.internal/x"))).as("allowed by name, not resolved").isEmpty();
        assertThat(allowing.refusal(URI.create("ftp://example.com/x"))).isPresent();
    }
}
