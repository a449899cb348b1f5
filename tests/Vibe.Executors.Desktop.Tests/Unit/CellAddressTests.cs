using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Linux;

namespace Vibe.Executors.Desktop.Tests.Unit;

public sealed class CellAddressTests
{
    [Theory]
    [InlineData("A1", 0, 0)]
    [InlineData("a3", 2, 0)]
    [InlineData("Z50", 49, 25)]
    [InlineData("AA1", 0, 26)]
    [InlineData("AMJ1048576", 1048575, 1023)]
    public void A_cell_reference_gives_its_row_and_column(string text, int row, int column) =>
        Assert.Equal(new CellAddress(row, column), CellAddress.Parse(text));

    [Theory]
    [InlineData("OK")]
    [InlineData("A0")]
    [InlineData("1A")]
    [InlineData("Sheet1")]
    [InlineData("ABCD1")]
    public void Other_names_are_not_cell_references(string text) => Assert.Null(CellAddress.Parse(text));

    [Fact]
    public void Only_an_exact_name_of_a_cell_or_any_type_asks_the_table()
    {
        Assert.NotNull(CellAddress.From(new ElementSelector { Type = ControlType.Cell, Name = new TextMatch(MatchOperator.Equals, "B2") }));
        Assert.Null(CellAddress.From(new ElementSelector { Type = ControlType.Cell, Name = new TextMatch(MatchOperator.Contains, "B2") }));
        Assert.Null(CellAddress.From(new ElementSelector { Type = ControlType.Button, Name = new TextMatch(MatchOperator.Equals, "B2") }));
    }
}
