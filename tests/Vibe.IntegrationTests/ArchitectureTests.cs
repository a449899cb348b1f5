using NetArchTest.Rules;

namespace Vibe.IntegrationTests;

/// <summary>The layers stay apart as the design card draws them.</summary>
public class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Vibe.Domain.Runs.TaskRun).Assembly;
    private static readonly System.Reflection.Assembly Application = typeof(Vibe.Application.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Client = typeof(Vibe.Client.VibeClient).Assembly;
    private static readonly System.Reflection.Assembly Infrastructure = typeof(Vibe.Infrastructure.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Web = typeof(Vibe.Executors.Web.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Desktop = typeof(Vibe.Executors.Desktop.DependencyInjection).Assembly;
    private static readonly System.Reflection.Assembly Dashboard = typeof(Vibe.Dashboard.DashboardRegistration).Assembly;

    [Fact]
    public void Domain_references_nothing_of_ours_and_no_framework_package()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Vibe.Application", "Vibe.Infrastructure", "Vibe.Executors", "Vibe.Host", "Microsoft.EntityFrameworkCore", "Mediator", "Quartz")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Application_references_only_the_domain_of_ours()
    {
        var result = Types.InAssembly(Application).ShouldNot()
            .HaveDependencyOnAny("Vibe.Infrastructure", "Vibe.Executors", "Vibe.Host", "Quartz", "MailKit", "Microsoft.Playwright", "Npgsql", "Microsoft.Data.Sqlite")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Executors_do_not_reference_each_other_or_infrastructure()
    {
        var web = Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny("Vibe.Executors.Desktop", "Vibe.Infrastructure", "Vibe.Host").GetResult();
        var desktop = Types.InAssembly(Desktop).ShouldNot().HaveDependencyOnAny("Vibe.Executors.Web", "Vibe.Infrastructure", "Vibe.Host").GetResult();

        Assert.True(web.IsSuccessful, Failing(web));
        Assert.True(desktop.IsSuccessful, Failing(desktop));
    }

    [Fact]
    public void Only_the_host_composes_the_layers()
    {
        foreach (var assembly in new[] { Domain, Application, Client, Infrastructure, Web, Desktop })
        {
            var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny("Vibe.Host", "Cocona").GetResult();
            Assert.True(result.IsSuccessful, Failing(result));
        }
    }

    [Fact]
    public void The_dashboard_reads_and_acts_only_through_the_use_cases()
    {
        // No SQL in the web layer: no EF Core, no store, no provider; no composition either.
        var result = Types.InAssembly(Dashboard).ShouldNot()
            .HaveDependencyOnAny("Vibe.Infrastructure", "Vibe.Host", "Vibe.Executors", "Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "Cocona")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Infrastructure_does_not_know_the_executors()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOnAny("Vibe.Executors.Web", "Vibe.Executors.Desktop").GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_client_references_none_of_the_service_parts()
    {
        // What another program gets with Vibe.Client (docs/decisions/0016): the store and the robot files, not the
        // service's mail, hosting, workers or executors, nor SQL Server's driver (Vibe.Client.SqlServer brings it).
        // Quartz is there for its cron parser only.
        string[] serviceParts = ["Vibe.Infrastructure", "Vibe.Host", "Vibe.Executors.Web", "Vibe.Executors.Desktop", "MailKit", "MimeKit", "Microsoft.Extensions.Hosting", "Cocona", "Microsoft.Playwright", "Microsoft.Data.SqlClient", "Microsoft.EntityFrameworkCore.SqlServer", "Vibe.Client.SqlServer"];

        var referenced = Client.GetReferencedAssemblies().Select(name => name.Name).ToList();

        Assert.Empty(referenced.Intersect(serviceParts));
    }

    private static string Failing(TestResult result) =>
        "offending types: " + string.Join(", ", result.FailingTypeNames ?? []);
}
