/// The PostgreSQL store's tables, roles and row-level security, as numbered migrations run by the
/// administrator (the tables' owner).
///
/// Same tables as the SQLite store (`response_block` one run of chunks per province), plus `team` on every row (the loading role, `current_user`),
/// `province` on each response, `codes`/`excluded` arrays for aggregation in SQL, and
/// `team_province` (which provinces each team may load and read).
///
/// Roles: `sipas_team` (group of the team roles) may insert and read only its own batches and the
/// responses of its assigned provinces; `sipas_analyst` reads everything; nobody but the owner
/// (the administrator) may delete.
enum PostgresSchema {
    static let migrations: [(id: String, sql: [String])] = [
        (
            "v1: batches, responses, rejections, roles, row-level security",
            [
                """
                DO $$ BEGIN
                  -- Roles belong to the whole server: another database's setup may create them at the same moment.
                  BEGIN CREATE ROLE sipas_team NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                  BEGIN CREATE ROLE sipas_analyst NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                END $$
                """,
                """
                CREATE TABLE batch (
                    id bigserial PRIMARY KEY,
                    name text NOT NULL,
                    team name NOT NULL DEFAULT current_user,
                    file_name text NOT NULL,
                    sha256 text NOT NULL,
                    instrument_id text NOT NULL,
                    method_version text NOT NULL,
                    items text[] NOT NULL,
                    attribute_names text[] NOT NULL,
                    header text[] NOT NULL,
                    rows_read integer NOT NULL,
                    accepted integer NOT NULL,
                    rejected integer NOT NULL,
                    loaded_at text NOT NULL,
                    replaced_by bigint REFERENCES batch(id)
                )
                """,
                "CREATE UNIQUE INDEX batch_name_in_force ON batch(team, name) WHERE replaced_by IS NULL",
                "CREATE UNIQUE INDEX batch_file_in_force ON batch(team, sha256) WHERE replaced_by IS NULL",
                """
                CREATE TABLE response (
                    batch_id bigint NOT NULL REFERENCES batch(id),
                    row integer NOT NULL,
                    team name NOT NULL DEFAULT current_user,
                    province text,
                    respondent_id text,
                    year integer,
                    weight double precision NOT NULL,
                    stratum text NOT NULL,
                    cluster text NOT NULL,
                    population_psus double precision,
                    attributes text[] NOT NULL,
                    answers text NOT NULL,
                    codes integer[] NOT NULL,
                    excluded integer[] NOT NULL,
                    PRIMARY KEY (batch_id, row)
                )
                """,
                "CREATE INDEX response_respondent ON response(respondent_id)",
                "CREATE INDEX response_year ON response(year)",
                """
                CREATE TABLE rejection (
                    batch_id bigint NOT NULL REFERENCES batch(id),
                    row integer NOT NULL,
                    team name NOT NULL DEFAULT current_user,
                    fields text[] NOT NULL,
                    reasons text NOT NULL,
                    PRIMARY KEY (batch_id, row)
                )
                """,
                "CREATE TABLE team_province (team name NOT NULL, province text NOT NULL, PRIMARY KEY (team, province))",
                "GRANT SELECT ON sipas_migrations, team_province TO sipas_team, sipas_analyst",
                "GRANT SELECT, INSERT ON batch, response, rejection TO sipas_team",
                "GRANT UPDATE (replaced_by) ON batch TO sipas_team",
                "GRANT USAGE ON SEQUENCE batch_id_seq TO sipas_team",
                "GRANT SELECT ON batch, response, rejection TO sipas_analyst",
                "ALTER TABLE batch ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE response ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE rejection ENABLE ROW LEVEL SECURITY",
                "CREATE POLICY team_batches ON batch FOR ALL TO sipas_team USING (team = current_user) WITH CHECK (team = current_user)",
                """
                CREATE POLICY team_reads_its_provinces ON response FOR SELECT TO sipas_team
                USING (team = current_user AND province IN (SELECT province FROM team_province WHERE team = current_user))
                """,
                """
                CREATE POLICY team_inserts_its_provinces ON response FOR INSERT TO sipas_team
                WITH CHECK (team = current_user AND province IN (SELECT province FROM team_province WHERE team = current_user)
                            AND batch_id IN (SELECT id FROM batch WHERE team = current_user))
                """,
                """
                CREATE POLICY team_rejections ON rejection FOR ALL TO sipas_team USING (team = current_user)
                WITH CHECK (team = current_user AND batch_id IN (SELECT id FROM batch WHERE team = current_user))
                """,
                "CREATE POLICY analyst_reads_batches ON batch FOR SELECT TO sipas_analyst USING (true)",
                "CREATE POLICY analyst_reads_responses ON response FOR SELECT TO sipas_analyst USING (true)",
                "CREATE POLICY analyst_reads_rejections ON rejection FOR SELECT TO sipas_analyst USING (true)",
            ]
        ),
        // The responses again as ColumnChunks (SIPASStore), one run per province, written with the
        // rows: an analysis reads these few blobs instead of aggregating every answer in SQL. A team
        // reads the chunks of its provinces only, as it reads the rows.
        (
            "v2: column chunks for analyses",
            [
                """
                CREATE TABLE response_block (
                    batch_id bigint NOT NULL REFERENCES batch(id),
                    first_row integer NOT NULL,
                    row_count integer NOT NULL,
                    team name NOT NULL DEFAULT current_user,
                    province text,
                    data bytea NOT NULL,
                    PRIMARY KEY (batch_id, first_row)
                )
                """,
                "GRANT SELECT, INSERT ON response_block TO sipas_team",
                "GRANT SELECT ON response_block TO sipas_analyst",
                "ALTER TABLE response_block ENABLE ROW LEVEL SECURITY",
                """
                CREATE POLICY team_reads_its_province_blocks ON response_block FOR SELECT TO sipas_team
                USING (team = current_user AND province IN (SELECT province FROM team_province WHERE team = current_user))
                """,
                """
                CREATE POLICY team_inserts_its_province_blocks ON response_block FOR INSERT TO sipas_team
                WITH CHECK (team = current_user AND province IN (SELECT province FROM team_province WHERE team = current_user)
                            AND batch_id IN (SELECT id FROM batch WHERE team = current_user))
                """,
                "CREATE POLICY analyst_reads_blocks ON response_block FOR SELECT TO sipas_analyst USING (true)",
            ]
        ),
        // Accounts and sessions of `sipas serve`. The server logs in as a member of `sipas_web`:
        // it reads and writes these tables, and for survey data it takes a team's role or
        // `sipas_analyst` with SET ROLE (a member of sipas_web may, as sipas_web is granted every
        // team role and sipas_analyst); sipas_web is NOINHERIT, so without SET ROLE the server sees
        // no survey data at all.
        (
            "v3: web accounts and sessions",
            [
                """
                DO $$ BEGIN
                  BEGIN CREATE ROLE sipas_web NOLOGIN NOINHERIT; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
                END $$
                """,
                """
                CREATE TABLE web_user (
                    id bigserial PRIMARY KEY,
                    name text NOT NULL UNIQUE,
                    password_hash text NOT NULL,
                    role text NOT NULL CHECK (role IN ('team', 'analyst', 'admin')),
                    team text NOT NULL DEFAULT '',
                    provinces text NOT NULL DEFAULT '',
                    disabled boolean NOT NULL DEFAULT false,
                    created_at text NOT NULL
                )
                """,
                """
                CREATE TABLE web_session (
                    token_hash text PRIMARY KEY,
                    user_id bigint NOT NULL REFERENCES web_user(id),
                    csrf text NOT NULL,
                    created_at double precision NOT NULL,
                    seen_at double precision NOT NULL
                )
                """,
                "CREATE INDEX web_session_user ON web_session(user_id)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON web_user, web_session TO sipas_web",
                "GRANT USAGE ON SEQUENCE web_user_id_seq TO sipas_web",
                "GRANT sipas_analyst TO sipas_web",
                """
                DO $$ DECLARE team name; BEGIN
                  FOR team IN SELECT r.rolname FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member
                              WHERE m.roleid = 'sipas_team'::regrole LOOP
                    EXECUTE format('GRANT %I TO sipas_web', team);
                  END LOOP;
                END $$
                """,
            ]
        ),
        // The `data_source` marker (DataProvenance) counted at load, so that results read from the
        // store say "synthetic" as results read from the file do. Batches loaded before: 0.
        (
            "v4: synthetic rows per batch",
            [
                "ALTER TABLE batch ADD COLUMN synthetic_rows integer NOT NULL DEFAULT 0"
            ]
        ),
        // The foreign key from each response to its batch was checked row by row at every insert,
        // a query per row that took a third of the server's insert time. Rows still never point to
        // a missing batch: a team may insert rows only into its own batches (the insert policy's
        // `batch_id IN (SELECT id FROM batch …)`), nobody else but the owner may insert, and a
        // batch that still has responses cannot be deleted (the trigger below).
        (
            "v5: responses tied to their batch by the insert policy and a delete trigger",
            [
                "ALTER TABLE response DROP CONSTRAINT IF EXISTS response_batch_id_fkey",
                """
                CREATE FUNCTION sipas_batch_without_responses() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF EXISTS (SELECT 1 FROM response WHERE batch_id = OLD.id) THEN
                    RAISE EXCEPTION 'batch % still has responses', OLD.id USING ERRCODE = 'foreign_key_violation';
                  END IF;
                  RETURN OLD;
                END $$
                """,
                """
                CREATE TRIGGER batch_without_responses BEFORE DELETE ON batch
                FOR EACH ROW EXECUTE FUNCTION sipas_batch_without_responses()
                """,
            ]
        ),
        // Loads stream their rows (PostgresStore.importFile): the batch's row is written first (the
        // insert policy admits only rows of the team's own batches) and its counts and header once
        // the file is read. Rows are stored without `codes` and `excluded`, derived from `answers`
        // by the one query that reads them. Respondent ids are only looked up by equality (the
        // duplicate check): a hash index, whose inserts cost the server a third of a B-tree's. A
        // column chunk is already compact (values as ids): stored without compression, which took
        // the server 48 ms a chunk of 65 536 rows.
        (
            "v6: streamed loads",
            [
                "GRANT UPDATE (header, rows_read, accepted, rejected, synthetic_rows) ON batch TO sipas_team",
                "ALTER TABLE response ALTER COLUMN codes DROP NOT NULL, ALTER COLUMN excluded DROP NOT NULL",
                "DROP INDEX response_respondent",
                "CREATE INDEX response_respondent ON response USING hash (respondent_id)",
                "ALTER TABLE response_block ALTER COLUMN data SET STORAGE EXTERNAL",
            ]
        ),
    ]
}
