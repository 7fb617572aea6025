using Pipeline.Scripts.Notebooks.Parameters;

namespace Pipeline.Scripts.Tests.Notebooks;

public sealed class ParameterCellParserTests
{
    [Theory]
    [InlineData("var a = 30;", "int")]
    [InlineData("var a = -30;", "int")]
    [InlineData("var a = 30L;", "long")]
    [InlineData("var a = 0.5;", "double")]
    [InlineData("var a = 1e3;", "double")]
    [InlineData("var a = 0.5f;", "float")]
    [InlineData("var a = 0.5m;", "decimal")]
    [InlineData("var a = true;", "bool")]
    [InlineData("var a = \"x\";", "string")]
    [InlineData("var a = @\"c:\\x\";", "string")]
    [InlineData("var a = \"\"\"raw\"\"\";", "string")]
    [InlineData("var a = $\"x{1}\";", "string")]
    [InlineData("var a = 'c';", "char")]
    [InlineData("var a = new DateTime(2024, 1, 2);", "DateTime")]
    [InlineData("var a = DateTime.Parse(\"2024-01-02\");", "DateTime")]
    [InlineData("var a = System.DateTime.UtcNow;", "DateTime")]
    [InlineData("var a = DateOnly.FromDateTime(DateTime.Today);", "DateOnly")]
    [InlineData("var a = new DateOnly(2024, 1, 2);", "DateOnly")]
    [InlineData("var a = TimeSpan.FromHours(1);", "TimeSpan")]
    [InlineData("var a = TimeSpan.Zero;", "TimeSpan")]
    [InlineData("var a = (long)3;", "long")]
    [InlineData("var a = new[] { 1, 2 };", "int[]")]
    [InlineData("var a = new[] { 1, 2.5 };", "double[]")]
    [InlineData("var a = new[] { 1L, 2 };", "long[]")]
    [InlineData("var a = new[] { 1, 2m };", "decimal[]")]
    [InlineData("var a = new[] { \"a\", \"b\" };", "string[]")]
    [InlineData("var a = new int[] { 1 };", "int[]")]
    [InlineData("var a = new string[0];", "string[]")]
    [InlineData("int a = 1;", "int")]
    [InlineData("double a = 1;", "double")]
    [InlineData("int? a = null;", "int")]
    [InlineData("string? a = null;", "string")]
    [InlineData("System.DateTime a = default;", "DateTime")]
    [InlineData("TimeSpan a = new(1, 0, 0);", "TimeSpan")]
    [InlineData("string[] a = [\"x\"];", "string[]")]
    [InlineData("int[] a = [];", "int[]")]
    [InlineData("DateOnly[] a = [];", "DateOnly[]")]
    [InlineData("Int64 a = 1;", "long")]
    public void Parse_Declaration_InfersType(string source, string expected)
    {
        var parameter = Assert.Single(ParameterCellParser.Parse(source));

        Assert.Equal("a", parameter.Name);
        Assert.Equal(expected, parameter.Type?.ToString());
    }

    [Theory]
    [InlineData("var a = Compute();")]
    [InlineData("var a = new[] { 1, \"x\" };")]
    [InlineData("var a = new List<int>();")]
    [InlineData("List<int> a = [];")]
    [InlineData("int[,] a = new int[1, 1];")]
    [InlineData("var a = 3000000000;")]
    [InlineData("var a = null;")]
    public void Parse_UnsupportedDeclaration_TypeUnknown(string source)
    {
        Assert.Null(Assert.Single(ParameterCellParser.Parse(source)).Type);
    }

    [Fact]
    public void Parse_Cell_NamesDefaultsHelpInOrderLastDeclarationWins()
    {
        const string source = """
            // Parameters
            using System.Globalization;
            var source = "builtin";                 // builtin | bi5 | json
            int a = 1, b = 2;
            Console.WriteLine("not a parameter");
            var @class = 3;
            var source = "json";
            void Helper() { }
            """;

        var parameters = ParameterCellParser.Parse(source);

        Assert.Equal(["a", "b", "class", "source"], parameters.Select(p => p.Name));
        Assert.Equal("@class", parameters[2].Identifier);
        Assert.Equal("\"json\"", parameters[3].DefaultText);
        Assert.Null(parameters[3].Help);
        Assert.Equal("2", parameters[1].DefaultText);
        Assert.Equal("int a = 1, b = 2;", parameters[0].Declaration);
    }

    [Fact]
    public void Parse_TrailingComment_IsHelp()
    {
        var parameter = Assert.Single(ParameterCellParser.Parse("var tickRateScale = 1.0;   // built-in market only: < 1 for smaller data\n"));

        Assert.Equal("built-in market only: < 1 for smaller data", parameter.Help);
        Assert.Equal("1.0", parameter.DefaultText);
    }

    [Fact]
    public void Parse_IngestNotebookParameters_AllStringsAndDouble()
    {
        var notebook = Pipeline.Scripts.Notebooks.Document.NotebookDocument.Load(Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb"));

        var parameters = ParameterInjector.Declared(notebook);

        Assert.Equal(["source:string", "symbols:string", "from:string", "to:string", "dataRoot:string", "tickRateScale:double"],
            parameters.Select(p => $"{p.Name}:{p.Type}"));
    }
}
