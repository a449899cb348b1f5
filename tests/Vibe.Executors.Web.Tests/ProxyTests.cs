using System.Diagnostics;
using Vibe.TestSupport;

namespace Vibe.Executors.Web.Tests;

/// <summary>
/// Issue 18 (M2): a proxy's credentials reach the browser without going on Chromium's command line, where every
/// local user could read them. A real proxy (python) that wants a login serves the page.
/// </summary>
[Collection(Harness.BrowserCollection.Name)]
public sealed class ProxyTests
{
    private const string ProxyScript = """
        import base64, http.server, sys
        expected = "Basic " + base64.b64encode(sys.argv[1].encode()).decode()
        class Proxy(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.headers.get("Proxy-Authorization") != expected:
                    self.send_response(407)
                    self.send_header("Proxy-Authenticate", 'Basic realm="vibe-test"')
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = b"<!doctype html><title>through</title><p id='via'>served by the proxy for " + self.path.encode() + b"</p>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """;

    [Fact]
    public async Task A_proxy_with_a_login_from_VIBE_WEB_PROXY_serves_the_page_and_the_password_is_on_no_command_line()
    {
        const string password = "proxy-pw-91x";
        using var workspace = new TempWorkspace().WriteFile("proxy.py", ProxyScript);
        var start = new ProcessStartInfo("/usr/bin/python3") { ArgumentList = { workspace.PathOf("proxy.py"), $"robot:{password}" }, RedirectStandardOutput = true, UseShellExecute = false };
        using var proxy = Process.Start(start)!;
        try
        {
            var port = await proxy.StandardOutput.ReadLineAsync();
            workspace
                .WriteEnv($"VIBE_WEB_BROWSER={Harness.WebRobotHarness.SystemChromium}", $"VIBE_WEB_PROXY=http://robot:{password}@127.0.0.1:{port}")
                .WriteRobotList("""
                    { "name": "proxied", "executor": "web", "steps": [
                      { "action": "goto", "url": "http://intranet.vibe-test.invalid/report.html" },
                      { "action": "extract", "selector": "#via", "variable": "via" },
                      { "action": "run", "program": "sh", "args": ["-c", "all() { for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < $f; echo; done; }; echo \"proxy arguments: $(all | grep -c -e '--proxy-server=http://12[7]')\"; echo \"with the password: $(all | grep -e '--proxy-server' | grep -c 'proxy-pw-9[1]x')\""] } ] }
                    """);

            var run = await VibeProcess.RunAsync(workspace.Directory, "run-now", "proxied");

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("via = served by the proxy for http://intranet.vibe-test.invalid/report.html", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"proxy arguments: [1-9]", run.Output);
            Assert.Contains("with the password: 0", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, run.Output + run.Error, StringComparison.Ordinal);
        }
        finally
        {
            proxy.Kill();
            await proxy.WaitForExitAsync();
        }
    }
}
