using Vibe.Domain.Robots;
using Vibe.Domain.Runs;

namespace Vibe.Application.Executors;

/// <summary>One step about to run: its parameters (interpolated on read), the run's variables and log.</summary>
public sealed class StepContext
{
    public StepContext(ExecutorContext run, RobotStep step)
    {
        Run = run;
        Step = step;
        Parameters = new StepParameters(step, run.Variables);
    }

    public ExecutorContext Run { get; }

    public RobotStep Step { get; }

    public StepParameters Parameters { get; }

    public RunVariables Variables => Run.Variables;

    public string RunFolder => Run.RunFolder;

    public TimeProvider Time => Run.Time;

    /// <summary>Writes a line to the run log for this step; secrets are masked by the log.</summary>
    public void Log(string message, RunLogLevel level = RunLogLevel.Info) => Run.Log.Write(level, Step.Index, message);
}
