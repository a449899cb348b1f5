using System.Net;
using System.Net.Sockets;
using Vibe.TestSupport;

namespace Vibe.IntegrationTests;

/// <summary>
/// What an operator sees when the store or the settings around it are wrong: one line on stderr that names what is
/// wrong, the exit code README documents, no stack frame, and nothing created or replaced by mistake.
/// </summary>
public class StoreProblemTests
{
    private const string Robots = """
        { "robots": [ { "name": "greeter", "executor": "shell", "steps": [ { "action": "log", "message": "hi" } ] } ] }
        """;

    public static TheoryData<string, string[], int, string> Cases() => new()
    {
        // name, .env lines, exit code, fragment of the one line
        { "store down", [$"VIBE_DB_PROVIDER=postgres", $"VIBE_DB_CONNECTION=Host=127.0.0.1;Port={ClosedPort()};Username=vibe;Password=s3cret-pw;Timeout=3"], 5, "database error:" },
        { "garbage connection string", ["VIBE_DB_PROVIDER=postgres", "VIBE_DB_CONNECTION=this is; not=a;;; connection string=s3cret-pw"], 3, "VIBE_DB_CONNECTION is not a valid postgres connection string" },
        { "data folder under a file", ["VIBE_DATA_DIR=robots.json/data"], 5, "robots.json/data" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Status_with_a_store_problem_prints_one_short_line_and_no_stack_trace(string name, string[] env, int exitCode, string fragment)
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots).WriteEnv(env);

        var status = await VibeProcess.RunAsync(workspace.Directory, "run-now", "greeter");

        Assert.True(status.ExitCode == exitCode, $"{name}: {status}");
        Assert.Contains(fragment, status.Error, StringComparison.Ordinal);
        var lines = status.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{name}: one line expected\n{status}");
        Assert.True(status.Error.Length < 500, $"{name}: {status.Error.Length} bytes on stderr\n{status}");
        Assert.DoesNotContain(" at ", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", status.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", status.Error + status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_while_the_postgres_store_is_down_is_one_line_exit_5()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots)
            .WriteEnv("VIBE_DB_PROVIDER=postgres", $"VIBE_DB_CONNECTION=Host=127.0.0.1;Port={ClosedPort()};Username=vibe;Timeout=3");

        var status = await VibeProcess.RunAsync(workspace.Directory, "status");

        Assert.True(status.ExitCode == 5, status.ToString());
        Assert.StartsWith("vibe: database error:", status.Error, StringComparison.Ordinal);
        Assert.True(status.Error.Length < 500, $"{status.Error.Length} bytes on stderr\n{status}");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("list-robots")]
    [InlineData("run-now", "greeter")]
    public async Task A_config_dir_that_does_not_exist_is_refused_with_exit_3_and_nothing_is_created(params string[] command)
    {
        using var workspace = new TempWorkspace();
        var missing = workspace.PathOf("no/such/dir");

        var result = await VibeProcess.RunAsync(workspace.Directory, ["--config-dir", missing, .. command]);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.PathOf("no")), "nothing is created for a folder that does not exist");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("notify", "queue")]
    public async Task A_read_command_without_a_store_says_so_and_creates_none(params string[] command)
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);

        var result = await VibeProcess.RunAsync(workspace.Directory, command);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("no store yet", result.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.DataDirectory), "a read command creates no data folder");
    }

    [Theory]
    [InlineData("empty", "empty (0 bytes)")]
    [InlineData("text", "is not a SQLite database")]
    public async Task An_empty_or_foreign_vibe_db_is_refused_and_kept(string kind, string fragment)
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        var file = Path.Combine(workspace.DataDirectory, "vibe.db");
        var content = kind == "empty" ? "" : "this is somebody's notes, not a database\n";
        workspace.WriteFile(".vibe/vibe.db", content);

        foreach (var command in new[] { new[] { "status" }, ["run-now", "greeter"] })
        {
            var result = await VibeProcess.RunAsync(workspace.Directory, command);
            Assert.True(result.ExitCode == 5, $"{string.Join(' ', command)}: {result}");
            Assert.Contains(fragment, result.Error, StringComparison.Ordinal);
            Assert.Equal(content, await File.ReadAllTextAsync(file));
        }
    }

    [Fact]
    public async Task A_foreign_sqlite_database_is_refused_not_given_vibes_tables()
    {
        using var workspace = new TempWorkspace().WriteRobots(Robots);
        Directory.CreateDirectory(workspace.DataDirectory);
        var file = Path.Combine(workspace.DataDirectory, "vibe.db");
        await using (var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await sqlite.OpenAsync();
            await using var create = sqlite.CreateCommand();
            create.CommandText = "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)";
            await create.ExecuteNonQueryAsync();
        }

        var result = await VibeProcess.RunAsync(workspace.Directory, "run-now", "greeter");

        Assert.True(result.ExitCode == 5, result.ToString());
        Assert.Contains("not vibe's", result.Error, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nothing listens on: a PostgreSQL server that is down.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
