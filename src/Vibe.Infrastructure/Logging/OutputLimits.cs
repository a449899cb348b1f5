using System.Globalization;
using Microsoft.Extensions.Configuration;
using Vibe.Application.Common.Interfaces;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Logging;

/// <summary>
/// Bounds on what robots' programs print, so that one runaway program cannot fill the memory or the run store:
/// a line longer than <see cref="MaxLineLength"/> characters is cut (the rest noted as cut); a run keeps at most
/// <see cref="MaxLines"/> lines and <see cref="MaxBytes"/> bytes of program output, then notes how many lines were
/// dropped; an outputVariable holds at most <see cref="MaxVariableChars"/> characters (more fails the step).
/// Set with VIBE_OUTPUT_MAX_LINES, VIBE_OUTPUT_MAX_KB and VIBE_OUTPUT_VARIABLE_MAX_KB.
/// </summary>
public sealed record OutputLimits(int MaxLineLength, int MaxLines, long MaxBytes, int MaxVariableChars)
{
    public const int DefaultMaxLineLength = 8 * 1024;
    public const int DefaultMaxLines = 20_000;
    public const int DefaultMaxKb = 16 * 1024;
    public const int DefaultVariableMaxKb = 1024;

    private const string Section = "Output";

    public static OutputLimits Default { get; } = new(DefaultMaxLineLength, DefaultMaxLines, DefaultMaxKb * 1024L, DefaultVariableMaxKb * 1024);

    /// <summary>The limits as set; a setting that is not a positive whole number keeps its default (`vibe validate` reports it).</summary>
    public static OutputLimits From(IConfiguration configuration, List<string>? problems = null)
    {
        int Read(string key, string setting, int fallback)
        {
            var text = configuration[$"{Section}:{key}"];
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
            {
                return value;
            }

            problems?.Add($"{setting} is '{text}'; use a whole number greater than 0 (default {fallback})");
            return fallback;
        }

        var lines = Read("MaxLines", "VIBE_OUTPUT_MAX_LINES", DefaultMaxLines);
        var kb = Read("MaxKb", "VIBE_OUTPUT_MAX_KB", DefaultMaxKb);
        var variableKb = Read("VariableMaxKb", "VIBE_OUTPUT_VARIABLE_MAX_KB", DefaultVariableMaxKb);
        return new OutputLimits(DefaultMaxLineLength, lines, kb * 1024L, (int)Math.Min(int.MaxValue / 2, variableKb * 1024L));
    }
}

/// <summary>`vibe validate` reports VIBE_OUTPUT_* settings that are not positive whole numbers.</summary>
internal sealed class OutputLimitsCheck(IConfiguration configuration, VibeLocations locations) : ISettingsCheck
{
    public IEnumerable<ConfigError> Check()
    {
        var problems = new List<string>();
        OutputLimits.From(configuration, problems);
        return problems.Select(problem => new ConfigError(locations.EnvFile, problem));
    }
}
