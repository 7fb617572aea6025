using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>The fast path (Roslyn's internal HasReturnValue) and the syntax/semantic reference path agree.</summary>
public sealed class ReturnValueProbeTests
{
    [Theory]
    [InlineData("1", true)]
    [InlineData("null", true)]
    [InlineData("var x = 1;\nx", true)]
    [InlineData("\"text\"", true)]
    [InlineData("await System.Threading.Tasks.Task.FromResult(5)", true)]
    [InlineData("Console.Write(\"x\")", false)]
    [InlineData("Console.Write(\"x\");", false)]
    [InlineData("var x = 1;", false)]
    [InlineData("int F() => 1;", false)]
    [InlineData("Console.Write(1); // no value", false)]
    [InlineData("if (true) { }", false)]
    [InlineData("", false)]
    public void HasReturnValue_FastAndReferencePaths_Agree(string code, bool expected)
    {
        var script = CSharpScript.Create(code, ScriptOptions.Default.WithImports("System"));
        script.Compile(TestContext.Current.CancellationToken);

        Assert.Equal(expected, ReturnValueProbe.HasReturnValue(script));
        Assert.Equal(expected, ReturnValueProbe.HasReturnValueFromSyntax(script));
    }
}
