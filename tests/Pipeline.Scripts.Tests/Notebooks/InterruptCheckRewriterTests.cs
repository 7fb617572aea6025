using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

public sealed class InterruptCheckRewriterTests
{
    private const string Check = "global::Pipeline.Scripts.Notebooks.Engine.CellInterrupt.Check();";

    private static readonly CSharpParseOptions Script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    [Theory]
    [InlineData("while (x) { y(); }", "while (x) { " + Check + "y(); }")]
    [InlineData("while (x) y();", "while (x) {" + Check + "y();}")]
    [InlineData("do { y(); } while (x);", "do { " + Check + "y(); } while (x);")]
    [InlineData("for (;;) { }", "for (;;) { " + Check + "}")]
    [InlineData("foreach (var (a, b) in p) s += a;", "foreach (var (a, b) in p) {" + Check + "s += a;}")]
    public void Rewrite_EveryLoopKind_CheckFirstInTheBody(string code, string expected) =>
        Assert.Equal(expected, InterruptCheckRewriter.Rewrite(code, Script));

    [Fact]
    public void Rewrite_NestedLoopsInLambdas_EveryBodyChecked_NoLineAdded()
    {
        const string code = "#r \"x.dll\"\nvar f = () => {\n  for (var i = 0; i < 3; i++)\n    foreach (var c in \"ab\")\n      Console.Write(c);\n};\n// done";

        var rewritten = InterruptCheckRewriter.Rewrite(code, Script);

        Assert.Equal(2, rewritten.Split(Check).Length - 1);
        Assert.Equal(code.Split('\n').Length, rewritten.Split('\n').Length);
        Assert.StartsWith("#r \"x.dll\"\n", rewritten, StringComparison.Ordinal);
        Assert.EndsWith("// done", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var x = 1;\nx + 1")]
    [InlineData("var format = \"do for while\"; // a string that only names loops")]
    public void Rewrite_NoLoop_CodeUnchanged(string code) =>
        Assert.Same(code, InterruptCheckRewriter.Rewrite(code, Script));
}
