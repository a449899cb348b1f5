using Vibe.Application.Common.Interfaces;
using Vibe.Domain.Robots;

namespace Vibe.Executors.Web.Options;

/// <summary>
/// The folder of the file a robot was declared in, where its relative paths (goto, upload, profile) start.
/// A robot's SourceFile is written relative to the configuration folder (for messages); the catalog lists the
/// same files with their full paths, so the full path is looked up there.
/// </summary>
internal static class RobotFolder
{
    public static async Task<string> FindAsync(RobotDefinition robot, IRobotCatalog? catalog, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(robot.SourceFile))
        {
            return Directory.GetCurrentDirectory();
        }

        if (Path.IsPathRooted(robot.SourceFile))
        {
            return Path.GetDirectoryName(robot.SourceFile)!;
        }

        if (catalog is not null)
        {
            var snapshot = await catalog.GetAsync(cancellationToken);
            var relative = Normalize(robot.SourceFile);
            var match = snapshot.Files.FirstOrDefault(file => Normalize(file).EndsWith("/" + relative, StringComparison.Ordinal));
            if (match is not null)
            {
                return Path.GetDirectoryName(Path.GetFullPath(match))!;
            }
        }

        return Path.GetDirectoryName(Path.GetFullPath(robot.SourceFile))!;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
