using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.Executors.Desktop.Wine.Tests;

[CollectionDefinition(Name)]
public sealed class WineCollection : ICollectionFixture<WineDesktop>
{
    public const string Name = "wine";
}

/// <summary>
/// One Wine desktop for every test of the project: Xvfb on a display of its own, a fresh WINEPREFIX with a
/// persistent wineserver, and the win-x64 build of vibe (published once per test run, or taken from the cache).
/// The prefix is made with Wine's Mono and Gecko installers turned off (mscoree and mshtml disabled for wineboot
/// only: the .NET runtime vibe carries needs Wine's mscoree to load its IL-only assemblies), and winedbg is disabled
/// so a crash ends the program instead of waiting in the debugger.
/// </summary>
public sealed class WineDesktop : IAsyncLifetime
{
    public const string Loader = "/usr/lib/wine/wine64";
    private const string Server = "/usr/lib/wine/wineserver64";
    private Process? _xvfb;
    private string _prefix = "";

    public string Display { get; private set; } = "";

    public string VibeExe { get; private set; } = "";

    /// <summary>How the publish went, for the test log.</summary>
    public string PublishNote { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Loader))
        {
            return;
        }

        // Publishing is the long part; the display and the prefix are made meanwhile.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var publish = WinX64Publish.GetAsync();

        // VIBE_TEST_WINE_DISPLAY (":161") pins the display on a shared machine; otherwise Xvfb takes a free one. Either
        // way Xvfb writes the number to -displayfd once it accepts connections.
        var pinned = Environment.GetEnvironmentVariable("VIBE_TEST_WINE_DISPLAY") is { Length: > 1 } wanted && wanted[0] == ':' ? [wanted] : Array.Empty<string>();
        _xvfb = Process.Start(new ProcessStartInfo("Xvfb", [.. pinned, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-s", "0"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _xvfb.ErrorDataReceived += (_, _) => { };
        _xvfb.BeginErrorReadLine();
        var number = await _xvfb.StandardOutput.ReadLineAsync(timeout.Token);
        Display = ":" + (string.IsNullOrWhiteSpace(number)
            ? throw new InvalidOperationException($"Xvfb did not report a display number{(pinned.Length > 0 ? $" (is {pinned[0]}, from VIBE_TEST_WINE_DISPLAY, taken?)" : "")}")
            : number.Trim());

        _prefix = Directory.CreateTempSubdirectory("vibe-wineprefix-").FullName;
        await RunAsync(Server, ["-p"], timeout.Token);
        var boot = await RunAsync(Loader, ["wineboot", "--init"], timeout.Token, ("WINEDLLOVERRIDES", "mscoree,mshtml=;winedbg.exe=d"));
        if (boot.ExitCode != 0)
        {
            throw new InvalidOperationException($"wineboot --init failed in {_prefix}: {boot}");
        }

        var (folder, fromCache) = await publish;
        VibeExe = Path.Combine(folder, "vibe.exe");
        PublishNote = fromCache ? $"vibe.exe from the cache {folder}" : $"vibe.exe published into {folder}";
    }

    public async Task DisposeAsync()
    {
        if (_prefix.Length > 0)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await RunAsync(Server, ["-k"], timeout.Token);
            }
            catch (OperationCanceledException)
            {
            }

            try
            {
                Directory.Delete(_prefix, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        if (_xvfb is { HasExited: false })
        {
            _xvfb.Kill(entireProcessTree: true);
            await _xvfb.WaitForExitAsync();
        }
    }

    /// <summary>Runs `vibe.exe args` under Wine in <paramref name="workingDirectory"/>, as a user would on Windows.</summary>
    public async Task<CliResult> VibeAsync(string workingDirectory, params string[] args)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        return await RunAsync(Loader, [VibeExe, .. args], timeout.Token, workingDirectory: workingDirectory);
    }

    /// <summary>Starts a Windows program (notepad.exe) on the Wine desktop without waiting; the caller stops it.</summary>
    public Process StartProgram(string program)
    {
        var start = StartInfo(Loader, [program], null);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        start.RedirectStandardInput = false;
        return Process.Start(start)!;
    }

    /// <summary>Ends every instance of a Windows program, so a test leaves no window behind for the next.</summary>
    public async Task KillAsync(string image)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await RunAsync(Loader, ["taskkill", "/f", "/im", image], timeout.Token);
    }

    /// <summary>
    /// Runs a program to its end. Its output goes to files, not pipes: Wine's helper processes (wineserver, the
    /// programs a robot launched) inherit the standard handles and outlive it, and a pipe would stay open with them.
    /// </summary>
    private async Task<CliResult> RunAsync(
        string program, IEnumerable<string> arguments, CancellationToken cancellationToken, (string Name, string Value)? extra = null, string? workingDirectory = null)
    {
        var outputFile = Path.GetTempFileName();
        var errorFile = Path.GetTempFileName();
        var start = StartInfo("/bin/sh", ["-c", "exec \"$@\" </dev/null >\"$TEST_STDOUT_FILE\" 2>\"$TEST_STDERR_FILE\"", "sh", program, .. arguments], workingDirectory);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        start.RedirectStandardInput = false;
        start.Environment["TEST_STDOUT_FILE"] = outputFile;
        start.Environment["TEST_STDERR_FILE"] = errorFile;
        if (extra is { } variable)
        {
            start.Environment[variable.Name] = variable.Value;
        }

        try
        {
            using var process = Process.Start(start)!;
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in time\n{await File.ReadAllTextAsync(outputFile)}\n{await File.ReadAllTextAsync(errorFile)}");
            }

            return new CliResult(process.ExitCode, await File.ReadAllTextAsync(outputFile, cancellationToken), await File.ReadAllTextAsync(errorFile, cancellationToken));
        }
        finally
        {
            File.Delete(outputFile);
            File.Delete(errorFile);
        }
    }

    private ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory ?? "",
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tests never inherit a developer's vibe settings.
        foreach (var key in start.Environment.Keys.Where(key => key.StartsWith("VIBE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["WINEPREFIX"] = _prefix;
        start.Environment["WINELOADER"] = Loader;
        start.Environment["WINESERVER"] = Server;
        start.Environment["DISPLAY"] = Display;
        start.Environment["WINEDEBUG"] = "-all";
        start.Environment["WINEDLLOVERRIDES"] = "winedbg.exe=d";
        start.Environment["DOTNET_NOLOGO"] = "1";

        // .NET's W^X double mapping of JIT code crashed the runtime under Wine 8 now and then ("Internal CLR error
        // 0x80131506" while finalizing a dynamic method); without it the same runs pass. A Wine matter, not vibe's.
        start.Environment["DOTNET_EnableWriteXorExecute"] = "0";
        return start;
    }
}
