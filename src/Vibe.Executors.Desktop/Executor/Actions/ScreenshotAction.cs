using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;
using static Vibe.Application.Executors.ParameterDescriptor;

namespace Vibe.Executors.Desktop.Executor.Actions;

/// <summary>{"action": "screenshot", "path": "after-login.png"}: the screen or a window as PNG in the run folder.</summary>
internal sealed class ScreenshotAction : IDesktopAction
{
    public ActionDescriptor Descriptor { get; } = new("screenshot", "Save the screen or a window as PNG in the run folder",
        [Text("path", "the file in the run folder").DefaultsTo("screenshot-<step>.png"), DesktopActions.OptionalWindow, Variable("variable", "gets the full path")]);

    public async Task ExecuteAsync(DesktopSession session, StepContext step, CancellationToken ct)
    {
        var name = step.Parameters.GetOptionalString("path") ?? $"screenshot-{step.Step.Index + 1}.png";
        var path = RunFolderPath.Resolve(step.RunFolder, name)
            ?? throw DesktopSession.Fail(step, $"parameter 'path': '{name}' leads outside the run folder; give a name relative to it");

        ScreenRect? region = null;
        if (step.Parameters.Has("window"))
        {
            region = (await session.StepWindowAsync(step, ct)).Bounds;
        }

        var (image, why) = await session.CaptureWithoutSecretsAsync(region, ct);
        if (image is null)
        {
            throw DesktopSession.Fail(step, $"no screenshot: {why}");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await PngEncoder.SaveAsync(image, path, ct);
        if (step.Parameters.GetOptionalString("variable") is { } variable)
        {
            step.Variables.Set(variable, path);
        }

        step.Log($"saved a {image.Width}x{image.Height} screenshot to {Path.GetRelativePath(step.RunFolder, path)}");
    }
}
