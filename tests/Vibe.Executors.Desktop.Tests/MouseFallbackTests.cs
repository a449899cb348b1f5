using Vibe.Domain.Runs;
using Vibe.Executors.Desktop.Tests.Support;

namespace Vibe.Executors.Desktop.Tests;

/// <summary>A mouse click on an element asks the window what is under the point before it clicks.</summary>
[Collection(DesktopCollection.Name)]
public sealed class MouseFallbackTests(DesktopFixture desktop) : IDisposable
{
    private readonly RobotHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [LinuxFact]
    public async Task A_mouse_click_on_an_element_scrolled_out_of_view_fails_instead_of_clicking_elsewhere()
    {
        // Fails on 3fc5310: GTK gives a child scrolled out of its pane coordinates far off the screen; the click
        // went there and the step "succeeded" without pressing "Item 4".
        var clicks = Path.Combine(_harness.DataFolder, "clicks.txt");
        var script = "import sys, gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk; " +
            "log = lambda text: open(sys.argv[1], 'a').write(text + '\\n'); " +
            "w = Gtk.Window(title='Vibe scrolled'); v = Gtk.Box(orientation=Gtk.Orientation.VERTICAL); w.add(v); " +
            "s = Gtk.ScrolledWindow(); s.set_size_request(300, 60); s.set_policy(Gtk.PolicyType.NEVER, Gtk.PolicyType.ALWAYS); v.pack_start(s, False, False, 0); " +
            "l = Gtk.Box(orientation=Gtk.Orientation.VERTICAL); s.add(l); " +
            "[l.pack_start(Gtk.Button(label='Item %d' % i), False, False, 0) for i in range(30)]; " +
            "[b.connect('clicked', lambda b: log(b.get_label())) for b in l.get_children()]; " +
            "b = Gtk.Button(label='Below'); b.set_size_request(300, 400); b.connect('clicked', lambda *a: log('Below')); v.pack_start(b, False, False, 0); " +
            "w.connect('destroy', Gtk.main_quit); w.show_all(); Gtk.main()";
        var robot = _harness.Robot($$"""
            {
              "steps": [
                { "action": "launch", "program": "{{desktop.Python}}", "args": ["-c", {{System.Text.Json.JsonSerializer.Serialize(script)}}, "{{clicks}}"] },
                { "action": "waitElement", "selector": "button[name=Below]", "timeout": "20s" },
                { "action": "click", "selector": "button[name='Item 4']", "mode": "mouse" }
              ]
            }
            """);

        var run = await _harness.RunAsync(robot);

        Assert.True(run.Result.Status == RunStatus.Failed, run.Log.Text);
        Assert.Contains("button \"Item 4\" is outside its window", run.Result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(clicks), "something was clicked: " + (File.Exists(clicks) ? File.ReadAllText(clicks) : ""));
    }
}
