using System.Text.Json;
using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "evaluate", "expression": "document.querySelectorAll('tr').length", "variable": "rows"}: runs a script
/// expression in the current frame and stores its result (a string as is, anything else as JSON text). With a
/// "selector" the expression is a function that receives the element: "el => el.dataset.id".
/// </summary>
internal sealed class EvaluateAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("evaluate", "Run a script expression in the page; result into a variable",
    [
        ParameterDescriptor.Text("expression", "the script; with a selector, a function receiving the element (\"el => el.dataset.id\")").IsRequired(),
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)"),
        Variable("variable", "where the result goes (a string as is, anything else as JSON text)"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var expression = step.Parameters.GetString("expression");
        JsonElement? result;
        if (step.Selector is not null)
        {
            result = await step.Element().EvaluateAsync<JsonElement?>(expression, null, new LocatorEvaluateOptions { Timeout = step.Timeout });
        }
        else
        {
            var frame = await step.Scope.FrameAsync(step.Timeout);
            result = await frame.EvaluateAsync<JsonElement?>(expression);
        }

        step.Store(Text(result), "result");
    }

    private static string Text(JsonElement? result) => result switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
        { } other => other.GetRawText(),
    };
}
