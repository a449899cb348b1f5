using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>Issue 18 (M2): `launch` hands a secret to the program through "env" and "stdin", not its arguments.</summary>
[Collection(DesktopCollection.Name)]
public sealed class LaunchSecretsTests(DesktopFixture desktop) : IDisposable
{
    private readonly RobotHarness _harness = new(new Dictionary<string, string> { ["APP_TOKEN"] = "tok-launch-4417", ["APP_PASSWORD"] = "pw-launch-8830" });

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task Launch_passes_env_and_stdin_to_the_program()
    {
        var result = Path.Combine(_harness.DataFolder, "received.txt");
        var robot = _harness.Robot($$"""
            {
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}",
                  "args": ["-c", "import os, sys; data = sys.stdin.read(); open(sys.argv[1] + '.tmp', 'w').write(os.environ.get('APP_TOKEN', '-') + '|' + data); os.replace(sys.argv[1] + '.tmp', sys.argv[1])", "{{result}}"],
                  "env": { "APP_TOKEN": "${env:APP_TOKEN}" }, "stdin": "${env:APP_PASSWORD}" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Succeeded, run.Result.Error + "\n" + run.Log.Text);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(result) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal("tok-launch-4417|pw-launch-8830", await File.ReadAllTextAsync(result));
        Assert.DoesNotContain("tok-launch-4417", run.Log.Text, StringComparison.Ordinal);
    }
}
