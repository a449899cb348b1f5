using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Vibe.Application.Executors;
using Vibe.Application.Executors.SharedActions;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Logging;
using Vibe.Infrastructure.Security;

namespace Vibe.Infrastructure.Steps;

/// <summary>
/// {"action": "run", "program": "python3", "args": ["scripts/export.py", "--day", "${day}"], "workingDirectory": "...",
///  "env": {"API_TOKEN": "${env:API_TOKEN}"}, "stdin": "${env:PASSWORD}", "timeout": "5m", "expectExitCode": 0,
///  "outputVariable": "exported"}:
/// runs a program or script; its output goes to the run log line by line; another exit code fails the step.
/// Arguments are visible to every local user (ps); secrets go through "env" or "stdin", which are not.
/// The program never sees vibe's own secret settings (VIBE_DB_CONNECTION, VIBE_SMTP_PASSWORD, …).
/// </summary>
internal sealed class RunProgramAction : ISharedAction
{
    private readonly VibeLocations _locations;
    private readonly OutputLimits _limits;
    private readonly IProgramStarter _starter;

    public RunProgramAction(VibeLocations locations, OutputLimits limits, IProgramStarter starter)
    {
        _locations = locations;
        _limits = limits;
        _starter = starter;
    }

    public ActionDescriptor Descriptor => RunProgramStep.Descriptor;

    public async ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var program = step.Parameters.GetString("program");
        var arguments = step.Parameters.GetStringList("args");
        var expected = step.Parameters.GetInt("expectExitCode", 0);
        var timeout = step.Parameters.GetDuration("timeout", Timeout.InfiniteTimeSpan);
        var outputVariable = step.Parameters.GetOptionalString("outputVariable");
        var input = step.Parameters.GetOptionalString("stdin");
        var environment = step.Parameters.GetStringMap("env");

        if (BatchFileArguments.Problem(program, arguments) is { } problem)
        {
            throw new StepFailedException($"step {step.Step.DisplayName}: {problem}");
        }

        var start = new ProcessStartInfo(program)
        {
            // Scripts usually sit beside robots.json, so relative paths start there; the run's folder is in VIBE_RUN_FOLDER.
            WorkingDirectory = Path.GetFullPath(step.Parameters.GetOptionalString("workingDirectory") ?? ".", _locations.ConfigDirectory),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        ProgramEnvironment.Prepare(start.Environment, environment);
        start.Environment["VIBE_RUN_ID"] = step.Run.RunId.ToString(CultureInfo.InvariantCulture);
        start.Environment["VIBE_RUN_FOLDER"] = step.RunFolder;

        using var process = new Process { StartInfo = start };
        try
        {
            _starter.Start(process);
        }
        catch (Win32Exception ex)
        {
            throw new StepFailedException($"step {step.Step.DisplayName}: cannot start '{program}': {ex.Message}");
        }

        var feed = FeedAsync(process.StandardInput, input);
        step.Log($"started {program} (pid {process.Id})", RunLogLevel.Debug);
        var output = new ProgramOutput(step, _limits, outputVariable is not null);
        var pumps = Task.WhenAll(
            output.PumpAsync(process.StandardOutput, RunLogLevel.Info, collect: true, cancellationToken),
            output.PumpAsync(process.StandardError, RunLogLevel.Warning, collect: false, cancellationToken));

        using var limit = new CancellationTokenSource(timeout, step.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
            await pumps.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Never leave the robot's program running after its step ends.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await output.EndAsync(pumps);
            if (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new StepFailedException($"step {step.Step.DisplayName}: '{program}' did not finish within {Domain.Robots.Duration.Format(timeout)} and was stopped");
            }

            throw;
        }

        await feed;
        output.ReportDropped();
        if (outputVariable is not null)
        {
            if (output.VariableOverflow)
            {
                throw new StepFailedException(
                    $"step {step.Step.DisplayName}: the output of '{program}' is larger than outputVariable can hold ({_limits.MaxVariableChars / 1024} KB, VIBE_OUTPUT_VARIABLE_MAX_KB); write it to a file in VIBE_RUN_FOLDER instead");
            }

            step.Variables.Set(outputVariable, output.Collected.TrimEnd());
        }

        if (process.ExitCode != expected)
        {
            throw new StepFailedException($"step {step.Step.DisplayName}: '{program}' exited with code {process.ExitCode} (expected {expected})");
        }
    }

    /// <summary>Hands "stdin" to the program and closes its input (closed at once without it); a program that does not read it is no error.</summary>
    private static async Task FeedAsync(StreamWriter stdin, string? text)
    {
        try
        {
            if (text is not null)
            {
                await stdin.WriteAsync(text);
                await stdin.FlushAsync();
            }

            stdin.Close();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The program exited or closed its input without reading everything, or the step ended first.
        }
    }
}

