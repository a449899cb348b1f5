using System.Globalization;
using Cocona.Command;
using Cocona.Command.Dispatcher;
using Cocona.CommandLine;
using Vibe.Application.Common.Text;

namespace Vibe.Host.Cli;

/// <summary>
/// Cocona's bootstrapper with vibe's command-line contract: an unknown command, an unknown option or an
/// argument too many is a mistake reported by <see cref="ErrorReporter"/> (exit 3, with the usage), not
/// Cocona's own message and exit code (1, 129) or silence.
/// </summary>
internal sealed class VibeBootstrapper(
    ICoconaCommandLineArgumentProvider arguments,
    ICoconaCommandProvider commands,
    ICoconaCommandResolver resolver,
    ICoconaCommandDispatcher dispatcher) : ICoconaBootstrapper
{
    private CommandCollection? _commands;

    public void Initialize() => _commands = commands.GetCommandCollection();

    public async ValueTask<int> RunAsync(CancellationToken cancellationToken)
    {
        var collection = _commands ?? throw new InvalidOperationException("Initialize was not called");
        var raw = arguments.GetArguments();
        CommandResolverResult resolved;
        try
        {
            resolved = resolver.ParseAndResolve(collection, raw);
        }
        catch (CommandNotFoundException notFound)
        {
            var names = notFound.ImplementedCommands.All.Where(command => !command.IsHidden).Select(command => command.Name).ToList();
            var message = string.IsNullOrWhiteSpace(notFound.Command)
                ? $"a command is missing (one of: {string.Join(", ", names)})"
                : $"unknown command '{notFound.Command}'{Suggestions.DidYouMean(notFound.Command, names)}";
            return ErrorReporter.Report(new CommandLineException(message, CommandLineUsage.General), Console.Error);
        }

        if (resolved is { Success: true, MatchedCommand: { } command, ParsedCommandLine: { } parsed }
            && Mistake(command, parsed, raw) is { } mistake)
        {
            var usage = CommandLineUsage.For(command, resolved.SubCommandStack ?? []);
            return ErrorReporter.Report(new CommandLineException(mistake, usage), Console.Error);
        }

        return await dispatcher.DispatchAsync(resolved, cancellationToken);
    }

    /// <summary>What Cocona would drop or answer with its own exit code: an unknown option, an argument too many.</summary>
    private static string? Mistake(CommandDescriptor command, ParsedCommandLine parsed, string[] raw)
    {
        if (parsed.UnknownOptions.Count > 0)
        {
            // Cocona splits "-1" into the short options '1'; the raw arguments say what was typed.
            var known = command.Options.Select(option => "--" + option.Name).ToList();
            var typed = raw.FirstOrDefault(arg => arg.StartsWith('-') && arg.Length > 1 && !known.Contains(arg.Split('=')[0]) && arg != "--")
                ?? "--" + parsed.UnknownOptions[0];
            if (long.TryParse(typed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                var what = command.Arguments.Count > 0 ? $"<{command.Arguments[0].Name}>" : "value here";
                return $"{typed} is not a valid {what}: negative numbers are not accepted";
            }

            return $"unknown option '{typed.Split('=')[0]}' for '{command.Name}'{Suggestions.DidYouMean(typed.Split('=')[0], known)}";
        }

        if (!command.Arguments.Any(argument => argument.IsEnumerableLike) && parsed.Arguments.Count > command.Arguments.Count)
        {
            var extra = parsed.Arguments[command.Arguments.Count].Value;
            return command.Arguments.Count == 0
                ? $"'{command.Name}' takes no argument, but was given '{extra}'"
                : $"unexpected argument '{extra}': '{command.Name}' takes {string.Join(" ", command.Arguments.Select(argument => $"<{argument.Name}>"))} only";
        }

        return null;
    }
}
