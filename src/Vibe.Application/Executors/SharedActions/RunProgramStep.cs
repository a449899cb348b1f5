namespace Vibe.Application.Executors.SharedActions;

/// <summary>
/// The shared "run" step as robots write it. It is executed by infrastructure (it starts programs); its rules live
/// here so that a process that only validates robots (Vibe.Client) checks them as vibe does.
/// </summary>
public static class RunProgramStep
{
    public static ActionDescriptor Descriptor { get; } = new(
        "run",
        "Run a program or script with arguments",
        [
            ParameterDescriptor.Text("program", "the program: a name on the PATH or a path").IsRequired(),
            ParameterDescriptor.List("args", "its arguments (visible to every local user: no secrets)"),
            ParameterDescriptor.Text("workingDirectory", "the folder it starts in").DefaultsTo("the configuration folder"),
            ParameterDescriptor.Map("env", "variables for the program; values may be ${env:NAME} (not visible to other users)"),
            ParameterDescriptor.Text("stdin", "text written to the program's input, which is then closed"),
            ParameterDescriptor.Duration("timeout", "how long it may run"),
            new ParameterDescriptor("expectExitCode", ParameterType.Integer, "the exit code that means success").DefaultsTo("0"),
            ParameterDescriptor.Variable("outputVariable", "gets what the program printed"),
        ]);
}
