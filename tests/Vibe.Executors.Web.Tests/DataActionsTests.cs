using System.Text.Json;
using Vibe.Executors.Web.Tests.Harness;

namespace Vibe.Executors.Web.Tests;

[Collection(BrowserCollection.Name)]
public sealed class DataActionsTests
{
    private readonly WebRobotHarness _harness;

    public DataActionsTests(WebRobotHarness harness)
    {
        _harness = harness;
    }

    [Fact]
    public async Task Dashboard_values_are_waited_for_extracted_evaluated_downloaded_and_captured()
    {
        var run = _harness.Start(
            """
            {
              "steps": [
                { "action": "goto", "url": "{site}dashboard.html", "waitUntil": "domcontentloaded" },
                { "action": "waitFor", "text": "Report ready" },
                { "action": "waitFor", "selector": "#late", "state": "visible", "loadState": "networkidle" },
                { "action": "extract", "selector": "#total-open", "variable": "total" },
                { "action": "extract", "selector": "#total-open", "attribute": "data-currency", "variable": "currency" },
                { "action": "extract", "selector": "#invoices", "what": "table", "variable": "invoices" },
                { "action": "evaluate", "expression": "document.querySelectorAll('#invoices tbody tr').length", "variable": "rows" },
                { "action": "evaluate", "selector": "#total-open", "expression": "el => el.dataset.currency + ' ' + el.textContent", "variable": "money" },
                { "action": "log", "message": "open total is ${total} ${currency}" },
                { "action": "screenshot", "file": "dashboard.png", "variable": "page" },
                { "action": "screenshot", "selector": "#invoices", "file": "shots/invoices.png" },
                { "action": "download", "selector": "#export", "variable": "csv" },
                { "action": "download", "selector": "text=Export CSV", "saveAs": "copy.csv" },
                { "action": "goto", "url": "data:text/html,<table id=t><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></table>" },
                { "action": "extract", "selector": "#t", "what": "table", "variable": "plainTable" }
              ]
            }
            """);

        await run.SucceedsAsync();
        Assert.Equal("440.49", run.Variable("total"));
        Assert.Equal("EUR", run.Variable("currency"));
        Assert.Equal("3", run.Variable("rows"));
        Assert.Equal("EUR 440.49", run.Variable("money"));
        Assert.Contains("open total is 440.49 EUR", run.Log.Text, StringComparison.Ordinal);

        using var invoices = JsonDocument.Parse(run.Variable("invoices"));
        var rows = invoices.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal("INV-002", rows[1].GetProperty("Number").GetString());
        Assert.Equal("350.50", rows[1].GetProperty("Amount").GetString());

        Assert.Equal(Path.Combine(run.RunFolder, "dashboard.png"), run.Variable("page"));
        AssertPng(Path.Combine(run.RunFolder, "dashboard.png"));
        AssertPng(Path.Combine(run.RunFolder, "shots", "invoices.png"));

        var csv = run.Variable("csv");
        Assert.Equal(Path.Combine(run.RunFolder, "invoices.csv"), csv);
        Assert.Contains("INV-002,Globex,350.50,Open", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run.RunFolder, "copy.csv")));

        // Without a header row, rows are lists of cell texts.
        Assert.Equal("""[["a","1"],["b","2"]]""", run.Variable("plainTable"));
    }

    private static void AssertPng(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var header = File.ReadAllBytes(path).Take(4).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header);
    }
}
