using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Vibe.Executors.Desktop.Wine.Tests;

/// <summary>
/// The Windows build of vibe is produced on Linux (CI has no Windows machine): `dotnet publish src/Vibe.Host -r win-x64`
/// must succeed here and carry the Windows desktop backend. The Wine tests run this same publish.
/// </summary>
public sealed class WinX64PublishTests
{
    [Fact]
    public async Task Vibe_host_publishes_for_win_x64_with_the_Windows_desktop_backend()
    {
        var (published, _) = await WinX64Publish.GetAsync();

        var exe = Path.Combine(published, "vibe.exe");
        Assert.True(File.Exists(exe), $"no vibe.exe in {published}");
        Assert.Equal("MZ"u8.ToArray(), File.ReadAllBytes(exe)[..2]);
        Assert.Contains("WindowsDesktopDriver", TypeNames(Path.Combine(published, "Vibe.Executors.Desktop.dll")));
        Assert.Contains("Win32Controls", TypeNames(Path.Combine(published, "Vibe.Executors.Desktop.dll")));
    }

    private static List<string> TypeNames(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions.Select(handle => metadata.GetString(metadata.GetTypeDefinition(handle).Name)).ToList();
    }
}
