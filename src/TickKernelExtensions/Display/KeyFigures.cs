using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;

namespace TickKernelExtensions.Display;

/// <summary>
/// A few named figures a notebook reports about its run (ticks written, buckets missing, a model's score …).
/// Shown as a small table; the headless runner also records them as
/// <see cref="MimeType"/> JSON, which <c>pipeline run-all</c> collects into its summary and CI can compare.
/// Values are numbers, booleans or short texts.
/// </summary>
/// <param name="Title">What the figures are about, e.g. "01 · ingest".</param>
/// <param name="Figures">Name and value pairs, in display order.</param>
[TypeFormatterSource(typeof(KeyFiguresFormatterSource), PreferredMimeTypes = ["text/html", MimeType])]
public sealed record KeyFigures(string Title, IReadOnlyList<KeyValuePair<string, object?>> Figures)
{
    /// <summary>The MIME type of the JSON form: <c>{"title": …, "figures": {name: value, …}}</c>.</summary>
    public const string MimeType = "application/vnd.tick-workbench.key-figures+json";

    /// <summary>Figures from name/value pairs.</summary>
    public static KeyFigures Of(string title, params (string Name, object? Value)[] figures) =>
        new(title, figures.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)).ToList());

    /// <summary>The JSON form.</summary>
    public string ToJson()
    {
        var figures = new JsonObject();
        foreach (var (name, value) in Figures)
        {
            figures[name] = value switch
            {
                null => null,
                bool b => JsonValue.Create(b),
                string s => JsonValue.Create(s),
                DateTime t => JsonValue.Create(t.ToString("O", CultureInfo.InvariantCulture)),
                DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                TimeSpan t => JsonValue.Create(t.TotalSeconds),
                // JSON has no NaN or infinity: a figure that could not be computed (a Sharpe of one period) is null.
                IConvertible c when IsNumber(value) && !double.IsFinite(c.ToDouble(CultureInfo.InvariantCulture)) => null,
                IConvertible c when IsNumber(value) => JsonValue.Create(c.ToDouble(CultureInfo.InvariantCulture)),
                _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        }
        return new JsonObject { ["title"] = Title, ["figures"] = figures }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    /// <inheritdoc />
    public override string ToString() => TextRenderer.ToText(View());

    internal ResultView View()
    {
        var view = new ResultView(Title);
        var table = view.Table("figure", "value");
        foreach (var (name, value) in Figures)
        {
            table.Row(new ViewCell(name), new ViewCell(Format(value), value is string ? CellStyle.None : CellStyle.Number));
        }
        return view;
    }

    private static string Format(object? value) => value switch
    {
        null => "—",
        double d => d.ToString("#,0.######", CultureInfo.InvariantCulture),
        float f => f.ToString("#,0.####", CultureInfo.InvariantCulture),
        IFormattable n when IsNumber(value) => n.ToString("N0", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsNumber(object value) => value is byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal;
}
