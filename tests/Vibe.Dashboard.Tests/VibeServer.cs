using System.Diagnostics;
using System.Text;
using Vibe.TestSupport;

namespace Vibe.Dashboard.Tests;

/// <summary>
/// A real long-running `vibe` process (dashboard or service): its output is collected as it comes, for the
/// assertions' messages; disposing it kills the whole process tree.
/// </summary>
internal sealed class VibeServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private bool _disposed;

    private VibeServer(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

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

    public bool HasExited => _process.HasExited;

    public static async Task<VibeServer> StartAsync(string name, string workspace, IReadOnlyDictionary<string, string> environment, string readyLine, params string[] args)
    {
        var process = new Process { StartInfo = VibeProcess.StartInfo(workspace, environment, args) };
        var server = new VibeServer(name, process);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data is null ? null : "[stderr] " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (!server.Output.Contains(readyLine, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"{name} did not say '{readyLine}'\n{server.Output}");
            }

            await Task.Delay(100);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // A test may stop a server itself (a host going away); the world disposes it again at the end.
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

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
}
