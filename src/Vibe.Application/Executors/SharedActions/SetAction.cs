namespace Vibe.Application.Executors.SharedActions;

/// <summary>{"action": "set", "variable": "folder", "value": "${env:HOME}/in"}: sets a run variable for later steps.</summary>
public sealed class SetAction : ISharedAction
{
    public ActionDescriptor Descriptor { get; } = new("set", "Set a variable for later steps",
    [
        ParameterDescriptor.Variable("variable", "the variable's name; later steps read it as ${name}").IsRequired(),
        ParameterDescriptor.Text("value", "its value (may use ${env:NAME} and other variables)").IsRequired(),
    ]);

    public ValueTask ExecuteAsync(StepContext step, CancellationToken cancellationToken)
    {
        var name = step.Parameters.GetString("variable");
        var value = step.Parameters.GetString("value");
        step.Variables.Set(name, value);
        step.Log($"{name} = {value}");
        return ValueTask.CompletedTask;
    }
}
