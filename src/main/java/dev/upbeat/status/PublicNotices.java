package dev.upbeat.status;

import dev.upbeat.storage.Tx;
import java.util.List;

/**
 * Notices the page shows beside incidents ("We are aware of CVE-2022-3602; we are not affected"),
 * read for the snapshot. The advisory package implements it; the snapshot only sees this, and
 * only notices that are published.
 */
@FunctionalInterface
public interface PublicNotices {
    PublicNotices NONE = tx -> List.of();

    List<PublicStatus.Notice> read(Tx tx);
}
