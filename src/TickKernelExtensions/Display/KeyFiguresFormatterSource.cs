using Microsoft.DotNet.Interactive.Formatting;

namespace TickKernelExtensions.Display;

/// <summary>HTML, plain text and the JSON form (<see cref="KeyFigures.MimeType"/>) of <see cref="KeyFigures"/>.</summary>
internal sealed class KeyFiguresFormatterSource : ITypeFormatterSource
{
    public IEnumerable<ITypeFormatter> CreateTypeFormatters() =>
    [
        new HtmlFormatter<KeyFigures>((value, context) => HtmlRenderer.Write(value.View(), context.Writer)),
        new PlainTextFormatter<KeyFigures>((value, context) => TextRenderer.Write(value.View(), context.Writer)),
        new JsonForm(),
    ];

    // JsonFormatter<T> is bound to application/json; run-all looks for our own MIME type.
    private sealed class JsonForm : ITypeFormatter
    {
        public string MimeType => KeyFigures.MimeType;

        public Type Type => typeof(KeyFigures);

        public bool Format(object instance, FormatContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            if (instance is not KeyFigures figures)
            {
                return false;
            }
            context.Writer.Write(figures.ToJson());
            return true;
        }
    }
}
