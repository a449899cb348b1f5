using System.Text.Json;
using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "extract", "selector": "#total", "variable": "total"}: reads from the page into a variable for later
/// steps. "what" says what to read: "text" (default, the visible text, trimmed), "value" (a form field's value),
/// "attribute" (with "attribute": "href") or "table" (the rows of a &lt;table&gt; as JSON text: a list of objects
/// keyed by the header cells when the table has a header row, otherwise a list of lists of cell texts).
/// </summary>
internal sealed class ExtractAction : IWebAction
{
    // Header: the <thead>'s first row, else a first row made only of <th>. Data: every other row outside <thead>.
    private const string TableScript = """
        table => {
          if (table.tagName !== 'TABLE') return null;
          const cells = row => Array.from(row.cells).map(cell => cell.innerText.trim());
          const rows = Array.from(table.rows);
          let header = null;
          if (table.tHead && table.tHead.rows.length > 0) header = table.tHead.rows[0];
          else if (rows.length > 0 && rows[0].cells.length > 0 && Array.from(rows[0].cells).every(cell => cell.tagName === 'TH')) header = rows[0];
          const data = rows.filter(row => row !== header && !(table.tHead && row.parentElement === table.tHead));
          if (!header) return JSON.stringify(data.map(cells));
          const names = cells(header);
          return JSON.stringify(data.map(row => {
            const values = cells(row);
            return Object.fromEntries(names.map((name, i) => [name || String(i + 1), values[i] ?? '']));
          }));
        }
        """;

    public ActionDescriptor Descriptor { get; } = new("extract", "Read text, a value, an attribute or a table's rows into a variable",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Variable("variable", "where the value goes").IsRequired(),
        Choice("what", "what is read", "text", "value", "attribute", "table").DefaultsTo("text"),
        Text("attribute", "the attribute to read (\"href\"); implies what: attribute"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var element = step.Element();
        var attribute = step.Parameters.GetOptionalString("attribute");
        var what = step.Parameters.GetOptionalString("what")?.ToLowerInvariant() ?? (attribute is null ? "text" : "attribute");
        var value = what switch
        {
            "text" => (await element.InnerTextAsync(new LocatorInnerTextOptions { Timeout = step.Timeout })).Trim(),
            "value" => await element.InputValueAsync(new LocatorInputValueOptions { Timeout = step.Timeout }),
            "attribute" => await AttributeAsync(step, element, attribute),
            "table" => await TableAsync(step, element),
            _ => throw new StepFailedException($"step {step.Name}: parameter 'what' ('{what}') must be text, value, attribute or table"),
        };
        step.Store(value, "extracted");
    }

    private static async Task<string> AttributeAsync(WebStep step, ILocator element, string? attribute)
    {
        if (attribute is null)
        {
            throw new StepFailedException($"step {step.Name}: parameter 'attribute' is required to extract an attribute");
        }

        return await element.GetAttributeAsync(attribute, new LocatorGetAttributeOptions { Timeout = step.Timeout })
            ?? throw new WebStepException($"{step.Describe(step.Selector!)} has no attribute '{attribute}'");
    }

    private static async Task<string> TableAsync(WebStep step, ILocator element)
    {
        var json = await element.EvaluateAsync<string?>(TableScript, null, new LocatorEvaluateOptions { Timeout = step.Timeout });
        if (json is null)
        {
            throw new WebStepException($"{step.Describe(step.Selector!)} is not a <table>");
        }

        using var rows = JsonDocument.Parse(json);
        step.Log($"{rows.RootElement.GetArrayLength()} row(s) read from {step.Describe(step.Selector!)}");
        return json;
    }
}
