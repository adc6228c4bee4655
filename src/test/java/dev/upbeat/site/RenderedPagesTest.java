package dev.upbeat.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.status.PublicStatus;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-snapshot page cache: one rendering per page, and bounded whatever the keys asked for. */
class RenderedPagesTest {
    private static final PublicStatus ONE = snapshot(1);

    private final RenderedPages pages = new RenderedPages();
    private final AtomicInteger renders = new AtomicInteger();

    @Test
    void a_page_is_rendered_once_per_snapshot() {
        byte[] first = pages.get(ONE, "home", this::render);
        assertThat(pages.get(ONE, "home", this::render)).isSameAs(first);
        assertThat(renders).hasValue(1);

        PublicStatus two = snapshot(2);
        assertThat(pages.get(two, "home", this::render)).isNotSameAs(first);
        assertThat(renders).hasValue(2);
        assertThat(pages.size()).as("the last snapshot's pages are dropped").isEqualTo(1);
    }

    @Test
    void the_cache_stays_bounded_whatever_the_keys() {
        for (int i = 0; i < 20 * RenderedPages.MAX_ENTRIES; i++) {
            pages.get(ONE, "history " + ThreadLocalRandom.current().nextLong(), this::render);
            assertThat(pages.size()).isLessThanOrEqualTo(RenderedPages.MAX_ENTRIES);
        }
        // And a page in demand comes back at once.
        byte[] home = pages.get(ONE, "home", this::render);
        assertThat(pages.get(ONE, "home", this::render)).isSameAs(home);
    }

    private byte[] render() {
        return ("page " + renders.incrementAndGet()).getBytes();
    }

    private static PublicStatus snapshot(long version) {
        return PublicStatus.builder().version(version).generatedAt(Instant.parse("2026-12-01T10:00:00Z"))
                .page(new PublicStatus.PageInfo("Acme Status", "https://status.example.test", "UTC")).build();
    }
}
