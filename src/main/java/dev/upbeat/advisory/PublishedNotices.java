package dev.upbeat.advisory;

import dev.upbeat.status.PublicNotices;
import dev.upbeat.status.PublicStatus;
import dev.upbeat.storage.Tx;
import java.util.List;

/** The advisories' published notices, as the snapshot reads them; an unpublished notice never leaves the database. */
public final class PublishedNotices implements PublicNotices {
    private final DraftRepository drafts;

    public PublishedNotices(DraftRepository drafts) {
        this.drafts = drafts;
    }

    @Override
    public List<PublicStatus.Notice> read(Tx tx) {
        return drafts.published(tx).stream().map(n -> new PublicStatus.Notice(n.advisoryId(), n.text(), n.publishedAt())).toList();
    }
}
