using Microsoft.DotNet.Interactive.Formatting;

namespace TickKernelExtensions.Display;

/// <summary>
/// The formatters of one library result type, found by the Formatter through the type's
/// <see cref="TypeFormatterSourceAttribute"/> the first time a value of it is formatted: no registration call, and
/// they survive <see cref="Formatter.ResetToDefault"/>. Both MIME types render the same <see cref="ResultView"/>.
/// </summary>
/// <typeparam name="T">A type <see cref="ResultViews.Of"/> knows.</typeparam>
internal sealed class ResultFormatterSource<T> : ITypeFormatterSource
    where T : class
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new HtmlFormatter<T>((value, context) => HtmlRenderer.Write(ResultViews.Of(value), context.Writer)),
        new PlainTextFormatter<T>((value, context) => TextRenderer.Write(ResultViews.Of(value), context.Writer)),
    ];
}
