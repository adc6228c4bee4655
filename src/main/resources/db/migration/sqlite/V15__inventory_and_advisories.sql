-- Preparing for a major security response: who owns each component and how much it matters,
-- what software each one runs (from its SBOM or added by hand), advisories, and the triage of
-- each advisory against every component. Action items, reminders and drafts will hang off
-- advisories (advisory_id) and off the triage rows (advisory_id, component_id).

-- Ownership: every part optional until set; the public views never show it.
ALTER TABLE components ADD COLUMN owner_team TEXT;
ALTER TABLE components ADD COLUMN owner_channel TEXT;
ALTER TABLE components ADD COLUMN owner_address TEXT;
ALTER TABLE components ADD COLUMN tier INTEGER;
ALTER TABLE components ADD COLUMN exposure TEXT;

-- The last SBOM stored for a component; root_ref is its subject, where direct dependencies hang.
CREATE TABLE inventory_sboms (
    component_id TEXT PRIMARY KEY REFERENCES components (id) ON DELETE CASCADE,
    format       TEXT NOT NULL,
    spec_version TEXT,
    root_ref     TEXT,
    packages     INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_at  INTEGER NOT NULL
);

-- One row per package a component runs. Matching looks up (type, namespace, name) as the purl
-- rules normalise them (namespace '' when the purl has none), so it never scans a whole inventory.
-- source is 'sbom' (replaced whole by each upload) or 'manual' (added and removed one by one).
-- parent_ref is the package it is reached through on a shortest path from the SBOM's subject
-- (NULL for a direct dependency, one the graph does not reach, or one added by hand), so a match
-- can name its path without loading the graph.
CREATE TABLE inventory_packages (
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    source       TEXT NOT NULL,
    ref          TEXT NOT NULL,
    type         TEXT NOT NULL,
    namespace    TEXT NOT NULL,
    name         TEXT NOT NULL,
    version      TEXT,
    purl         TEXT NOT NULL,
    parent_ref   TEXT,
    PRIMARY KEY (component_id, source, ref)
);
CREATE INDEX inventory_packages_by_package ON inventory_packages (type, namespace, name);

-- The SBOM's dependency graph by ref, so a match can say through which parent it came.
CREATE TABLE inventory_edges (
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    parent_ref   TEXT NOT NULL,
    child_ref    TEXT NOT NULL,
    PRIMARY KEY (component_id, parent_ref, child_ref)
);

-- A component's declared dependencies on another component or on a simulator target.
CREATE TABLE component_links (
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    depends_on   TEXT NOT NULL,
    PRIMARY KEY (component_id, kind, depends_on)
);
CREATE INDEX component_links_by_dependency ON component_links (kind, depends_on);

CREATE TABLE advisories (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    severity      TEXT NOT NULL,
    disclosure_at INTEGER,
    summary       TEXT,
    osv_id        TEXT UNIQUE,
    aliases       TEXT NOT NULL,
    revision      INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    triaged_at    INTEGER
);

-- A package an advisory affects; vers NULL is the embargo case: every version possibly exposed.
CREATE TABLE advisory_affected (
    advisory_id INTEGER NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    purl        TEXT NOT NULL,
    type        TEXT NOT NULL,
    namespace   TEXT NOT NULL,
    name        TEXT NOT NULL,
    vers        TEXT,
    PRIMARY KEY (advisory_id, position)
);
CREATE INDEX advisory_affected_by_package ON advisory_affected (type, namespace, name);

-- The triage of an advisory against each component, recomputed whenever the advisory, an
-- inventory or a declared dependency changes; matches is the JSON list the API answers. The
-- priority is not stored: it follows the components' tiers and exposures, which change on their own.
CREATE TABLE advisory_exposure (
    advisory_id  INTEGER NOT NULL REFERENCES advisories (id) ON DELETE CASCADE,
    component_id TEXT NOT NULL REFERENCES components (id) ON DELETE CASCADE,
    state        TEXT NOT NULL,
    matches      TEXT NOT NULL,
    PRIMARY KEY (advisory_id, component_id)
);
