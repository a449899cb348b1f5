using Microsoft.Playwright;
using Vibe.Application.Executors;
using static Vibe.Application.Executors.ParameterDescriptor;
using Vibe.Executors.Web.Session;

namespace Vibe.Executors.Web.Actions;

/// <summary>
/// {"action": "fill", "selector": "#password", "value": "${env:SHOP_PASSWORD}"}: replaces a field's content at once.
/// The value is never logged, only its length.
/// </summary>
internal sealed class FillAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("fill", "Set a text field's value",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Text("value", "the value; the log shows only its length").IsRequired(),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var value = step.Parameters.GetString("value");
        var element = step.Element();
        await element.FillAsync(value, new LocatorFillOptions { Timeout = step.Timeout });
        if (step.HoldsSecret(value))
        {
            step.Scope.HideInScreenshots(element);
        }

        step.Log($"filled {step.Describe(step.Selector!)} ({value.Length} characters)");
    }
}

/// <summary>
/// {"action": "type", "selector": "#search", "text": "invoices", "delay": "50ms"}: types key by key, for fields
/// that react to each key press (autocomplete). "clear": true empties the field first.
/// </summary>
internal sealed class TypeAction : IWebAction
{
    private static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(50);

    public ActionDescriptor Descriptor { get; } = new("type", "Type text key by key",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        Text("text", "what to type").IsRequired(),
        Duration("delay", "pause between keys").DefaultsTo("50ms"),
        Boolean("clear", "empty the field first").DefaultsTo("false"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var text = step.Parameters.GetString("text");
        var delay = step.Parameters.GetDuration("delay", DefaultDelay);
        var element = step.Element();
        if (step.Parameters.GetBool("clear", false))
        {
            await element.FillAsync("", new LocatorFillOptions { Timeout = step.Timeout });
        }

        await element.PressSequentiallyAsync(text, new LocatorPressSequentiallyOptions
        {
            Delay = (float)delay.TotalMilliseconds,
            Timeout = step.Timeout,
        });
        if (step.HoldsSecret(text))
        {
            step.Scope.HideInScreenshots(element);
        }

        step.Log($"typed {text.Length} characters into {step.Describe(step.Selector!)}");
    }
}

/// <summary>
/// {"action": "press", "key": "Enter"}, {"action": "press", "selector": "#q", "key": ["Control+A", "Delete"]}:
/// presses keys or chords (Playwright key names: Enter, Tab, ArrowDown, Control+Shift+T, ControlOrMeta+A),
/// on the focused element or on the element the selector names.
/// </summary>
internal sealed class PressAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("press", "Press a key or chord (Enter, Control+A), optionally on an element",
    [
        List("key", "a key or chord (\"Enter\", \"Control+A\"), or a list of them").IsRequired(),
        Selector("selector", "press on this element (default: whatever has focus)"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var keys = step.Parameters.GetStringList("key");
        if (keys.Count == 0)
        {
            throw new StepFailedException($"step {step.Name}: parameter 'key' is required");
        }

        var element = step.Selector is null ? null : step.Element();
        foreach (var key in keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (element is null)
            {
                await step.Page.Keyboard.PressAsync(key);
            }
            else
            {
                await element.PressAsync(key, new LocatorPressOptions { Timeout = step.Timeout });
            }
        }
    }
}

/// <summary>
/// {"action": "select", "selector": "#country", "value": "fr"} or "label": "France" (a list selects several in
/// a multiple select): chooses options of a &lt;select&gt;.
/// </summary>
internal sealed class SelectAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("select", "Choose an option of a drop-down by value or label",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        List("value", "the option's value (a list for a multiple select)"),
        List("label", "the option's visible label (a list for a multiple select)"),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var values = step.Parameters.GetStringList("value");
        var labels = step.Parameters.GetStringList("label");
        if (values.Count == 0 && labels.Count == 0)
        {
            throw new StepFailedException($"step {step.Name}: give the option's 'value' or its 'label'");
        }

        var options = values.Select(value => new SelectOptionValue { Value = value })
            .Concat(labels.Select(label => new SelectOptionValue { Label = label }))
            .ToList();
        var chosen = await step.Element().SelectOptionAsync(options, new LocatorSelectOptionOptions { Timeout = step.Timeout });
        step.Log($"selected {string.Join(", ", chosen)} in {step.Describe(step.Selector!)}");
    }
}

/// <summary>
/// {"action": "upload", "selector": "input[type=file]", "files": ["invoices/march.pdf"]}: sets a file input's files;
/// relative paths start from the robot file's folder.
/// </summary>
internal sealed class UploadAction : IWebAction
{
    public ActionDescriptor Descriptor { get; } = new("upload", "Choose files in a file input",
    [
        Selector("selector", "the element (Playwright selector: CSS, text=, role=, xpath=)").IsRequired(),
        List("files", "a path or a list; relative to the robot file's folder").IsRequired(),
    ]);

    public async Task ExecuteAsync(WebStep step, CancellationToken cancellationToken)
    {
        var files = step.Parameters.GetStringList("files").Select(step.ResolvePath).ToList();
        if (files.FirstOrDefault(file => !File.Exists(file)) is { } missing)
        {
            throw new StepFailedException($"step {step.Name}: file {missing} does not exist (relative paths start from the robot file's folder)");
        }

        await step.Element().SetInputFilesAsync(files, new LocatorSetInputFilesOptions { Timeout = step.Timeout });
        step.Log($"chose {files.Count} file(s) in {step.Describe(step.Selector!)}: {string.Join(", ", files.Select(Path.GetFileName))}");
    }
}
