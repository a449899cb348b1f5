using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Vibe.Bench.Harness;

namespace Vibe.Bench.History;

/// <summary>
/// The control room over the million-run store: the real `vibe dashboard` process serving the overview, the runs page
/// (newest, a deep keyset page, each filter), a run page, a robot page and /api/runs, timed from a client on loopback
/// (the request's whole round trip, so an upper bound of the server's time); then /api/runs requests per second.
/// </summary>
internal sealed class DashboardMeasurement
{
    public List<(string Label, Samples Times, int Bytes)> Pages { get; } = [];

    public double ApiRequestsPerSecondOneClient { get; private set; }

    public double ApiRequestsPerSecondFourClients { get; private set; }

    public int ApiRequests { get; private set; }

    public static async Task<DashboardMeasurement> RunAsync(BenchEnvironment environment, string folder, long middleRunId, DateTimeOffset now, CancellationToken ct)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var process = ChildProcess.Start("dotnet", [environment.VibeDll, "dashboard", "--urls", baseUrl], folder, null, Path.Combine(folder, "dashboard.log"));
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            await WaitUntilServingAsync(http, process, folder, ct);
            var measurement = new DashboardMeasurement();
            var repetitions = environment.Scale(20, 5);

            // A week of runs a year ago: the time-range filter in the middle of the history.
            var from = now.AddDays(-365).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            var to = now.AddDays(-358).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
            var middle = middleRunId.ToString(CultureInfo.InvariantCulture);
            (string Label, string Path, string Expect)[] pages =
            [
                ("overview (`/`)", "/", "host"),
                ("runs, newest 50 (`/runs`)", "/runs", "Succeeded"),
                ($"runs, the page before run {middleRunId:N0} (`/runs?before={middle}`)", $"/runs?before={middle}", "Succeeded"),
                ("runs filtered by status (`/runs?status=Failed`)", "/runs?status=Failed", "Failed"),
                ("runs filtered by trigger (`/runs?trigger=Manual`)", "/runs?trigger=Manual", "Manual"),
                ("runs filtered by host (`/runs?host=host-2`)", "/runs?host=host-2", "host-2"),
                ($"runs of the weekly robot (`/runs?robot={HistoryData.WeeklyRobot}`)", $"/runs?robot={HistoryData.WeeklyRobot}", HistoryData.WeeklyRobot),
                ("runs of one week a year ago (`/runs?from=…&to=…`)", $"/runs?from={from}&to={to}", "Succeeded"),
                ("failed runs of one robot on one host (`/runs?robot=…&status=Failed&host=host-1`)", $"/runs?robot={HistoryData.Robots[0]}&status=Failed&host=host-1", "Failed"),
                ($"run page (`/runs/{middle}`)", $"/runs/{middle}", "run finished"),
                ($"robot page (`/robots/{HistoryData.Robots[0]}`)", $"/robots/{HistoryData.Robots[0]}", "<svg"),
                ("`/api/runs?limit=20`", "/api/runs?limit=20", "\"robot\""),
            ];
            foreach (var page in pages)
            {
                measurement.Pages.Add(await TimePageAsync(http, page.Label, page.Path, page.Expect, repetitions, ct));
            }

            measurement.ApiRequests = environment.Scale(2_000, 300);
            measurement.ApiRequestsPerSecondOneClient = await RequestsPerSecondAsync(http, measurement.ApiRequests, clients: 1, ct);
            measurement.ApiRequestsPerSecondFourClients = await RequestsPerSecondAsync(http, measurement.ApiRequests, clients: 4, ct);
            return measurement;
        }
        finally
        {
            await ChildProcess.StopAsync(process, ct);
            process.Dispose();
        }
    }

    private static async Task<(string, Samples, int)> TimePageAsync(HttpClient http, string label, string path, string expect, int repetitions, CancellationToken ct)
    {
        const int warmUp = 3;
        var samples = new Samples("ms");
        var bytes = 0;
        for (var i = 0; i < warmUp + repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            clock.Stop();
            if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expect, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} without '{expect}': {body[..Math.Min(body.Length, 400)]}");
            }

            if (i >= warmUp)
            {
                samples.Add(clock.Elapsed.TotalMilliseconds);
                bytes = body.Length;
            }
        }

        return (label, samples, bytes);
    }

    /// <summary><paramref name="total"/> requests of /api/runs?limit=20 shared by <paramref name="clients"/> loops on keep-alive connections.</summary>
    private static async Task<double> RequestsPerSecondAsync(HttpClient http, int total, int clients, CancellationToken ct)
    {
        var left = total;
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                using var response = await http.GetAsync("/api/runs?limit=20", ct);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(ct);
            }
        });
        await Task.WhenAll(loops);
        return total / clock.Elapsed.TotalSeconds;
    }

    private static async Task WaitUntilServingAsync(HttpClient http, Process process, string folder, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"vibe dashboard exited with {process.ExitCode}: {await File.ReadAllTextAsync(Path.Combine(folder, "dashboard.log"), ct)}");
            }

            try
            {
                using var response = await http.GetAsync("/api/robots", ct);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, ct);
        }

        throw new InvalidOperationException("vibe dashboard did not answer within 120 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
