// Versioned schema migrations for PostgreSQL, applied in order on start (the
// same tables as SQLite's, in PostgreSQL's types).
export const postgresMigrations: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        username_key TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        is_admin BOOLEAN NOT NULL DEFAULT FALSE,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions(expires_at);
      CREATE TABLE invites (
        code TEXT PRIMARY KEY,
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        used_by TEXT REFERENCES users(id),
        used_at BIGINT
      );
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        owner_id TEXT NOT NULL REFERENCES users(id),
        template TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        deleted_at BIGINT
      );
      CREATE TABLE members (
        document_id TEXT NOT NULL REFERENCES documents(id),
        user_id TEXT NOT NULL REFERENCES users(id),
        role TEXT NOT NULL,
        added_at BIGINT NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      CREATE INDEX members_by_user ON members(user_id);
      CREATE TABLE document_updates (
        seq BIGSERIAL PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES documents(id),
        data BYTEA NOT NULL,
        user_id TEXT,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX document_updates_by_document ON document_updates(document_id, seq);
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        row_order BIGSERIAL,
        document_id TEXT NOT NULL REFERENCES documents(id),
        kind TEXT NOT NULL,
        name TEXT,
        created_at BIGINT NOT NULL,
        created_by TEXT REFERENCES users(id),
        authors TEXT NOT NULL,
        state BYTEA NOT NULL,
        content TEXT NOT NULL,
        html TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX versions_by_document ON versions(document_id, created_at DESC, row_order DESC);
      CREATE TABLE version_deletes (
        version_id TEXT NOT NULL REFERENCES versions(id),
        user_id TEXT NOT NULL,
        deletes BYTEA NOT NULL,
        PRIMARY KEY (version_id, user_id)
      );
      CREATE TABLE client_authors (
        document_id TEXT NOT NULL,
        client_id BIGINT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (document_id, client_id)
      );
      CREATE TABLE pending_authors (
        document_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (document_id, user_id)
      );
      CREATE TABLE pending_deletes (
        seq BIGSERIAL PRIMARY KEY,
        document_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        deletes BYTEA NOT NULL
      );
      CREATE INDEX pending_deletes_by_document ON pending_deletes(document_id);
      CREATE TABLE comment_threads (
        id TEXT PRIMARY KEY,
        row_order BIGSERIAL,
        document_id TEXT NOT NULL REFERENCES documents(id),
        author_id TEXT NOT NULL REFERENCES users(id),
        body TEXT NOT NULL,
        quote TEXT NOT NULL,
        anchor TEXT NOT NULL,
        anchor_offset INTEGER,
        created_at BIGINT NOT NULL,
        resolved_at BIGINT,
        resolved_by TEXT REFERENCES users(id)
      );
      CREATE INDEX comment_threads_by_document ON comment_threads(document_id, created_at);
      CREATE TABLE comment_replies (
        id TEXT PRIMARY KEY,
        row_order BIGSERIAL,
        thread_id TEXT NOT NULL REFERENCES comment_threads(id),
        author_id TEXT NOT NULL REFERENCES users(id),
        body TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX comment_replies_by_thread ON comment_replies(thread_id, created_at);
      CREATE TABLE notifications (
        id TEXT PRIMARY KEY,
        row_order BIGSERIAL,
        user_id TEXT NOT NULL REFERENCES users(id),
        document_id TEXT NOT NULL REFERENCES documents(id),
        thread_id TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        actor_id TEXT NOT NULL REFERENCES users(id),
        excerpt TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        read_at BIGINT
      );
      CREATE INDEX notifications_by_user ON notifications(user_id, created_at DESC);
    `,
  },
  {
    // Stored entries a compaction could not take into its snapshot (unreadable, or never integrable), kept aside (DocumentStore.compact).
    version: 2,
    sql: `
      CREATE TABLE quarantined_updates (
        document_id TEXT NOT NULL REFERENCES documents(id),
        seq BIGINT NOT NULL,
        data BYTEA NOT NULL,
        user_id TEXT,
        reason TEXT NOT NULL,
        set_aside_at BIGINT NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
    `,
  },
  {
    // A restore's version names the version it brought back as data (JSON of VersionStore's RestoredFrom), which each reader words in their own language.
    version: 3,
    sql: `ALTER TABLE versions ADD COLUMN restored_from TEXT;`,
  },
  {
    // 分工: sections' assignments (assignees: JSON array of user ids; removed_at: the heading is gone), and notifications of them.
    version: 4,
    sql: `
      CREATE TABLE section_assignments (
        document_id TEXT NOT NULL REFERENCES documents(id),
        section_id TEXT NOT NULL,
        assignees TEXT NOT NULL,
        status TEXT NOT NULL,
        due TEXT,
        title TEXT NOT NULL,
        removed_at BIGINT,
        updated_at BIGINT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        PRIMARY KEY (document_id, section_id)
      );
      ALTER TABLE notifications ADD COLUMN kind TEXT NOT NULL DEFAULT 'mention';
      ALTER TABLE notifications ADD COLUMN section_id TEXT;
    `,
  },
  {
    // The first version of a document imported from Word names the file as data (VersionStore's importedFrom), which each reader words.
    version: 5,
    sql: `ALTER TABLE versions ADD COLUMN imported_from TEXT;`,
  },
  {
    // 修订: the owner's "editors only suggest" switch (PUT /api/documents/:id/review).
    version: 6,
    sql: `ALTER TABLE documents ADD COLUMN suggest_only BOOLEAN NOT NULL DEFAULT FALSE;`,
  },
];
