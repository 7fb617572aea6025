using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

public sealed class CellDirectivesTests
{
    [Theory]
    [InlineData("#!csharp\nvar x = 1;", "        \nvar x = 1;")]
    [InlineData("#!C#\n#r \"lib.dll\"\nx", "    \n#r \"lib.dll\"\nx")]
    [InlineData("var s = \"\"\"\n#!fsharp\n\"\"\";", "var s = \"\"\"\n#!fsharp\n\"\"\";")]
    [InlineData("#load \"x.csx\"\n#r \"y.dll\"\n#nullable enable\nvar a = 1;", "#load \"x.csx\"\n#r \"y.dll\"\n#nullable enable\nvar a = 1;")]
    [InlineData("no directives", "no directives")]
    public void Prepare_AcceptedCell_CodeWithCSharpMagicBlankedInPlace(string code, string expected)
    {
        var (prepared, error) = CellDirectives.Prepare(new CellSubmission(2, "c", code));

        Assert.Null(error);
        Assert.Equal(expected, prepared);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", "'#!fsharp'")]
    [InlineData("var a = 1;\n#!time\nvar b = 2;", "'#!time'")]
    [InlineData("#i \"nuget:https://x.invalid/index.json\"", "'#i \"nuget:https://x.invalid/index.json\"'")]
    [InlineData("#r \"nuget: Foo, 1.0.0\"", "'#r \"nuget: Foo, 1.0.0\"'")]
    [InlineData("#r \"NuGet:Foo\"", "'#r \"NuGet:Foo\"'")]
    [InlineData("#time", "'#time'")]
    public void Prepare_UnsupportedDirective_ErrorNamingCellAndDirective(string code, string directive)
    {
        var (_, error) = CellDirectives.Prepare(new CellSubmission(4, "magic", code));

        Assert.NotNull(error);
        Assert.Equal(CellErrors.UnsupportedDirective, error.EName);
        Assert.StartsWith($"cell 4 (id magic): {directive} is not supported: ", error.EValue, StringComparison.Ordinal);
    }
}
