using Pipeline.Scripts.Kernel.Introspection;

namespace Pipeline.Scripts.Tests.Kernel.Introspection;

public sealed class CodeIntelligenceTests
{
    [Theory]
    [InlineData("var a = 1;", "complete")]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("var s = \"\"\"\nopen raw string", "incomplete")]
    [InlineData("var = = ;", "invalid")]
    public void IsComplete_Code_Status(string code, string expected) => Assert.Equal(expected, CodeIntelligence.IsComplete(code));

    [Fact]
    public void Complete_AfterRecordedCells_SeesTheirVariablesAndMembers()
    {
        using var dir = new TempDirectory();
        var intelligence = new CodeIntelligence(dir.Path);
        intelligence.Record("var prices = new List<double> { 1.5 };");

        var (matches, start, end) = intelligence.Complete("prices.Cou", 10);
        var (locals, _, _) = intelligence.Complete("pri", 3);

        Assert.Contains("Count", matches);
        Assert.Equal((7, 10), (start, end));
        Assert.Contains("prices", locals);
        intelligence.Reset();
        Assert.DoesNotContain("prices", intelligence.Complete("pri", 3).Matches);
    }

    [Fact]
    public void Complete_EmojiBeforeCursor_OffsetsInCodePoints()
    {
        using var dir = new TempDirectory();
        var code = "var s = \"😀😀\"; s.Len";

        var (matches, start, end) = new CodeIntelligence(dir.Path).Complete(code, code.EnumerateRunes().Count());

        Assert.Contains("Length", matches);
        // 16 code points before "Len" (each emoji is one), 19 in all; in UTF-16 these would be 18 and 21.
        Assert.Equal((16, 19), (start, end));
    }

    [Fact]
    public void Inspect_Variable_NamesItsType()
    {
        using var dir = new TempDirectory();
        var intelligence = new CodeIntelligence(dir.Path);
        intelligence.Record("var days = 30;");

        Assert.Contains("int", intelligence.Inspect("days", 2), StringComparison.Ordinal);
        Assert.Null(intelligence.Inspect("   ", 1));
    }

    [Fact]
    public void CodePositions_SurrogatePairs_RoundTrip()
    {
        const string text = "a😀b";

        Assert.Equal(3, CodePositions.ToUtf16(text, 2));
        Assert.Equal(2, CodePositions.ToCodePoints(text, 3));
        Assert.Equal(text.Length, CodePositions.ToUtf16(text, 99));
    }
}
