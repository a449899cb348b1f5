using Vibe.Executors.Desktop.Driver;
using Vibe.Executors.Desktop.Executor;

namespace Vibe.Executors.Desktop.Tests.Unit;

/// <summary>Issue 15: what robot authors type matches what toolkits and translators show.</summary>
public sealed class NameMatchingTests
{
    [Theory]
    [InlineData("Don't Save", "Don\u2019t Save")]
    [InlineData("\"Report\" ready", "\u201CReport\u201D ready")]
    [InlineData("Total 42", "Total\u00A042")]
    [InlineData("Save", "Save      ")]
    public void Equals_matches_typographic_variants_and_padding(string written, string shown)
    {
        Assert.True(new TextMatch(MatchOperator.Equals, written).IsMatch(shown));
        Assert.True(new TextMatch(MatchOperator.Equals, shown).IsMatch(written));
    }

    [Fact]
    public void Other_operators_and_regex_see_the_plain_forms_too()
    {
        Assert.True(new TextMatch(MatchOperator.Contains, "n't").IsMatch("Don\u2019t Save"));
        Assert.True(new TextMatch(MatchOperator.StartsWith, "Don't").IsMatch("Don\u2019t Save"));
        Assert.True(new TextMatch(MatchOperator.Regex, "^Don't").IsMatch("Don\u2019t Save"));
        Assert.False(new TextMatch(MatchOperator.Equals, "Dont Save").IsMatch("Don\u2019t Save"));
    }

    [Fact]
    public void A_miss_suggests_the_nearest_names_first()
    {
        var tree = Node("Save Changes", Node("Don\u2019t Save"), Node("Cancel"), Node("Save"), Node("Help"));

        var nearest = NearestNames.For("Dont Save", tree);

        Assert.Equal("Don\u2019t Save", nearest[0]);
        Assert.DoesNotContain("Help", nearest);
    }

    [Theory]
    [InlineData("Discard", "Discard changes")]
    [InlineData("Save", "Save As…")]
    [InlineData("OK", "OK, keep the current format")]
    public void A_miss_suggests_the_longer_label_that_holds_the_wanted_name(string wanted, string label)
    {
        var tree = Node("Dialog", Node(label), Node("Cancel"), Node("Help"));

        var nearest = NearestNames.For(wanted, tree);

        Assert.Contains(label, nearest);
        Assert.DoesNotContain("Help", nearest);
    }

    private static ElementNode Node(string name, params ElementNode[] children) =>
        new(new ElementInfo(name, ControlType.Button, "push button", "", "", default, ElementStates.Enabled), children);
}
