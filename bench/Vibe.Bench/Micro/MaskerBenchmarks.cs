using BenchmarkDotNet.Attributes;
using Vibe.Infrastructure.Configuration;
using Vibe.Infrastructure.Logging;

namespace Vibe.Bench.Micro;

/// <summary>SecretMasker.Mask, which every run-log line, error and evidence text passes through.</summary>
[MemoryDiagnoser]
public class MaskerBenchmarks
{
    // 120 characters each, the length of a typical step line; the first carries one of the secrets.
    public const string LineWithSecret = "step #3 fill: typed 14 characters into #password on https://shop.example/login as user s3cr3t-Sh0p-Pa55 (attempt 1 of 3)";
    public const string LineWithout = "step #4 click: clicked role=button[name='Sign in'] on https://shop.example/login, navigated to /dashboard in 412 ms ok.";

    private SecretMasker _masker = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Five secrets, as a .env with a database, mail and two sites' credentials gives.
        _masker = new SecretMasker(new VibeEnvironment(new Dictionary<string, string>(), null, _ => null));
        foreach (var secret in new[] { "s3cr3t-Sh0p-Pa55", "pg-Pa55w0rd!2024", "smtp-app-password-xyzw", "ghp_9f8e7d6c5b4a3f2e1d0c9b8a", "proxy-user:proxy-pass" })
        {
            _masker.AddSecret(secret);
        }

        if (_masker.Mask(LineWithSecret) == LineWithSecret || _masker.Mask(LineWithout) != LineWithout)
        {
            throw new InvalidOperationException("the masker does not mask the benchmark's lines as expected");
        }
    }

    [Benchmark(Description = "SecretMasker.Mask, 120-char line with 1 of 5 secrets")]
    public string MaskLineWithSecret() => _masker.Mask(LineWithSecret);

    [Benchmark(Description = "SecretMasker.Mask, 120-char line with none of 5 secrets")]
    public string MaskLineWithout() => _masker.Mask(LineWithout);
}
