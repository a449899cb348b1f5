namespace Vibe.TestSupport;

/// <summary>
/// A throwaway configuration folder, as a user would have: robots.json, robots.d/, .env and the data folder
/// .vibe/ inside it. Deleted on dispose.
/// </summary>
public sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vibe-test-").FullName;
    }

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, ".vibe");

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public TempWorkspace WriteFile(string relative, string content)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    public TempWorkspace WriteRobots(string json) => WriteFile("robots.json", json);

    public TempWorkspace WriteEnv(params string[] lines) => WriteFile(".env", string.Join('\n', lines) + "\n");

    /// <summary>A robots.json with one robot per given JSON object.</summary>
    public TempWorkspace WriteRobotList(params string[] robots) => WriteRobots($$"""{ "robots": [ {{string.Join(",\n", robots)}} ] }""");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A process of the test may still hold a file; the OS cleans temp folders.
        }
    }
}
