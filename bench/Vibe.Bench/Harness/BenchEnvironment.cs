using System.Globalization;
using System.Runtime.InteropServices;
using Npgsql;

namespace Vibe.Bench.Harness;

/// <summary>What every figure needs: the data-set size, the PostgreSQL cluster, the published vibe, a scratch folder.</summary>
internal sealed class BenchEnvironment
{
    public BenchEnvironment(bool quick, string repositoryRoot)
    {
        Quick = quick;
        RepositoryRoot = repositoryRoot;
        Work = Directory.CreateTempSubdirectory("vibe-bench-").FullName;
        PostgresAdmin = Environment.GetEnvironmentVariable("VIBE_BENCH_POSTGRES")
            ?? throw new InvalidOperationException("VIBE_BENCH_POSTGRES is not set: run the benchmarks with `bash bench/run.sh`, which starts a PostgreSQL cluster with pg_stat_statements");
        Postgres = new PostgresCluster(PostgresAdmin);
        VibeDll = Path.Combine(RepositoryRoot, "artifacts", "vibe", "vibe.dll");
    }

    /// <summary>--quick: smaller data sets and fewer repetitions, for a check in a few minutes.</summary>
    public bool Quick { get; }

    public string RepositoryRoot { get; }

    /// <summary>A scratch folder for this run, removed at the end.</summary>
    public string Work { get; }

    public string PostgresAdmin { get; }

    public PostgresCluster Postgres { get; }

    /// <summary>
    /// The vibe that `./vibe` publishes and README.md tells users to run; `--vibe PATH` measures another build
    /// instead (an older commit's, for a before/after comparison).
    /// </summary>
    public string VibeDll { get; set; }

    /// <summary>--no-anchors: the dispatch figure drains vibe only (for a before/after comparison).</summary>
    public bool SkipAnchors { get; init; }

    /// <summary>The `./vibe` launcher itself (a shell script that checks the build is current, then runs vibe.dll).</summary>
    public string VibeLauncher => Path.Combine(RepositoryRoot, "vibe");

    /// <summary>The same program published as plain IL, without ReadyToRun (bench/run.sh publishes it).</summary>
    public string VibeIlDll => Path.Combine(RepositoryRoot, "artifacts", "bench", "vibe-il", "vibe.dll");

    public string FloorDll => Path.Combine(RepositoryRoot, "artifacts", "bench", "floor", "Floor.dll");

    public string FloorReadyToRunDll => Path.Combine(RepositoryRoot, "artifacts", "bench", "floor-r2r", "Floor.dll");

    public int Scale(int full, int quick) => Quick ? quick : full;

    public IEnumerable<string> Describe(TimeSpan elapsed)
    {
        yield return $"Date: {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; mode: {(Quick ? "--quick (smaller data sets)" : "full")}; whole run {elapsed.TotalMinutes:0.0} min";
        yield return $"Machine: {CpuModel()}, {Environment.ProcessorCount} logical cores, {MemoryGiB():0} GiB RAM";
        yield return $"OS: {OsName()} ({RuntimeInformation.OSArchitecture}), kernel {Environment.OSVersion.Version}";
        yield return $".NET runtime {Environment.Version}; PostgreSQL {Postgres.ServerVersion()} on loopback (fsync off, as in the tests); SQLite {SqliteVersion()} (the embedded default)";
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : RuntimeInformation.ProcessArchitecture.ToString();

    private static double MemoryGiB()
    {
        var line = File.Exists("/proc/meminfo") ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal)) : null;
        var kb = line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kb / 1024 / 1024;
    }

    private static string OsName()
    {
        var line = File.Exists("/etc/os-release") ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)) : null;
        return line?.Split('=', 2)[1].Trim('"') ?? RuntimeInformation.OSDescription;
    }

    private static string SqliteVersion()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "select sqlite_version()";
        return (string)command.ExecuteScalar()!;
    }

    public static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vibe.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("cannot find the repository (Vibe.sln) above " + AppContext.BaseDirectory);
    }

    public NpgsqlConnection OpenAdmin() => new(PostgresAdmin);
}
