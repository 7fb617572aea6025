using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Tests.Lakehouse.Catalog;

public sealed class CatalogNamesTests
{
    [Theory]
    [InlineData("Bronze")]
    [InlineData("bronze-ticks")]
    [InlineData("1ticks")]
    [InlineData("")]
    [InlineData("ticks ")]
    [InlineData("tick\u00e9")]
    public void TableIdentifier_NameBreakingTheRules_NamesItAndTheRule(string name)
    {
        var error = Assert.Throws<CatalogException>(() => new TableIdentifier("bronze", name));

        Assert.Equal(CatalogErrorKind.InvalidIdentifier, error.Kind);
        Assert.Contains("Invalid table name", error.Message, StringComparison.Ordinal);
        Assert.Contains("a-z, 0-9 and '_'", error.Message, StringComparison.Ordinal);
        Assert.Equal(name, error.Actual);
    }

    [Theory]
    [InlineData("bronze")]
    [InlineData("research.eurusd.v2")]
    [InlineData("_scratch")]
    public void ValidateNamespace_Valid_ReturnsIt(string ns) => Assert.Equal(ns, CatalogNames.ValidateNamespace(ns));

    [Theory]
    [InlineData("a..b", "")]
    [InlineData(".a", "")]
    [InlineData("a.B", "B")]
    [InlineData("a.b c", "b c")]
    public void ValidateNamespace_BadLevel_NamesTheNamespaceAndTheLevel(string ns, string level)
    {
        var error = Assert.Throws<CatalogException>(() => CatalogNames.ValidateNamespace(ns));

        Assert.Equal(CatalogErrorKind.InvalidIdentifier, error.Kind);
        Assert.Contains($"Invalid namespace '{ns}'", error.Message, StringComparison.Ordinal);
        Assert.Equal(level, error.Actual);
    }

    [Fact]
    public void ValidateNamespace_LongerThanTheColumn_SaysHowLong()
    {
        var ns = string.Join('.', Enumerable.Repeat(new string('a', 100), 3));

        var error = Assert.Throws<CatalogException>(() => CatalogNames.ValidateNamespace(ns));

        Assert.Contains("at most 255 characters", error.Message, StringComparison.Ordinal);
        Assert.Equal("302", error.Actual);
    }

    [Fact]
    public void ValidateName_129Characters_IsRefused()
    {
        Assert.Equal(new string('a', 128), CatalogNames.ValidateName(new string('a', 128), "table name"));
        var error = Assert.Throws<CatalogException>(() => CatalogNames.ValidateName(new string('a', 129), "table name"));
        Assert.Contains("(129 characters)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NestedNamespace_SplitsAtTheLastDot()
    {
        var table = TableIdentifier.Parse("research.eurusd.bars_m1");

        Assert.Equal("research.eurusd", table.Namespace);
        Assert.Equal("bars_m1", table.Name);
        Assert.Equal("research.eurusd.bars_m1", table.ToString());
        Assert.Equal(new TableIdentifier("research.eurusd", "bars_m1"), table);
    }

    [Theory]
    [InlineData("ticks")]
    [InlineData(".ticks")]
    public void Parse_NoNamespace_IsRefused(string dotted)
    {
        var error = Assert.Throws<CatalogException>(() => TableIdentifier.Parse(dotted));

        Assert.Equal(CatalogErrorKind.InvalidIdentifier, error.Kind);
        Assert.Contains("namespace.name", error.Message, StringComparison.Ordinal);
    }
}
