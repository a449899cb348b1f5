using System.Diagnostics;
using System.Text;
using Vibe.TestSupport;

namespace Vibe.Service.Tests;

/// <summary>
/// A real `vibe start-service` process. Its stdout and stderr are collected as they come, so that every assertion
/// can show what the service said; disposing it stops whatever is still running (SIGKILL of the whole tree).
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>A label for messages: the host name it runs as.</summary>
    public string Name { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the service printed so far, stdout and stderr interleaved as received.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServiceProcess Start(string name, string workspace, IReadOnlyDictionary<string, string> environment)
    {
        var process = new Process { StartInfo = VibeProcess.StartInfo(workspace, environment, ["start-service"]) };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data is null ? null : "[stderr] " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Starts the service and waits until it says it has started (its scheduler and worker are up).</summary>
    public static async Task<ServiceProcess> StartReadyAsync(string name, string workspace, IReadOnlyDictionary<string, string> environment)
    {
        var service = Start(name, workspace, environment);
        await service.WaitForOutputAsync("vibe service started on");
        return service;
    }

    /// <summary>Sends SIGTERM, as systemd or `kill` does.</summary>
    public Task TerminateAsync() => Signals.SendAsync("TERM", Pid);

    /// <summary>SIGKILL: the process dies at once, without running any of its shutdown code (its children live on).</summary>
    public void KillHard() => _process.Kill(entireProcessTree: false);

    public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(90));
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{Describe()} did not exit within {(timeout ?? TimeSpan.FromSeconds(90)).TotalSeconds} s\n{Output}");
        }

        // The parameterless wait also drains the redirected output.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan? timeout = null)
    {
        await Eventually.TrueAsync(
            () => Task.FromResult(Output.Contains(text, StringComparison.Ordinal) || _process.HasExited),
            () => Task.FromResult($"{Describe()} never printed \"{text}\"\n{Output}"),
            timeout);
        if (!Output.Contains(text, StringComparison.Ordinal))
        {
            _process.WaitForExit();
            throw new InvalidOperationException($"{Describe()} exited with code {_process.ExitCode} before printing \"{text}\"\n{Output}");
        }
    }

    public string Describe() => $"service {Name} (pid {Pid})";

    /// <summary>The service's output, labelled, for an assertion message.</summary>
    public string Report() => $"--- {Describe()}{(_process.HasExited ? $", exit {_process.ExitCode}" : "")} ---\n{Output}";

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
    }
}

/// <summary>Sends POSIX signals with the real `kill` command (Process.Kill can only send SIGKILL).</summary>
internal static class Signals
{
    public static async Task SendAsync(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
    }

    /// <summary>Whether a process with this id still runs (a zombie nobody has reaped yet does not).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (name) S ..."; the state letter follows the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0];
            return state is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
