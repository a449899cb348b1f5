using Microsoft.Playwright;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;
using Vibe.Executors.Web.Options;

namespace Vibe.Executors.Web.Session;

/// <summary>What a web action works with: the step's parameters, the page and frame it acts in, the robot's settings.</summary>
internal sealed class WebStep
{
    public WebStep(StepContext context, PageScope scope, WebOptions options)
    {
        Context = context;
        Scope = scope;
        Options = options;
    }

    public StepContext Context { get; }

    public StepParameters Parameters => Context.Parameters;

    public PageScope Scope { get; }

    public WebOptions Options { get; }

    public IPage Page => Scope.Page;

    public string Name => Context.Step.DisplayName;

    /// <summary>The "selector" parameter, or null when the step has none.</summary>
    public string? Selector => Parameters.GetOptionalString("selector");

    /// <summary>The "selector" parameter, resolved in the current tab and frame.</summary>
    public ILocator Element() => Scope.Locator(Parameters.GetString("selector"));

    /// <summary>Whether <paramref name="value"/> holds a secret (a value from .env or ${env:…}), which evidence must not show.</summary>
    public bool HoldsSecret(string value) => Context.Run.Masker.Mask(value) != value;

    /// <summary>The step's own "timeout" in milliseconds for Playwright; null leaves the robot's default.</summary>
    public float? Timeout => Parameters.Has("timeout") ? (float)EffectiveTimeout.TotalMilliseconds : null;

    /// <summary>How long the step waits: its own "timeout", else the robot's action timeout.</summary>
    public TimeSpan EffectiveTimeout => Parameters.GetDuration("timeout", Options.ActionTimeout);

    /// <summary>A path from the robot file: absolute as given, relative to the robot file's folder otherwise.</summary>
    public string ResolvePath(string path) => Path.GetFullPath(path, Options.RobotFolder);

    /// <summary>
    /// A file in the run's folder. The name may hold sub-folders but may not leave the run folder, so that a
    /// robot cannot overwrite files elsewhere by mistake (nor through a link made in the run folder).
    /// </summary>
    public string RunFile(string name, string parameter)
    {
        var path = RunFolderPath.Resolve(Context.RunFolder, name)
            ?? throw new StepFailedException($"step {Name}: parameter '{parameter}' ('{name}') must stay inside the run folder");

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Stores a value for later steps (${name}) when the step has a "variable" parameter, and logs it.</summary>
    public void Store(string value, string what)
    {
        if (Parameters.GetOptionalString("variable") is { } variable)
        {
            Context.Variables.Set(variable, value);
            Context.Log($"{variable} = {Shorten(value)}");
        }
        else
        {
            Context.Log($"{what}: {Shorten(value)}");
        }
    }

    public void Log(string message) => Context.Log(message);

    public string Describe(string selector) => $"'{selector}'{Scope.Where}";

    public static string Format(TimeSpan value) => Duration.Format(value);

    private static string Shorten(string value) => value.Length <= 200 ? value : value[..200] + $"... ({value.Length} characters)";
}
