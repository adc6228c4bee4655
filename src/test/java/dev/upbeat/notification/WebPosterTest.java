package dev.upbeat.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upbeat.subscription.TargetGuard;
import dev.upbeat.testing.Receiver;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding: a name that answers a public address to the check and an internal one a moment
 * later. Two real receivers on loopback stand for the two hosts; a fake resolver stands for DNS.
 * 127.0.0.1 plays the public host (allowed), 127.0.0.2 the internal one (refused).
 */
class WebPosterTest {
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_name_that_answers_differently_the_second_time_is_still_posted_to_the_address_that_was_checked() throws Exception {
        try (Receiver checked = new Receiver(); Receiver inside = new Receiver("127.0.0.2", checked.port())) {
            AtomicInteger lookups = new AtomicInteger();
            TargetGuard guard = new TargetGuard(List.of("127.0.0.1"), host -> List.of(InetAddress.getByAddress(host,
                    lookups.incrementAndGet() == 1 ? new byte[] {127, 0, 0, 1} : new byte[] {127, 0, 0, 2})));
            try (WebPoster poster = WebPoster.guarded(guard)) {
                poster.post("http://hooks.example.test:" + checked.port() + "/hook", "application/json", BODY);
            }
            assertThat(checked.requests("/hook")).hasSize(1);
            assertThat(checked.requests("/hook").get(0).header("Host")).as("the name is kept")
                    .isEqualTo("hooks.example.test:" + checked.port());
            assertThat(inside.requests()).isEmpty();
            assertThat(lookups).as("one lookup, checked and used").hasValue(1);
        }
    }

    @Test
    void a_name_that_resolves_inside_when_connecting_is_refused_for_good_and_nothing_is_sent() throws Exception {
        try (Receiver inside = new Receiver("127.0.0.2", 0)) {
            TargetGuard guard = new TargetGuard(List.of(), host -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 2})));
            try (WebPoster poster = WebPoster.guarded(guard)) {
                assertThatThrownBy(() -> poster.post("http://hooks.example.test:" + inside.port() + "/hook", "application/json", BODY))
                        .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                            assertThat(f.permanent()).isTrue();
                            assertThat(f.getMessage()).startsWith("Refused target: host 'hooks.example.test' resolves to 127.0.0.2");
                        });
            }
            assertThat(inside.requests()).isEmpty();
        }
    }
}
