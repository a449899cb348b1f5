using Vibe.Infrastructure.Steps;

namespace Vibe.UnitTests;

/// <summary>Issue 18 (L6): a batch file gets no argument that cmd.exe would read as more commands.</summary>
public class BatchFileArgumentsTests
{
    [Theory]
    [InlineData("export.bat", "a & calc.exe")]
    [InlineData(@"C:\robots\export.CMD", "100%PATH%")]
    [InlineData("export.cmd", "\"quoted\" | more")]
    [InlineData("export.bat", "line\r\nnext")]
    public void A_batch_file_argument_with_cmd_metacharacters_is_refused(string program, string argument)
    {
        var problem = BatchFileArguments.Problem(program, ["ok", argument]);

        Assert.NotNull(problem);
        Assert.Contains("argument 2 holds characters cmd.exe would interpret", problem, StringComparison.Ordinal);
        Assert.Contains("\"env\" or \"stdin\"", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export.bat", "2026-12-01")]
    [InlineData("export.exe", "a & b")]
    [InlineData("export.sh", "a | b")]
    public void Plain_arguments_and_other_programs_pass(string program, string argument) =>
        Assert.Null(BatchFileArguments.Problem(program, [argument]));
}
