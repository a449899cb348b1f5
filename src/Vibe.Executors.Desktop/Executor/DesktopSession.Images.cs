using Vibe.Application.Executors;
using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Imaging;

namespace Vibe.Executors.Desktop.Executor;

/// <summary>Template images, read once per run.</summary>
internal sealed partial class DesktopSession
{
    private readonly Dictionary<string, PixelImage> _templates = new(StringComparer.Ordinal);

    internal PixelImage LoadTemplate(StepContext step, string name)
    {
        var path = ResolveImagePath(name);
        if (!_templates.TryGetValue(path, out var template))
        {
            if (!File.Exists(path))
            {
                throw Fail(step, $"parameter 'image': file '{name}' not found (looked at {path})");
            }

            template = PngDecoder.Load(path);
            _templates[path] = template;
        }

        return template;
    }

    /// <summary>A relative template path is read beside the robot's own file, where people keep them, whatever the current folder.</summary>
    private string ResolveImagePath(string name) => Path.GetFullPath(name, _run.RobotFolder);
}