/// <summary>
/// Windows runs a .bat or .cmd file through cmd.exe, which reads its command line again with its own rules: a value
/// holding &amp;, |, &lt;, &gt;, ^, %, !, quotes or a line break can run other commands whatever the quoting. Such
/// arguments are refused for batch files (hand the value over in "env" or "stdin" instead).
/// </summary>
internal static class BatchFileArguments
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("&|<>^%!\"()\r\n");

    public static string? Problem(string program, IReadOnlyList<string> arguments)
    {
        var extension = Path.GetExtension(program);
        if (!extension.Equals(".bat", StringComparison.OrdinalIgnoreCase) && !extension.Equals(".cmd", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].AsSpan().IndexOfAny(Special) >= 0)
            {
                return $"'{program}' is a batch file, and its argument {i + 1} holds characters cmd.exe would interpret (& | < > ^ % ! \" ( ) or a line break); pass the value in \"env\" or \"stdin\" instead";
            }
        }

        return null;
    }
}

/// <summary>What a robot's program gets in its environment: vibe's own secret settings removed, the step's "env" added.</summary>
internal static class ProgramEnvironment
{
    public static void Prepare(IDictionary<string, string?> environment, IReadOnlyDictionary<string, string> extra)
    {
        foreach (var key in environment.Keys.Where(SecretSettings.IsSecretVibeSetting).ToList())
        {
            environment.Remove(key);
        }

        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }
    }
}

/// <summary>
/// Reads a program's output in bounded pieces: each line becomes one log line of at most
/// <see cref="OutputLimits.MaxLineLength"/> characters (the rest is noted as cut), the run's limits drop the excess,
/// and stdout is kept in memory only for an outputVariable, up to its own limit.
/// </summary>
internal sealed class ProgramOutput(StepContext step, OutputLimits limits, bool keep)
{
    private readonly StringBuilder _collected = new();
    private long _dropped;

    public bool VariableOverflow { get; private set; }

    public string Collected => _collected.ToString();

    public async Task PumpAsync(StreamReader reader, RunLogLevel level, bool collect, CancellationToken cancellationToken)
    {
        var buffer = new char[16 * 1024];
        var line = new StringBuilder();
        long cut = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var chunk = buffer.AsMemory(0, read);
            if (collect && keep)
            {
                Collect(chunk.Span);
            }

            while (!chunk.IsEmpty)
            {
                var end = chunk.Span.IndexOf('\n');
                var piece = end < 0 ? chunk : chunk[..end];
                var room = limits.MaxLineLength - line.Length;
                if (piece.Length <= room)
                {
                    line.Append(piece);
                }
                else
                {
                    line.Append(piece[..Math.Max(0, room)]);
                    cut += piece.Length - Math.Max(0, room);
                }

                if (end < 0)
                {
                    break;
                }

                await EmitAsync(line, cut, level, cancellationToken);
                line.Clear();
                cut = 0;
                chunk = chunk[(end + 1)..];
            }
        }

        if (line.Length > 0 || cut > 0)
        {
            await EmitAsync(line, cut, level, cancellationToken);
        }
    }

    /// <summary>After a kill: the pipes close with the program; a detached grandchild holding them is not waited for.</summary>
    public async Task EndAsync(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or OperationCanceledException)
        {
            // The step is failing anyway; its output so far is in the log.
        }
    }

    public void ReportDropped()
    {
        var dropped = Interlocked.Read(ref _dropped);
        if (dropped > 0)
        {
            step.Log(
                $"… {dropped.ToString("N0", CultureInfo.InvariantCulture)} lines dropped: the run's output reached its limit of {limits.MaxLines.ToString("N0", CultureInfo.InvariantCulture)} lines or {limits.MaxBytes / 1024} KB (VIBE_OUTPUT_MAX_LINES, VIBE_OUTPUT_MAX_KB)",
                RunLogLevel.Warning);
        }
    }

    private void Collect(ReadOnlySpan<char> chunk)
    {
        if (VariableOverflow)
        {
            return;
        }

        if (_collected.Length + chunk.Length > limits.MaxVariableChars)
        {
            VariableOverflow = true;
            _collected.Clear();
            return;
        }

        _collected.Append(chunk);
    }

    private async Task EmitAsync(StringBuilder line, long cut, RunLogLevel level, CancellationToken cancellationToken)
    {
        if (line.Length > 0 && line[^1] == '\r')
        {
            line.Length--;
        }

        var text = cut > 0
            ? $"{line} … ({cut.ToString("N0", CultureInfo.InvariantCulture)} more characters cut)"
            : line.ToString();
        if (!await step.Run.Log.WriteOutputAsync(level, step.Step.Index, text, cancellationToken))
        {
            Interlocked.Increment(ref _dropped);
        }
    }
}
