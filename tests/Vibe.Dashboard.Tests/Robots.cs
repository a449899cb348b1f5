namespace Vibe.Dashboard.Tests;

internal static class Robots
{
    public const string Json = """
        { "robots": [
          { "name": "portal-check", "description": "Checks the invoice portal", "executor": "web", "web": { "actionTimeout": "2s" },
            "steps": [ { "action": "goto", "url": "portal.html" }, { "action": "assertVisible", "selector": "#invoice-table" } ] },
          { "name": "ticker", "description": "Fires every two seconds", "executor": "shell", "schedule": { "cron": "0/2 * * * * ?", "misfire": "skip" },
            "steps": [ { "action": "log", "message": "tick" } ] },
          { "name": "slow-hello", "executor": "shell",
            "steps": [ { "action": "log", "message": "hello from step one" }, { "action": "wait", "duration": "4s" }, { "action": "log", "message": "hello from step three" } ] },
          { "name": "sleeper", "executor": "shell",
            "steps": [ { "action": "log", "message": "going to sleep" }, { "action": "wait", "duration": "10m" } ] },
          { "name": "vault", "description": "Runs only on the vault host", "executor": "shell", "hosts": ["vault-host"],
            "steps": [ { "action": "log", "message": "opening the vault" } ] }
        ] }
        """;

    public const string Portal = "<!DOCTYPE html><html><body><h1>Invoice portal</h1><p>Down for maintenance.</p></body></html>";
}
