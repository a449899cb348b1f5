using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vibe.Bench.History;

/// <summary>
/// A realistic run history, written as set-based SQL so a million runs take seconds, not an hour of inserts.
/// Run i is queued at T0 + i·step (ids grow with time, as they do in vibe) and its attributes come from a
/// multiplicative hash of i, the same on both providers: 19 robots share the runs evenly and a 20th runs weekly; ~90% Succeeded, ~5.5% Failed, ~2% Cancelled, ~2% Skipped,
/// a few Abandoned; ~12% manual, the rest scheduled; every 97th run a retry of the run before it; 10 log lines each.
/// </summary>
internal static class HistoryData
{
    /// <summary>How far back the history reaches.</summary>
    public static readonly TimeSpan Span = TimeSpan.FromDays(730);

    /// <summary>Runs still queued at the end: retries waiting out their back-off, so they are not due yet.</summary>
    public const int PendingRuns = 5;

    public const int LinesPerRun = 10;

    public static readonly IReadOnlyList<string> Robots =
    [
        "invoice-import", "bank-statements", "payroll-export", "supplier-portal", "customs-declarations",
        "timesheet-reminder", "crm-sync", "vat-return", "order-confirmations", "stock-levels",
        "price-list-update", "expense-claims", "contract-renewals", "ticket-triage", "delivery-notes",
        "fx-rates", "credit-checks", "hr-onboarding", "gl-reconciliation", "weekly-kpis",
    ];

