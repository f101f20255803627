import GRDB

/// The store's tables, created and upgraded by numbered migrations.
///
/// - `batch`: one row per load (team, file, SHA-256, instrument and method version, row counts,
///   time, `replaced_by`). At most one batch in force per name and per file digest.
/// - `response`: one row per accepted answer sheet, keyed by (batch, row): respondent id, year,
///   design columns (weight, stratum, cluster, fpc), attributes and answers (``StoredResponse``).
/// - `rejection`: one row per rejected row: its original fields and the reasons.
/// - `response_block`: the responses again, in chunks of columns for analyses (``ColumnChunk``).
/// - `web_user`, `web_session`: accounts and sessions of `sipas serve` (``WebAccount``).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: batches, responses, rejections") { db in
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS batch (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL,
                        team TEXT NOT NULL DEFAULT '',
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        instrument_id TEXT NOT NULL,
                        method_version TEXT NOT NULL,
                        items TEXT NOT NULL,
                        attribute_names TEXT NOT NULL,
                        header TEXT NOT NULL,
                        rows_read INTEGER NOT NULL,
                        accepted INTEGER NOT NULL,
                        rejected INTEGER NOT NULL,
                        loaded_at TEXT NOT NULL,
                        replaced_by INTEGER REFERENCES batch(id)
                    );
                    CREATE UNIQUE INDEX IF NOT EXISTS batch_name_in_force ON batch(name) WHERE replaced_by IS NULL;
                    CREATE UNIQUE INDEX IF NOT EXISTS batch_file_in_force ON batch(sha256) WHERE replaced_by IS NULL;
                    CREATE TABLE IF NOT EXISTS response (
                        batch_id INTEGER NOT NULL REFERENCES batch(id),
                        row INTEGER NOT NULL,
                        respondent_id TEXT,
                        year INTEGER,
                        weight REAL NOT NULL,
                        stratum TEXT NOT NULL,
                        cluster TEXT NOT NULL,
                        population_psus REAL,
                        attributes TEXT NOT NULL,
                        answers TEXT NOT NULL,
                        PRIMARY KEY (batch_id, row)
                    ) WITHOUT ROWID;
                    CREATE INDEX IF NOT EXISTS response_respondent ON response(respondent_id);
                    CREATE TABLE IF NOT EXISTS rejection (
                        batch_id INTEGER NOT NULL REFERENCES batch(id),
                        row INTEGER NOT NULL,
                        fields TEXT NOT NULL,
                        reasons TEXT NOT NULL,
                        PRIMARY KEY (batch_id, row)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v2: column chunks") { db in
            // ColumnChunk: a batch's responses in the columns an analysis reads, written with them.
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS response_block (
                        batch_id INTEGER NOT NULL REFERENCES batch(id),
                        first_row INTEGER NOT NULL,
                        row_count INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    CREATE UNIQUE INDEX IF NOT EXISTS response_block_rows ON response_block(batch_id, first_row);
                    """)
        }
        migrator.registerMigration("v3: web accounts and sessions") { db in
            // `sipas serve`: accounts (bcrypt hashes only) and server-side sessions. A session row is
            // keyed by the SHA-256 of the cookie's token, so the table alone cannot sign anyone in.
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS web_user (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        name TEXT NOT NULL UNIQUE,
                        password_hash TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('team', 'analyst', 'admin')),
                        team TEXT NOT NULL DEFAULT '',
                        provinces TEXT NOT NULL DEFAULT '',
                        disabled INTEGER NOT NULL DEFAULT 0,
                        created_at TEXT NOT NULL
                    );
                    CREATE TABLE IF NOT EXISTS web_session (
                        token_hash TEXT PRIMARY KEY,
                        user_id INTEGER NOT NULL REFERENCES web_user(id),
                        csrf TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        seen_at REAL NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX IF NOT EXISTS web_session_user ON web_session(user_id);
                    """)
        }
        migrator.registerMigration("v4: synthetic rows per batch") { db in
            // The `data_source` marker (DataProvenance) counted at load, so that outputs made from
            // the store say "synthetic" as outputs made from the file do. Batches loaded before: 0.
            try db.execute(sql: "ALTER TABLE batch ADD COLUMN synthetic_rows INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }
}
