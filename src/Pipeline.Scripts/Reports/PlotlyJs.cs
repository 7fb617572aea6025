namespace Pipeline.Scripts.Reports;

/// <summary>plotly.js as shipped inside Plotly.NET, for pages that must work offline.</summary>
internal static class PlotlyJs
{
    private static readonly Lazy<string> Script = new(Load);

    /// <summary>A &lt;script&gt; element holding the whole of plotly.js.</summary>
    public static string InlineScriptTag() => "<script type=\"text/javascript\">" + Script.Value + "</script>";

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // A literal "</script>" inside the library would end the element early.
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