    /// <summary>Each robot's definition hash (a robot's definition rarely changes, so one per robot).</summary>
    private static string Hash(string robot) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(robot)));

    /// <summary>robots.json for the config folder: the same robots, each on a schedule (`vibe status` prints the next fire times).</summary>
    public static string RobotsJson()
    {
        var robots = Robots.Select((name, i) =>
            $$"""{ "name": "{{name}}", "executor": "shell", "schedule": { "cron": "{{(name == WeeklyRobot ? "0 0 7 ? * MON" : $"0 {i * 3 % 60} * * * ?")}}", "timeZone": "UTC" }, "steps": [ { "action": "log", "message": "x" } ] }""");
        return "{ \"robots\": [\n  " + string.Join(",\n  ", robots) + "\n] }\n";
    }

    /// <summary>The parameters every statement shares: @t0 (unix seconds of run 0), @step (seconds between runs), @runs.</summary>
    public static (long T0, long Step) Timeline(DateTimeOffset now, int runs)
    {
        var t0 = now.ToUnixTimeSeconds() - (long)Span.TotalSeconds - 3_600;
        return (t0, Math.Max(1, (long)Span.TotalSeconds / runs));
    }

    /// <summary>The INSERT ... SELECT for the finished runs. <paramref name="source"/> yields column i (1..@runs); <paramref name="time"/> turns unix seconds into the column's type.</summary>
    public static string RunsSelect(string source, Func<string, string> time) => $"""
        INSERT INTO "TaskRuns" ("Id", "RobotName", "Status", "Trigger", "Priority", "Attempt", "MaxAttempts", "RetryOfId",
            "ScheduledFireTime", "QueuedAt", "DueAt", "StartedAt", "FinishedAt", "Host", "Error", "FailedStepIndex",
            "FailedAction", "ScreenshotPath", "EvidencePath", "DefinitionHash")
        SELECT i, {Case("k", Robots)}, status, trig,
            CASE WHEN trig = 'Manual' THEN 0 ELSE 1 END,
            CASE WHEN trig = 'Retry' THEN 2 ELSE 1 END,
            CASE WHEN trig = 'Retry' OR k % 4 = 0 THEN 3 ELSE 1 END,
            CASE WHEN trig = 'Retry' THEN i - 1 END,
            CASE WHEN trig = 'Scheduled' THEN {time("q")} END,
            {time("q")}, {time("q")},
            CASE WHEN status = 'Skipped' THEN NULL ELSE {time("q + 1")} END,
            CASE WHEN status = 'Skipped' THEN {time("q")} ELSE {time("q + 1 + took")} END,
            CASE WHEN status = 'Skipped' THEN NULL ELSE 'host-' || (i % 2 + 1) END,
            CASE status
                WHEN 'Failed' THEN 'step #' || (u % 8 + 1) || ' click: timed out after 30s waiting for #submit'
                WHEN 'Cancelled' THEN 'cancelled by an operator'
                WHEN 'Skipped' THEN 'the previous run was still running (overlap: skip)'
                WHEN 'Abandoned' THEN 'its worker stopped renewing the lease' END,
            CASE WHEN status = 'Failed' THEN u % 8 END,
            CASE WHEN status = 'Failed' THEN 'click' END,
            CASE WHEN status = 'Failed' THEN '/var/lib/vibe/evidence/run-' || i || '/failure.png' END,
            CASE WHEN status = 'Failed' THEN '/var/lib/vibe/evidence/run-' || i END,
            {Case("k", Robots.Select(Hash).ToList())}
        FROM (
            SELECT i, u, q, took,
                CASE WHEN i % 97 = 0 THEN {RobotOf("i - 1")} ELSE {RobotOf("i")} END AS k,
                CASE WHEN u % 1000 < 900 THEN 'Succeeded' WHEN u % 1000 < 955 THEN 'Failed' WHEN u % 1000 < 975 THEN 'Cancelled'
                     WHEN u % 1000 < 997 THEN 'Skipped' ELSE 'Abandoned' END AS status,
                CASE WHEN u % 1000 >= 975 AND u % 1000 < 997 THEN 'Scheduled' WHEN i % 97 = 0 THEN 'Retry'
                     WHEN (u / 1000) % 100 < 12 THEN 'Manual' ELSE 'Scheduled' END AS trig
            FROM (
                SELECT i, (i * 2654435761) % 4294967296 AS u, @t0 + i * @step AS q, 5 + ((i * 2654435761) % 4294967296 / 2000000) % 600 AS took
                FROM {source}) AS hashed) AS runs
        """;

    /// <summary>The INSERT ... SELECT for the log lines: 10 per finished run, ids (run-1)·10+n+1, so they follow the runs in order.</summary>
    public static string LogsSelect(string lines, Func<string, string> time) => $"""
        INSERT INTO "RunLogs" ("Id", "RunId", "Time", "Level", "StepIndex", "Message")
        SELECT (r."Id" - 1) * 10 + l.n + 1, r."Id", {time("@t0 + r.\"Id\" * @step + 1 + l.n")},
            CASE WHEN l.n = 9 AND r."Status" IN ('Failed', 'Abandoned') THEN 'Error'
                 WHEN l.n = 9 AND r."Status" = 'Cancelled' THEN 'Warning'
                 WHEN l.n = 5 AND r."Id" % 7 = 0 THEN 'Warning' ELSE 'Info' END,
            CASE WHEN l.n BETWEEN 1 AND 8 THEN l.n - 1 END,
            CASE WHEN l.n = 0 THEN 'run ' || r."Id" || ' started on ' || coalesce(r."Host", '-') || ' (attempt ' || r."Attempt" || '/' || r."MaxAttempts" || ')'
                 WHEN l.n = 9 THEN 'run finished: ' || r."Status"
                 WHEN l.n = 5 AND r."Id" % 7 = 0 THEN 'step #' || l.n || ' wait: the page took ' || (r."Id" % 20 + 5) || 's to load, longer than usual'
                 ELSE 'step #' || l.n || ' ' || {Case("l.n", ["log", "open", "fill", "fill", "click", "wait", "extract", "download", "click", "log"])} || ': done in ' || ((r."Id" * 31 + l.n * 17) % 900 + 20) || ' ms' END
        FROM {lines}
        WHERE r."Status" <> 'Pending'
        """;

    /// <summary>A handful of retries waiting out their back-off (due in six hours): queued history the claim must skip.</summary>
    public static string PendingInsert(Func<string, string> time) => $"""
        INSERT INTO "TaskRuns" ("Id", "RobotName", "Status", "Trigger", "Priority", "Attempt", "MaxAttempts", "RetryOfId", "QueuedAt", "DueAt")
        SELECT @runs + n, {Case("n", Robots)}, 'Pending', 'Retry', 1, 2, 3, @runs - n, {time("@now")}, {time("@now + 21600")}
        FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5) AS p
        """;

    /// <summary>The robot of run i: the last one runs weekly (~104 runs in two years), the others share the rest evenly.</summary>
    private static string RobotOf(string i) =>
        $"CASE WHEN ({i}) % @weekly = 0 THEN {Robots.Count - 1} ELSE ((({i}) * 2654435761) % 4294967296 / 100000) % {Robots.Count - 1} END";

    /// <summary>The robot that runs once a week: `vibe status --robot` on it must not walk the whole history.</summary>
    public static string WeeklyRobot => Robots[^1];

    /// <summary>@weekly: every how many runs the weekly robot's run comes.</summary>
    public static long WeeklyEvery(int runs) => Math.Max(1, runs / 104);

    private static string Case(string expression, IReadOnlyList<string> values)
    {
        var text = new StringBuilder("CASE ").Append(expression);
        for (var i = 0; i < values.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" WHEN {i} THEN '{values[i]}'");
        }

        return text.Append(" END").ToString();
    }
}
