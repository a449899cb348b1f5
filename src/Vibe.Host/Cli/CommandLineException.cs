namespace Vibe.Host.Cli;

/// <summary>
/// A mistake on the command line (a missing or mistyped argument, an unknown option or command, an extra
/// argument): reported as one line naming the argument, then the command's usage, exit code 3.
/// </summary>
internal sealed class CommandLineException(string message, string usage) : Exception(message)
{
    /// <summary>"usage: vibe status [&lt;id&gt;] [--limit &lt;number&gt;] ...", shown under the message.</summary>
    public string Usage { get; } = usage;
}
