package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Two snapshots serve the same bytes: every fixed body (JSON, feeds, badges) and the ETag. */
final class SameBodies {
    private SameBodies() {
    }

    static void assertSame(PublicStatus kept, PublicStatus fresh) {
        assertThat(kept.etag()).isEqualTo(fresh.etag());
        assertThat(kept.rendered().keySet()).isEqualTo(fresh.rendered().keySet());
        fresh.rendered().forEach((key, body) -> assertThat(new String(kept.rendered().get(key), StandardCharsets.UTF_8))
                .as("the body %s", key).isEqualTo(new String(body, StandardCharsets.UTF_8)));
    }
}
