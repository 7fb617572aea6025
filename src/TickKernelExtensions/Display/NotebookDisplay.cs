using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace TickKernelExtensions.Display;

/// <summary>
/// Rich display of third-party types in notebooks. The library's own result types need nothing (they carry
/// formatter sources); types that cannot carry our attribute are registered here, once per process:
/// <see cref="GenericChart"/> (a self-loading chart fragment, see <see cref="ChartHtml"/>),
/// <see cref="DataFrame"/> and <see cref="DataFrameColumn"/> (head and tail with column types and row count).
/// Each gets text/html and text/plain.
/// </summary>
/// <remarks>
/// Uses only Microsoft.DotNet.Interactive.Formatting, so it works in VS Code's kernel and in our runner alike.
/// Formatter registrations are process-wide static state; <see cref="Formatter.ResetToDefault"/> removes them,
/// after which <see cref="Register"/> adds them again.
/// </remarks>
public static class NotebookDisplay
{
    private static readonly Lock Gate = new();

    private static readonly ITypeFormatter[] Formatters =
    [
        new HtmlFormatter<GenericChart>((chart, context) => context.Writer.Write(ChartHtml.Fragment(chart))),
        new PlainTextFormatter<GenericChart>((chart, context) => context.Writer.Write(ChartSummary.Describe(chart))),
        new HtmlFormatter<DataFrame>((frame, context) => HtmlRenderer.Write(DataFrameView.Build(frame), context.Writer)),
        new PlainTextFormatter<DataFrame>((frame, context) => TextRenderer.Write(DataFrameView.Build(frame), context.Writer)),
        new HtmlFormatter<DataFrameColumn>((column, context) => HtmlRenderer.Write(DataFrameView.Build(column), context.Writer)),
        new PlainTextFormatter<DataFrameColumn>((column, context) => TextRenderer.Write(DataFrameView.Build(column), context.Writer)),
    ];

    /// <summary>Registers the formatters. Idempotent: a formatter already registered (since the last reset) is not added again.</summary>
    public static void Register()
    {
        lock (Gate)
        {
            var present = new HashSet<ITypeFormatter>(Formatter.RegisteredFormatters(includeDefaults: false), ReferenceEqualityComparer.Instance);
            foreach (var formatter in Formatters)
            {
                if (!present.Contains(formatter))
                {
                    Formatter.Register(formatter);
                }
            }
            Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), "text/html");
            Formatter.SetPreferredMimeTypesFor(typeof(DataFrame), "text/html");
            Formatter.SetPreferredMimeTypesFor(typeof(DataFrameColumn), "text/html");
        }
    }
}
