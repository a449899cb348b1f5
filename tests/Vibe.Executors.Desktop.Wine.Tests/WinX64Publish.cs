using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Vibe.TestSupport;

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>
/// `dotnet publish src/Vibe.Host -r win-x64 --self-contained`, kept between test runs in a cache folder named after a
/// hash of the sources, so a run after no source change skips the publish (about 100 s here). The output is
/// published into a scratch folder and moved into place, so a cancelled publish never leaves a half folder behind.
/// </summary>
internal static class WinX64Publish
{
    private static readonly string[] RootInputs = ["Directory.Build.props", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config"];

    /// <summary>The cache: VIBE_TEST_WINE_CACHE, else ~/.cache/vibe-tests/win-x64.</summary>
    public static string CacheRoot { get; } = Environment.GetEnvironmentVariable("VIBE_TEST_WINE_CACHE") is { Length: > 0 } configured
        ? configured
        : Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "vibe-tests", "win-x64");

    private static readonly Lazy<Task<(string Folder, bool FromCache)>> Shared = new(() => PublishAsync(CancellationToken.None));

    /// <summary>The folder holding vibe.exe for the current sources, published once per test run or taken from the cache.</summary>
    public static Task<(string Folder, bool FromCache)> GetAsync() => Shared.Value;

    private static async Task<(string Folder, bool FromCache)> PublishAsync(CancellationToken cancellationToken)
    {
        var root = TestPaths.RepositoryRoot;
        var target = Path.Combine(CacheRoot, SourceHash(root));
        if (File.Exists(Path.Combine(target, "vibe.exe")))
        {
            Directory.SetLastWriteTimeUtc(target, DateTime.UtcNow);
            return (target, true);
        }

        Directory.CreateDirectory(CacheRoot);
        var scratch = Path.Combine(CacheRoot, $"publishing-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var (exitCode, output) = await RunAsync(
                "dotnet",
                ["publish", Path.Combine(root, "src", "Vibe.Host"), "-r", "win-x64", "-c", "Release", "--self-contained", "true",
                 "--artifacts-path", scratch, "-nologo", "-v", "q"],
                cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet publish -r win-x64 failed ({exitCode}):\n{output}");
            }

            var published = Directory.GetDirectories(Path.Combine(scratch, "publish", "Vibe.Host")).Single();
            try
            {
                Directory.Move(published, target);
            }
            catch (IOException) when (File.Exists(Path.Combine(target, "vibe.exe")))
            {
                // Another test run published the same sources first.
            }
        }
        finally
        {
            TryDelete(scratch);
        }

        RemoveStale(target);
        return (target, false);
    }

    /// <summary>Every file the build reads: src/ (without bin and obj) and the build settings at the root.</summary>
    private static string SourceHash(string root)
    {
        var src = Path.Combine(root, "src");
        var files = Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(path => !path[src.Length..].Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Concat(RootInputs.Select(name => Path.Combine(root, name)).Where(File.Exists))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file) + "\0"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    // Each publish is about 340 MB: keep the newest and whatever another run used within the last hour.
    private static void RemoveStale(string keep)
    {
        foreach (var folder in Directory.GetDirectories(CacheRoot))
        {
            if (folder != keep && Directory.GetLastWriteTimeUtc(folder) < DateTime.UtcNow.AddHours(-1))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host may run inside an MSBuild-driven `dotnet test`; the child must pick its own SDK paths.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
