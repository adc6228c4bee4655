-- Communication prepared in advance: drafts of an incident or a maintenance kept with an advisory,
-- posted by hand or at a set time, and a public notice the status page shows once published.

-- The notice's text (Markdown, rendered through the incident text's sanitizer) and whether the
-- page shows it; published_at says since when.
ALTER TABLE advisories ADD COLUMN notice TEXT;
ALTER TABLE advisories ADD COLUMN notice_published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE advisories ADD COLUMN notice_published_at INTEGER;

-- components is the JSON object of component id to the status the post sets. A draft is due at
-- post_at, or at its advisory's disclosure time when post_at_disclosure is set (it follows the
-- advisory when that time moves). posted_at is the claim: the one conditional UPDATE that sets
-- it, in the transaction that opens the incident, is what makes a draft post once however many
-- instances find it due. incident_id is what it became; post_error why a scheduled post failed
-- (it is then no longer due until edited).
CREATE TABLE advisory_drafts (
    id                 INTEGER PRIMARY KEY,
    advisory_id        INTEGER NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    message            TEXT NOT NULL,
    status             TEXT,
    impact             TEXT,
    components         TEXT NOT NULL,
    scheduled_for      INTEGER,
    scheduled_until    INTEGER,
    notify_subscribers INTEGER NOT NULL DEFAULT 1,
    post_at_disclosure INTEGER NOT NULL DEFAULT 0,
    post_at            INTEGER,
    post_error         TEXT,
    posted_at          INTEGER,
    posted_by          TEXT,
    incident_id        INTEGER REFERENCES incidents (id) ON DELETE SET NULL,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
CREATE INDEX advisory_drafts_by_advisory ON advisory_drafts (advisory_id);
CREATE INDEX advisory_drafts_unposted ON advisory_drafts (posted_at, post_at);
