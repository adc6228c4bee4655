package dev.upbeat.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upbeat.component.ComponentStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmlBodiesTest {

    @Test
    void a_snapshot_carries_both_feeds_the_overall_badge_and_one_badge_per_component() {
        PublicStatus s = TestSnapshots.of(List.of(TestSnapshots.component("api", "API", ComponentStatus.OPERATIONAL),
                TestSnapshots.component("web", "Web", ComponentStatus.MAJOR_OUTAGE)), List.of(), List.of());

        assertThat(XmlBodies.render(s)).containsOnlyKeys("history.atom", "history.rss", "badge.svg",
                "components/api/badge.svg", "components/web/badge.svg");
    }
}
