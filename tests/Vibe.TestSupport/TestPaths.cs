using System.Reflection;

namespace Vibe.TestSupport;

/// <summary>Where the built `vibe` and the repository are, as recorded at build time.</summary>
public static class TestPaths
{
    /// <summary>The vibe.dll under test; VIBE_TEST_VIBE_DLL points the CLI tests at another build (an older commit, to see a test fail there).</summary>
    public static string VibeDll { get; } = Path.GetFullPath(Environment.GetEnvironmentVariable("VIBE_TEST_VIBE_DLL") is { Length: > 0 } other ? other : Metadata("VibeHostDll"));

    public static string RepositoryRoot { get; } = Path.GetFullPath(Metadata("RepositoryRoot"));

    private static string Metadata(string key) =>
        typeof(TestPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
