namespace Vibe.Executors.Desktop.Driver;

/// <summary>A program to start in the desktop session.</summary>
/// <param name="Program">Path or name looked up on PATH.</param>
/// <param name="Arguments">Arguments, passed as they are (no shell).</param>
/// <param name="WorkingDirectory">Folder to start in; null for the service's current folder.</param>
/// <param name="Environment">Extra environment variables for the program only.</param>
/// <param name="Input">Text written to the program's standard input, which is then closed; null leaves it alone.</param>
/// <remarks>vibe's own secret settings (VIBE_DB_CONNECTION, VIBE_SMTP_PASSWORD, …) are never passed on.</remarks>
public sealed record LaunchRequest(
    string Program,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? Input = null)
{
    /// <summary>
    /// Called with each line the program prints (standard output and error), so its last words can go into the
    /// run's evidence; null when nobody listens. Backends that cannot read the output leave it uncalled.
    /// </summary>
    public Action<string>? Output { get; init; }

    /// <summary>Fills <paramref name="start"/>'s environment and input settings; call <see cref="Feed"/> once started.</summary>
    public void Apply(System.Diagnostics.ProcessStartInfo start)
    {
        foreach (var key in start.Environment.Keys.Where(Vibe.Application.Executors.SecretSettings.IsSecretVibeSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (name, value) in Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (Input is not null)
        {
            start.RedirectStandardInput = true;
            start.StandardInputEncoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
    }

    /// <summary>
    /// Reads the started program's output and errors line by line into <see cref="Output"/>: drained, so a chatty
    /// program never blocks on a full pipe, and kept by the session for the evidence.
    /// </summary>
    public void Drain(System.Diagnostics.Process process)
    {
        process.OutputDataReceived += (_, line) => Forward(line.Data);
        process.ErrorDataReceived += (_, line) => Forward(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void Forward(string? line)
    {
        if (line is not null)
        {
            Output?.Invoke(line);
        }
    }

    /// <summary>Hands <see cref="Input"/> to the started program and closes its input; a program that does not read it is no error.</summary>
    public Task Feed(System.Diagnostics.Process process)
    {
        if (Input is not { } input)
        {
            return Task.CompletedTask;
        }

        var stdin = process.StandardInput;
        return Task.Run(async () =>
        {
            try
            {
                await stdin.WriteAsync(input);
                stdin.Close();
            }
            catch (IOException)
            {
                // The program exited or closed its input.
            }
        });
    }
}
