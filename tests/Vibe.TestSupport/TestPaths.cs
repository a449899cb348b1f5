using System.Reflection;

namespace Vibe.TestSupport;

/// <summary>Where the built `vibe` and the repository are, as recorded at build time.</summary>
public static class TestPaths
{
    public static string VibeDll { get; } = Path.GetFullPath(Metadata("VibeHostDll"));

    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
