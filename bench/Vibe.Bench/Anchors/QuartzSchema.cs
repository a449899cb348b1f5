using Npgsql;

namespace Vibe.Bench.Anchors;

/// <summary>
/// The tables of Quartz.NET 4.7's ADO.NET job store on PostgreSQL, as a fresh install has them. The Quartz package
/// ships no script for a person to run (only the one it runs itself when told to provision, which is not its
/// default), so the benchmark creates them here and leaves the store at its default of validating the schema when
/// the scheduler starts. Written for this benchmark from Quartz's documentation and catalog; the optional
/// execution-history tables are included because a fresh install creates them too, though nothing here writes them.
/// </summary>
internal static class QuartzSchema
{
    public static async Task CreateAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Ddl, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    // Every key leads with SCHED_NAME: one database can hold several schedulers, and a cluster is the schedulers that share one.
    private const string Ddl =
        """
        CREATE TABLE QRTZ_JOB_DETAILS (
            SCHED_NAME        TEXT    NOT NULL,
            JOB_NAME          TEXT    NOT NULL,
            JOB_GROUP         TEXT    NOT NULL,
            DESCRIPTION       TEXT,
            JOB_CLASS_NAME    TEXT    NOT NULL,
            IS_DURABLE        BOOLEAN NOT NULL,
            IS_NONCONCURRENT  BOOLEAN NOT NULL,
            IS_UPDATE_DATA    BOOLEAN NOT NULL,
            REQUESTS_RECOVERY BOOLEAN NOT NULL,
            JOB_DATA          BYTEA,
            PRIMARY KEY (SCHED_NAME, JOB_NAME, JOB_GROUP)
        );
        CREATE INDEX IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP, JOB_NAME);

        CREATE TABLE QRTZ_TRIGGERS (
            SCHED_NAME              TEXT    NOT NULL,
            TRIGGER_NAME            TEXT    NOT NULL,
            TRIGGER_GROUP           TEXT    NOT NULL,
            JOB_NAME                TEXT    NOT NULL,
            JOB_GROUP               TEXT    NOT NULL,
            DESCRIPTION             TEXT,
            NEXT_FIRE_TIME          BIGINT,
            PREV_FIRE_TIME          BIGINT,
            PRIORITY                INTEGER,
            TRIGGER_STATE           TEXT    NOT NULL,
            TRIGGER_TYPE            TEXT    NOT NULL,
            START_TIME              BIGINT  NOT NULL,
            END_TIME                BIGINT,
            CALENDAR_NAME           TEXT,
            MISFIRE_INSTR           SMALLINT,
            MISFIRE_ORIG_FIRE_TIME  BIGINT,
            EXECUTION_GROUP         VARCHAR(200),
            PREFERRED_NODE          VARCHAR(200),
            PREFERRED_NODE_AUTO     BOOLEAN NOT NULL DEFAULT FALSE,
            RETRY_POLICY            VARCHAR(250),
            RETRY_ATTEMPT           INTEGER,
            CONTINUES_TRIGGER_NAME  TEXT,
            CONTINUES_TRIGGER_GROUP TEXT,
            CONTINUATION_CONDITION  INTEGER,
            OVERLAP_POLICY          INTEGER,
            PAUSE_REASON            VARCHAR(250),
            PAUSED_BY               VARCHAR(200),
            PAUSED_AT               BIGINT,
            MISFIRE_THRESHOLD       BIGINT,
            FIXED_DELAY             BOOLEAN,
            JOB_DATA                BYTEA,
            PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            FOREIGN KEY (SCHED_NAME, JOB_NAME, JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME, JOB_NAME, JOB_GROUP)
        );
        CREATE INDEX IDX_QRTZ_T_J ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
        CREATE INDEX IDX_QRTZ_T_C ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME);
        CREATE INDEX IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME);
        -- The acquisition query's index: the next due triggers in a state, by fire time and then priority.
        CREATE INDEX IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME, PRIORITY DESC, MISFIRE_INSTR);

        CREATE TABLE QRTZ_SIMPLE_TRIGGERS (
            SCHED_NAME      TEXT   NOT NULL,
            TRIGGER_NAME    TEXT   NOT NULL,
            TRIGGER_GROUP   TEXT   NOT NULL,
            REPEAT_COUNT    BIGINT NOT NULL,
            REPEAT_INTERVAL BIGINT NOT NULL,
            TIMES_TRIGGERED BIGINT NOT NULL,
            PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE QRTZ_SIMPROP_TRIGGERS (
            SCHED_NAME    TEXT NOT NULL,
            TRIGGER_NAME  TEXT NOT NULL,
            TRIGGER_GROUP TEXT NOT NULL,
            STR_PROP_1    TEXT,
            STR_PROP_2    TEXT,
            STR_PROP_3    TEXT,
            INT_PROP_1    INTEGER,
            INT_PROP_2    INTEGER,
            LONG_PROP_1   BIGINT,
            LONG_PROP_2   BIGINT,
            DEC_PROP_1    NUMERIC,
            DEC_PROP_2    NUMERIC,
            BOOL_PROP_1   BOOLEAN,
            BOOL_PROP_2   BOOLEAN,
            TIME_ZONE_ID  TEXT,
            PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE QRTZ_CRON_TRIGGERS (
            SCHED_NAME      TEXT NOT NULL,
            TRIGGER_NAME    TEXT NOT NULL,
            TRIGGER_GROUP   TEXT NOT NULL,
            CRON_EXPRESSION TEXT NOT NULL,
            TIME_ZONE_ID    TEXT,
            PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE QRTZ_BLOB_TRIGGERS (
            SCHED_NAME    TEXT NOT NULL,
            TRIGGER_NAME  TEXT NOT NULL,
            TRIGGER_GROUP TEXT NOT NULL,
            BLOB_DATA     BYTEA,
            PRIMARY KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP),
            FOREIGN KEY (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP) ON DELETE CASCADE
        );

        CREATE TABLE QRTZ_CALENDARS (
            SCHED_NAME    TEXT  NOT NULL,
            CALENDAR_NAME TEXT  NOT NULL,
            CALENDAR      BYTEA NOT NULL,
            PRIMARY KEY (SCHED_NAME, CALENDAR_NAME)
        );

        CREATE TABLE QRTZ_PAUSED_TRIGGER_GRPS (
            SCHED_NAME    TEXT NOT NULL,
            TRIGGER_GROUP TEXT NOT NULL,
            PAUSE_REASON  VARCHAR(250),
            PAUSED_BY     VARCHAR(200),
            PAUSED_AT     BIGINT,
            PRIMARY KEY (SCHED_NAME, TRIGGER_GROUP)
        );

        CREATE TABLE QRTZ_PAUSED_JOB_GRPS (
            SCHED_NAME   TEXT NOT NULL,
            JOB_GROUP    TEXT NOT NULL,
            PAUSE_REASON VARCHAR(250),
            PAUSED_BY    VARCHAR(200),
            PAUSED_AT    BIGINT,
            PRIMARY KEY (SCHED_NAME, JOB_GROUP)
        );

        CREATE TABLE QRTZ_FIRED_TRIGGERS (
            SCHED_NAME               TEXT    NOT NULL,
            ENTRY_ID                 TEXT    NOT NULL,
            TRIGGER_NAME             TEXT    NOT NULL,
            TRIGGER_GROUP            TEXT    NOT NULL,
            INSTANCE_NAME            TEXT    NOT NULL,
            FIRED_TIME               BIGINT  NOT NULL,
            SCHED_TIME               BIGINT  NOT NULL,
            PRIORITY                 INTEGER NOT NULL,
            STATE                    TEXT    NOT NULL,
            JOB_NAME                 TEXT,
            JOB_GROUP                TEXT,
            IS_NONCONCURRENT         BOOLEAN NOT NULL,
            REQUESTS_RECOVERY        BOOLEAN,
            EXECUTION_GROUP          VARCHAR(200),
            PROGRESS                 INTEGER,
            PROGRESS_MESSAGE         VARCHAR(250),
            INTERRUPT_REQUESTED_TIME BIGINT,
            PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );
        CREATE INDEX IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);
        CREATE INDEX IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
        -- Cluster recovery looks up a dead node's firings by instance.
        CREATE INDEX IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);

        CREATE TABLE QRTZ_SCHEDULER_STATE (
            SCHED_NAME        TEXT   NOT NULL,
            INSTANCE_NAME     TEXT   NOT NULL,
            LAST_CHECKIN_TIME BIGINT NOT NULL,
            CHECKIN_INTERVAL  BIGINT NOT NULL,
            QUARTZ_VERSION    VARCHAR(20),
            PRIMARY KEY (SCHED_NAME, INSTANCE_NAME)
        );

        CREATE TABLE QRTZ_LOCKS (
            SCHED_NAME TEXT NOT NULL,
            LOCK_NAME  TEXT NOT NULL,
            PRIMARY KEY (SCHED_NAME, LOCK_NAME)
        );

        CREATE TABLE QRTZ_JOB_STATUS (
            SCHED_NAME           TEXT    NOT NULL,
            JOB_GROUP            TEXT    NOT NULL,
            JOB_NAME             TEXT    NOT NULL,
            FIRST_FIRED_TIME     BIGINT  NOT NULL,
            LAST_FIRED_TIME      BIGINT  NOT NULL,
            LAST_RESULT          INTEGER NOT NULL,
            LAST_RUN_TIME        BIGINT  NOT NULL,
            LAST_INSTANCE_NAME   TEXT    NOT NULL,
            LAST_ENTRY_ID        TEXT,
            LAST_SUMMARY         TEXT,
            LAST_SUCCESS_TIME    BIGINT,
            LAST_FAILURE_TIME    BIGINT,
            LAST_FAILURE_MESSAGE TEXT,
            CONSECUTIVE_FAILURES INTEGER NOT NULL DEFAULT 0,
            RUN_COUNT            BIGINT  NOT NULL DEFAULT 0,
            FAILURE_COUNT        BIGINT  NOT NULL DEFAULT 0,
            PRIMARY KEY (SCHED_NAME, JOB_GROUP, JOB_NAME)
        );

        CREATE TABLE QRTZ_EXECUTION_HISTORY (
            SCHED_NAME          TEXT    NOT NULL,
            ENTRY_ID            TEXT    NOT NULL,
            INSTANCE_NAME       TEXT    NOT NULL,
            JOB_NAME            TEXT    NOT NULL,
            JOB_GROUP           TEXT    NOT NULL,
            TRIGGER_NAME        TEXT    NOT NULL,
            TRIGGER_GROUP       TEXT    NOT NULL,
            FIRED_TIME          BIGINT  NOT NULL,
            RUN_TIME            BIGINT  NOT NULL,
            SUCCEEDED           BOOLEAN NOT NULL,
            ERROR_MESSAGE       TEXT,
            RETRY_ATTEMPT       INTEGER NOT NULL DEFAULT 0,
            RETRY_SCHEDULED     BOOLEAN NOT NULL DEFAULT FALSE,
            EXECUTION_LOG       TEXT,
            RESULT              INTEGER,
            SUMMARY             TEXT,
            METRICS             TEXT,
            MANUAL              BOOLEAN,
            FIRE_INSTANCE_ID    TEXT,
            JOB_INPUT           TEXT,
            JOB_INPUT_TOO_LARGE BOOLEAN,
            PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );
        CREATE INDEX IDX_QRTZ_EH_FIRED_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRED_TIME);
        CREATE INDEX IDX_QRTZ_EH_JOB_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, JOB_GROUP, JOB_NAME, FIRED_TIME);
        CREATE INDEX IDX_QRTZ_EH_TRIG_TIME ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, TRIGGER_GROUP, TRIGGER_NAME, FIRED_TIME);
        CREATE INDEX IDX_QRTZ_EH_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, INSTANCE_NAME);
        CREATE INDEX IDX_QRTZ_EH_FIRE_INST ON QRTZ_EXECUTION_HISTORY (SCHED_NAME, FIRE_INSTANCE_ID);

        CREATE TABLE QRTZ_MISFIRE_HISTORY (
            SCHED_NAME    TEXT   NOT NULL,
            ENTRY_ID      TEXT   NOT NULL,
            INSTANCE_NAME TEXT   NOT NULL,
            TRIGGER_NAME  TEXT   NOT NULL,
            TRIGGER_GROUP TEXT   NOT NULL,
            JOB_NAME      TEXT,
            JOB_GROUP     TEXT,
            MISFIRE_TIME  BIGINT NOT NULL,
            SCHED_TIME    BIGINT,
            REASON        INTEGER,
            PRIMARY KEY (SCHED_NAME, ENTRY_ID)
        );
        CREATE INDEX IDX_QRTZ_MH_MISFIRE_TIME ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, MISFIRE_TIME);
        CREATE INDEX IDX_QRTZ_MH_INST ON QRTZ_MISFIRE_HISTORY (SCHED_NAME, INSTANCE_NAME);
        """;
}
