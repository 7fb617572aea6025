using Microsoft.AspNetCore.Html;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Notebooks;

public sealed class ValueFormatterTests
{
    [Theory]
    [InlineData(42, "42")]
    [InlineData("text", "text")]
    [InlineData(1.5, "1.5")]
    [InlineData(true, "True")]
    [InlineData(null, "<null>")]
    public void Format_PlainTypes_PlainTextOnly(object? value, string expected)
    {
        var bundle = ValueFormatter.Format(value);

        Assert.Equal([MimeBundle.PlainText], bundle.Keys);
        Assert.Equal(expected, bundle[MimeBundle.PlainText]);
    }

    [Fact]
    public void Format_HtmlString_HtmlAndPlainText()
    {
        var bundle = ValueFormatter.Format(new HtmlString("<b>x</b>"));

        Assert.Equal([MimeBundle.Html, MimeBundle.PlainText], bundle.Keys);
        Assert.Equal("<b>x</b>", bundle[MimeBundle.Html]);
    }

    [Fact]
    public void Format_ObjectWithProperties_HtmlTable()
    {
        var bundle = ValueFormatter.Format(new { A = 1, B = "x" });

        Assert.Contains("<table>", bundle[MimeBundle.Html], StringComparison.Ordinal);
    }

    [Fact]
    public void Format_ExplicitMimeTypes_ThoseAndPlainText()
    {
        var bundle = ValueFormatter.Format(7, ["application/json"]);

        Assert.Equal(["application/json", MimeBundle.PlainText], bundle.Keys);
        Assert.Equal("7", bundle["application/json"]);
    }

    [Fact]
    public void Format_ThrowingToString_ReportedNotThrown()
    {
        var bundle = ValueFormatter.Format(new Throwing());

        Assert.Contains("ToString threw InvalidOperationException", bundle[MimeBundle.PlainText], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div class=\"dni-plaintext\"><pre>42</pre></div><style>\n.x { }\n</style>", "42", true)]
    [InlineData("<div class=\"dni-plaintext\"><pre>&lt;null&gt;</pre></div>", "<null>", true)]
    [InlineData("<span>2024-01-02 00:00:00Z</span>", "2024-01-02 00:00:00Z", true)]
    [InlineData("<table><tr><td>42</td></tr></table>", "42", false)]
    [InlineData("<div class=\"dni-plaintext\"><pre>43</pre></div>", "42", false)]
    public void IsPlainWrapper_DefaultHtmlOfPlainText_Recognized(string html, string plain, bool expected)
    {
        Assert.Equal(expected, ValueFormatter.IsPlainWrapper(html, plain));
    }

    private sealed class Throwing
    {
        public override string ToString() => throw new InvalidOperationException("no");
    }
}
