using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Vibe.Executors.Desktop.Windows.Tests;

/// <summary>
/// The Windows build of vibe is produced on Linux (CI has no Windows machine): `dotnet publish src/Vibe.Host -r win-x64`
/// must succeed here and carry the Windows desktop backend. It restores the win-x64 runtime pack and builds the host
/// in a private artifacts folder, so it leaves the working tree's bin and obj alone; it takes about a minute.
/// </summary>
public sealed class WindowsPublishTests
{
    [Fact]
    public async Task Vibe_host_publishes_for_win_x64_with_the_Windows_desktop_backend()
    {
        var artifacts = Directory.CreateTempSubdirectory("vibe-win-x64-");
        try
        {
            var (exitCode, output) = await RunAsync(
                "dotnet",
                ["publish", Path.Combine(RepositoryRoot(), "src", "Vibe.Host"), "-r", "win-x64", "-c", "Release", "--self-contained", "false",
                 "--artifacts-path", artifacts.FullName, "-nologo", "-v", "q"]);

            Assert.True(exitCode == 0, $"dotnet publish -r win-x64 failed ({exitCode}):\n{output}");
            var published = Directory.GetDirectories(Path.Combine(artifacts.FullName, "publish", "Vibe.Host")).Single();
            var exe = Path.Combine(published, "vibe.exe");
            Assert.True(File.Exists(exe), $"no vibe.exe in {published}");
            Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(exe)[..2]);
            Assert.Contains("WindowsDesktopDriver", TypeNames(Path.Combine(published, "Vibe.Executors.Desktop.dll")));
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static List<string> TypeNames(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name)).ToList();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Vibe.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"Vibe.sln not found above {AppContext.BaseDirectory}");
    }
}
