namespace Vibe.Host.Cli;

/// <summary>
/// Options every command takes, read before the container exists because they decide which files and
/// which database the container is built for: --config-dir DIR (or VIBE_CONFIG_DIR).
/// </summary>
internal static class GlobalOptions
{
    public static (string? ConfigDirectory, string[] Remaining) Extract(string[] args)
    {
        string? configDirectory = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--config-dir" && i + 1 < args.Length)
            {
                configDirectory = args[++i];
            }
            else if (args[i].StartsWith("--config-dir=", StringComparison.Ordinal))
            {
                configDirectory = args[i]["--config-dir=".Length..];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return (configDirectory, rest.ToArray());
    }
}
