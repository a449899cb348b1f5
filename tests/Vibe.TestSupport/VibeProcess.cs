using System.Diagnostics;
using System.Text;

namespace Vibe.TestSupport;

/// <summary>Runs the real `vibe` CLI as a separate process, as a user or a script would.</summary>
public static class VibeProcess
{
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = new Process { StartInfo = StartInfo(workingDirectory, environment, args) };
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (error) { error.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"vibe {string.Join(' ', args)} did not finish within 3 minutes\n{output}\n{error}");
        }

        process.WaitForExit();
        return new CliResult(process.ExitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    /// <summary>Starts `vibe` without waiting (for the service); the caller owns the process.</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var process = new Process { StartInfo = StartInfo(workingDirectory, environment, args) };
        process.Start();
        return process;
    }

    public static ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(TestPaths.VibeDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Tests never inherit a developer's vibe settings.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("VIBE_", StringComparison.Ordinal) && !key.StartsWith("VIBE_TEST_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}--- stderr ---\n{Error}";
}
