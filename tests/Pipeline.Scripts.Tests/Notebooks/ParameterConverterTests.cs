using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Parameters;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>
/// The emitted C# expressions are checked by compiling and evaluating them with Roslyn (an
/// independent reader of the literals) and comparing with the value parsed in .NET.
/// </summary>
public sealed class ParameterConverterTests
{
    private static readonly ScriptOptions Options = ScriptOptions.Default.WithImports("System");

    public static TheoryData<string, string, object> Scalars => new()
    {
        { "int", "-42", -42 },
        { "int", "2147483647", int.MaxValue },
        { "long", "-9223372036854775808", long.MinValue },
        { "double", "0.1", 0.1 },
        { "double", "1e-300", 1e-300 },
        { "double", "-0", -0.0 },
        { "double", "NaN", double.NaN },
        { "double", ".inf", double.PositiveInfinity },
        { "double", "-Infinity", double.NegativeInfinity },
        { "double", "5", 5.0 },
        { "float", "0.1", 0.1f },
        { "float", "3.4028235E+38", float.MaxValue },
        { "decimal", "0.1", 0.1m },
        { "decimal", "79228162514264337593543950335", decimal.MaxValue },
        { "decimal", "1.50", 1.50m },
        { "bool", "False", false },
        { "bool", "true", true },
        { "string", "a\"b\\c\nd\r\te\u2028f\u0085g\0h😀é", "a\"b\\c\nd\r\te\u2028f\u0085g\0h😀é" },
        { "char", "'", '\'' },
        { "char", "\\", '\\' },
        { "char", "\n", '\n' },
        { "DateTime", "2024-03-07", new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Unspecified) },
        { "DateTime", "2024-03-07T10:30:00.1234567Z", new DateTime(2024, 3, 7, 10, 30, 0, DateTimeKind.Utc).AddTicks(1234567) },
        { "DateTime", "2024-03-07T10:30:00-05:00", new DateTime(2024, 3, 7, 15, 30, 0, DateTimeKind.Utc) },
        { "DateOnly", "2024-02-29", new DateOnly(2024, 2, 29) },
        { "TimeSpan", "01:30:00", TimeSpan.FromMinutes(90) },
        { "TimeSpan", "-1.02:03:04.0050000", -new TimeSpan(1, 2, 3, 4, 5) },
        { "TimeSpan", "PT90M", TimeSpan.FromMinutes(90) },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public async Task Convert_Scalar_ExpressionEvaluatesToTheValue(string type, string text, object expected)
    {
        var parameter = Parameter(type);

        var value = ParameterConverter.Convert(parameter, new RawParameter("a", text, null, "-p"));

        var actual = await CSharpScript.EvaluateAsync<object>(value.Expression, Options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(expected, actual);
        if (expected is DateTime t)
        {
            Assert.Equal(t.Kind, ((DateTime)actual).Kind);
        }
        if (expected is double d && d == 0)
        {
            Assert.Equal(double.IsNegative(d), double.IsNegative((double)actual));
        }
    }

    [Fact]
    public async Task Convert_Declaration_CompilesWithTheDeclaredType()
    {
        var parameters = ParameterCellParser.Parse("var a = 1.5f; var b = new[] { 1L }; DateTime[] c = []; var d = 'x';");
        var values = new[]
        {
            ParameterConverter.Convert(parameters[0], new RawParameter("a", "2.25", null, "-p")),
            ParameterConverter.Convert(parameters[1], new RawParameter("b", null, ["1", "-2"], "-y")),
            ParameterConverter.Convert(parameters[2], new RawParameter("c", "2024-01-01, 2024-01-02", null, "-p")),
            ParameterConverter.Convert(parameters[3], new RawParameter("d", "y", null, "-p")),
        };

        var code = ParameterInjector.InjectedSource(values) + "\n(a.GetType().Name, a, b.GetType().Name, string.Join(\"|\", b), c.Length, c[1].Day, d)";
        var result = await CSharpScript.EvaluateAsync<object>(code, Options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(("Single", 2.25f, "Int64[]", "1|-2", 2, 2, 'y'), result);
    }

    [Theory]
    [InlineData("a,b , c", new[] { "a", "b", "c" })]
    [InlineData("", new string[0])]
    [InlineData("[\"x,y\", z]", new[] { "x,y", "z" })]
    [InlineData("single", new[] { "single" })]
    public async Task Convert_StringArrayFromText_CommaSeparatedOrYamlList(string text, string[] expected)
    {
        var value = ParameterConverter.Convert(Parameter("string[]"), new RawParameter("a", text, null, "-p"));

        Assert.Equal(expected, await CSharpScript.EvaluateAsync<string[]>(value.Expression, Options, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Convert_YamlNull_NullForStringsAndArrays()
    {
        Assert.Equal("null", ParameterConverter.Convert(Parameter("string"), new RawParameter("a", null, null, "-y")).Expression);
        Assert.Equal("null", ParameterConverter.Convert(Parameter("int[]"), new RawParameter("a", null, null, "-y")).Expression);
        var items = ParameterConverter.Convert(Parameter("string[]"), new RawParameter("a", null, ["x", null], "-y"));
        var actual = await CSharpScript.EvaluateAsync<string?[]>(items.Expression, Options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("x|(null)", string.Join("|", actual.Select(s => s ?? "(null)")));
    }

    [Theory]
    [InlineData("int", "1.5", "expects int")]
    [InlineData("int", "2147483648", "expects int")]
    [InlineData("float", "1e39", "expects float")]
    [InlineData("bool", "1", "expects bool")]
    [InlineData("DateTime", "07/03/2024 25:00", "expects DateTime")]
    [InlineData("TimeSpan", "90", "a bare number is ambiguous")]
    public void Convert_BadText_UsageErrorNamingParameterTypeAndValue(string type, string text, string expected)
    {
        var e = Assert.Throws<NotebookException>(() => ParameterConverter.Convert(Parameter(type), new RawParameter("a", text, null, "-p")));

        Assert.Equal(NotebookErrorKind.Usage, e.Kind);
        Assert.Contains("parameter 'a'", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{text}\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_NullForValueType_UsageError()
    {
        var e = Assert.Throws<NotebookException>(() => ParameterConverter.Convert(Parameter("int"), new RawParameter("a", null, null, "-y")));

        Assert.Contains("null is not a value of a value type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_UnknownType_SaysToDeclareIt()
    {
        var parameter = Assert.Single(ParameterCellParser.Parse("var a = Compute();"));

        var e = Assert.Throws<NotebookException>(() => ParameterConverter.Convert(parameter, new RawParameter("a", "1", null, "-p")));

        Assert.Contains("declare it with an explicit type", e.Message, StringComparison.Ordinal);
    }

    private static NotebookParameter Parameter(string type) => Assert.Single(ParameterCellParser.Parse($"{type} a = default;"));
}
