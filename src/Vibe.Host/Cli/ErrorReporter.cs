using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vibe.Application.Common.Errors;
using Vibe.Domain.Common;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Persistence;

namespace Vibe.Host.Cli;

/// <summary>
/// The one place where errors become what a person sees and the exit code a script sees: one line on
/// stderr ("vibe: ..."), details indented under it, never a stack trace for a mistake the user made.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case VibeException vibe:
                return Print(error, vibe.Message, vibe.Details.Count == 1 && vibe.Details[0] == vibe.Message ? [] : vibe.Details, vibe.Kind switch
                {
                    VibeErrorKind.NotFound => ExitCodes.NotFound,
                    VibeErrorKind.Invalid => ExitCodes.Invalid,
                    VibeErrorKind.Conflict => ExitCodes.Conflict,
                    _ => ExitCodes.Unavailable,
                });
            case CommandLineException commandLine:
                return Print(error, commandLine.Message, [commandLine.Usage], ExitCodes.Invalid);
            case SettingsException settings:
                return Print(error, settings.Problems.Count == 1 ? settings.Message : "the settings in .env have problems", settings.Problems.Count > 1 ? settings.Problems : [], ExitCodes.Invalid);
            case OptionsValidationException options:
                return Print(error, options.Failures.Count() == 1 ? options.Failures.First() : "the settings in .env have problems", options.Failures.Count() > 1 ? options.Failures.ToList() : [], ExitCodes.Invalid);
            case DomainException domain:
                return Print(error, domain.Message, [], ExitCodes.Conflict);
            case OperationCanceledException:
                return Print(error, "interrupted", [], ExitCodes.Interrupted);
            case DbUpdateException { InnerException: { } inner }:
                return Report(inner, error);
            case var store when StoreErrors.IsStoreError(store):
                return Print(error, $"database error: {StoreErrors.Describe(store)}", [], ExitCodes.Unavailable);
            case IOException or UnauthorizedAccessException:
                // A folder that cannot be created or a file that cannot be written: the system's words name the path.
                return Print(error, exception.Message, [], ExitCodes.Unavailable);
            default:
                // A bug, not a user mistake: say so, with the type, and where to look.
                return Print(error, $"unexpected error ({exception.GetType().Name}): {exception.Message}", [], ExitCodes.Unavailable);
        }
    }

    private static int Print(TextWriter error, string message, IReadOnlyList<string> details, int exitCode)
    {
        error.WriteLine($"vibe: {message.ReplaceLineEndings(" ")}");
        foreach (var detail in details)
        {
            error.WriteLine($"  {detail}");
        }

        return exitCode;
    }
}
