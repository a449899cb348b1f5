using System.Text.Json;
using Vibe.Application.Executors;
using Vibe.Domain.Robots;

namespace Vibe.UnitTests;

public class StepParametersTests
{
    private sealed class Environment(Dictionary<string, string> values) : IEnvironmentReader
    {
        public string? Get(string name) => values.GetValueOrDefault(name);
    }

    private sealed class Masker : ISecretMasker
    {
        public List<string> Secrets { get; } = [];

        public string Mask(string text) => Secrets.Aggregate(text, (current, secret) => current.Replace(secret, "***", StringComparison.Ordinal));

        public void AddSecret(string value) => Secrets.Add(value);
    }

    private static (StepParameters Parameters, Masker Masker, RunVariables Variables) Step(string json)
    {
        var parameters = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;
        var step = new RobotStep { Index = 1, Action = "fill", Parameters = parameters };
        var masker = new Masker();
        var variables = new RunVariables(new Environment(new() { ["PORTAL_PASSWORD"] = "s3cret-pw" }), masker);
        return (new StepParameters(step, variables), masker, variables);
    }

    [Fact]
    public void GetString_interpolates_environment_and_variables_and_marks_the_environment_value_secret()
    {
        var (parameters, masker, variables) = Step("""{ "value": "${user}:${env:PORTAL_PASSWORD}" }""");
        variables.Set("user", "alice");

        Assert.Equal("alice:s3cret-pw", parameters.GetString("value"));
        Assert.Equal("alice:***", masker.Mask("alice:s3cret-pw"));
    }

    [Fact]
    public void A_missing_environment_variable_fails_the_step_naming_it()
    {
        var (parameters, _, _) = Step("""{ "value": "${env:NOT_THERE}" }""");

        var error = Assert.Throws<StepFailedException>(() => parameters.GetString("value"));
        Assert.Equal("step #2 fill: environment variable NOT_THERE is not set", error.Message);
    }

    [Fact]
    public void A_missing_required_parameter_fails_the_step_naming_it()
    {
        var (parameters, _, _) = Step("{}");

        var error = Assert.Throws<StepFailedException>(() => parameters.GetString("selector"));
        Assert.Equal("step #2 fill: parameter 'selector' is required", error.Message);
    }

    [Fact]
    public void GetDuration_takes_a_bare_number_as_seconds()
    {
        var (parameters, _, _) = Step("""{ "timeout": 3, "other": "2m" }""");

        Assert.Equal(TimeSpan.FromSeconds(3), parameters.GetDuration("timeout", TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromMinutes(2), parameters.GetDuration("other", TimeSpan.Zero));
    }
}
