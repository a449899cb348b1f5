using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Vibe.Application.Executors;
using Vibe.Domain.Runs;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Steps;

/// <summary>
/// {"action": "run", "program": "python3", "args": ["scripts/export.py", "--day", "${day}"], "workingDirectory": "...",
///  "timeout": "5m", "expectExitCode": 0, "outputVariable": "exported"}:
/// runs a program or script; its output goes to the run log line by line; another exit code fails the step.
/// </summary>
internal sealed class RunProgramAction : ISharedAction
{
    private readonly VibeLocations _locations;

    public RunProgramAction(VibeLocations locations) => _locations = locations;

    public ActionDescriptor Descriptor { get; } = new("run", "Run a program or script with arguments", "program");

    public async ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var program = step.Parameters.GetString("program");
        var arguments = step.Parameters.GetStringList("args");
        var expected = step.Parameters.GetInt("expectExitCode", 0);
        var timeout = step.Parameters.GetDuration("timeout", Timeout.InfiniteTimeSpan);
        var outputVariable = step.Parameters.GetOptionalString("outputVariable");

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
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["VIBE_RUN_ID"] = step.Run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["VIBE_RUN_FOLDER"] = step.RunFolder;

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            step.Log(line.Data);
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                step.Log(line.Data, RunLogLevel.Warning);
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new StepFailedException($"step {step.Step.DisplayName}: cannot start '{program}': {ex.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        step.Log($"started {program} (pid {process.Id})", RunLogLevel.Debug);

        using var limit = new CancellationTokenSource(timeout, step.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            await process.WaitForExitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Never leave the robot's program running after its step ends.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new StepFailedException($"step {step.Step.DisplayName}: '{program}' did not finish within {Domain.Robots.Duration.Format(timeout)} and was stopped");
            }

            throw;
        }

        if (outputVariable is not null)
        {
            lock (output)
            {
                step.Variables.Set(outputVariable, output.ToString().TrimEnd());
            }
        }

        if (process.ExitCode != expected)
        {
            throw new StepFailedException($"step {step.Step.DisplayName}: '{program}' exited with code {process.ExitCode} (expected {expected})");
        }
    }
}
