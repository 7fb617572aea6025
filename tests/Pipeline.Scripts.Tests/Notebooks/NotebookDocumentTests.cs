using Pipeline.Scripts.Notebooks;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

public sealed class NotebookDocumentTests
{
    private const string Minimal = """
        {"cells": [{"cell_type": "code", "metadata": {"z": 1, "a": 2}, "source": "x", "outputs": [], "execution_count": null, "id": "c1"}],
         "metadata": {"zz": {}, "kernelspec": {"name": ".net-csharp", "display_name": ".NET (C#)"}}, "nbformat": 4, "nbformat_minor": 5}
        """;

    [Fact]
    public void Parse_ThenSerialize_KeepsUnknownKeysAndTheirOrder()
    {
        var json = NotebookDocument.Parse(Minimal, "m.ipynb").ToJson();

        Assert.True(json.IndexOf("\"z\"", StringComparison.Ordinal) < json.IndexOf("\"a\"", StringComparison.Ordinal));
        Assert.True(json.IndexOf("\"zz\"", StringComparison.Ordinal) < json.IndexOf("\"kernelspec\"", StringComparison.Ordinal));
        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",", json, StringComparison.Ordinal);
        Assert.EndsWith("\n}\n", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "top level: expected a JSON object, got []")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "cells: expected an array, got nothing")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"heading\", \"source\": \"\"}]}", "cells[0].cell_type: expected \"code\", \"markdown\" or \"raw\", got \"heading\"")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"source\": 3}]}", "cells[0].source: expected a string or an array of strings, got 3")]
    [InlineData("{\"nbformat\": 4, \"nbformat_minor\": \"5\", \"metadata\": {}, \"cells\": []}", "nbformat_minor: expected an integer, got \"5\"")]
    public void Parse_Invalid_ErrorNamesFileFieldExpectedAndActual(string text, string expected)
    {
        var e = Assert.Throws<NotebookException>(() => NotebookDocument.Parse(text, "bad.ipynb"));

        Assert.Equal(NotebookErrorKind.InvalidNotebook, e.Kind);
        Assert.Equal($"bad.ipynb: not an nbformat 4 notebook: {expected}", e.Message);
    }

    [Fact]
    public void Normalize_MissingInvalidAndRepeatedIds_ReplacedUniquely()
    {
        var nb = NotebookDocument.Parse("""
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ""},
              {"cell_type": "markdown", "id": "cell-0", "metadata": {}, "source": ""},
              {"cell_type": "markdown", "id": "cell-0", "metadata": {}, "source": ""},
              {"cell_type": "markdown", "id": "has space", "metadata": {}, "source": "", "outputs": []}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 4}
            """, "ids.ipynb");

        var changes = nb.Normalize();

        Assert.Equal(["cell-0-2", "cell-0", "cell-2", "cell-3"], nb.Cells.Select(c => c.Id));
        Assert.Equal(3, changes.Count);
        Assert.Equal(5, nb.FormatMinor);
        Assert.False(nb.Cells[3].Json.ContainsKey("outputs"));
        Assert.Equal(["cell_type", "id", "metadata", "source"], nb.Cells[0].Json.Select(p => p.Key));
    }

    [Theory]
    [InlineData("", new string[0])]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a\n" })]
    [InlineData("a\nb", new[] { "a\n", "b" })]
    [InlineData("a\r\nb\n\n", new[] { "a\r\n", "b\n", "\n" })]
    public void Lines_Text_ArrayOfLinesKeepingNewlines(string text, string[] expected)
    {
        var lines = NotebookJson.Lines(text);

        Assert.Equal(expected, lines.Select(l => (string)l!));
        Assert.Equal(text, NotebookJson.Text(lines));
    }

    [Fact]
    public void ToJson_Outputs_NbformatShapesInSortedKeyOrder()
    {
        var bundle = new MimeBundle([new("text/plain", "1"), new("text/html", "<b>1</b>")]);

        Assert.Equal(["name", "output_type", "text"], OutputJson.ToJson(new StreamOutput("stdout", "x\n")).Select(p => p.Key));
        Assert.Equal(["data", "metadata", "output_type"], OutputJson.ToJson(new DisplayDataOutput(bundle, "id", false)).Select(p => p.Key));
        Assert.Equal(["data", "execution_count", "metadata", "output_type"], OutputJson.ToJson(new ExecuteResultOutput(bundle, 3)).Select(p => p.Key));
        Assert.Equal(["ename", "evalue", "output_type", "traceback"], OutputJson.ToJson(new ErrorOutput("E", "v", ["l1"])).Select(p => p.Key));
        Assert.Equal(["text/html", "text/plain"], OutputJson.ToJson(new ExecuteResultOutput(bundle, 3))["data"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Save_Twice_AtomicLeavesNoTemporaryFiles()
    {
        using var dir = new TempDirectory();
        var nb = NotebookDocument.Parse(Minimal, "m.ipynb");
        var path = dir.Combine("out.ipynb");

        nb.Save(path);
        nb.Save(path);

        Assert.Equal(["out.ipynb"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        Assert.Equal(nb.ToJson(), File.ReadAllText(path));
    }

    [Fact]
    public void Save_NonAsciiQuotesAndControlCharacters_FileBytesAreExactlyToJsonInUtf8WithoutBom()
    {
        using var dir = new TempDirectory();
        var text = Minimal.Replace("\"source\": \"x\"", "\"source\": \"// π ≈ 3.14 · \\\"quoted\\\" \\\\ tab\\t <b>&amp;</b> 😀\"", StringComparison.Ordinal);
        var nb = NotebookDocument.Parse(text, "m.ipynb");
        var path = dir.Combine("out.ipynb");

        nb.Save(path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new System.Text.UTF8Encoding(false).GetBytes(nb.ToJson()), bytes);
        // Non-ASCII text and HTML stay as they are, as Jupyter writes them (the emoji may be escaped: still the same JSON).
        Assert.Contains("π ≈ 3.14 · \\\"quoted\\\" \\\\ tab\\t <b>&amp;</b> ", nb.ToJson(), StringComparison.Ordinal);
    }
}
