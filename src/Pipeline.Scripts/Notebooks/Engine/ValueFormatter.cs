using System.Net;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Turns a value into a <see cref="MimeBundle"/> with <c>Formatter.ToDisplayString</c>, the way
/// .NET Interactive does, so library formatters (<c>Formatter.Register</c>,
/// <c>[TypeFormatterSource]</c>) apply in the runner exactly as in VS Code.
/// </summary>
/// <remarks>
/// <c>text/plain</c> is always present. <c>text/html</c> is added only when it says more than the
/// plain text: for plain types (numbers, strings, lists) the Formatting package's default HTML is
/// the plain text wrapped in <c>&lt;div class="dni-plaintext"&gt;&lt;pre&gt;</c> (or a
/// <c>&lt;span&gt;</c>) followed by a shared <c>&lt;style&gt;</c> block — about 570 characters
/// per output of no value to a reader — so it is left out. A formatter that throws is reported in
/// the text instead of failing the cell.
/// </remarks>
public static partial class ValueFormatter
{
    /// <summary>
    /// The bundle for <paramref name="value"/>: <c>text/plain</c>, plus <c>text/html</c> when a formatter other than the
    /// default plain one renders it, plus any other MIME type the value's type prefers.
    /// </summary>
    public static MimeBundle Format(object? value)
    {
        var plain = Render(value, MimeBundle.PlainText);
        var html = Render(value, MimeBundle.Html);
        var items = new List<KeyValuePair<string, string>> { new(MimeBundle.PlainText, plain) };
        if (!IsPlainWrapper(html, plain))
        {
            items.Add(new(MimeBundle.Html, html));
        }
        // Other MIME types a type asks for (e.g. the key-figures JSON that run-all collects).
        if (value is not null)
        {
            foreach (var mime in Formatter.GetPreferredMimeTypesFor(value.GetType()))
            {
                if (mime is not (MimeBundle.PlainText or MimeBundle.Html) && items.TrueForAll(i => i.Key != mime))
                {
                    items.Add(new(mime, Render(value, mime)));
                }
            }
        }
        return items.Count == 1 ? MimeBundle.FromPlainText(plain) : new MimeBundle(items);
    }

    /// <summary>The bundle for <paramref name="value"/> in exactly the given MIME types, plus <c>text/plain</c>.</summary>
    public static MimeBundle Format(object? value, IReadOnlyCollection<string> mimeTypes)
    {
        if (mimeTypes.Count == 0)
        {
            return Format(value);
        }
        var items = mimeTypes.Select(m => new KeyValuePair<string, string>(m, Render(value, m))).ToList();
        if (!mimeTypes.Contains(MimeBundle.PlainText))
        {
            items.Add(new(MimeBundle.PlainText, Render(value, MimeBundle.PlainText)));
        }
        return new MimeBundle(items);
    }

    /// <summary>True when <paramref name="html"/> is only the default HTML rendering of <paramref name="plain"/>.</summary>
    public static bool IsPlainWrapper(string html, string plain)
    {
        var match = PlainWrapper().Match(html);
        return match.Success && WebUtility.HtmlDecode(match.Groups["text"].Value) == plain;
    }

    private static string Render(object? value, string mimeType)
    {
        try
        {
            return value.ToDisplayString(mimeType);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A broken formatter must not hide the cell's value: say what failed and fall back to ToString.
            var text = SafeToString(value);
            return mimeType == MimeBundle.Html
                ? $"<pre>{WebUtility.HtmlEncode(text)}</pre>"
                : $"{text} (the {mimeType} formatter failed: {e.GetType().Name}: {e.Message})";
        }
    }

    private static string SafeToString(object? value)
    {
        try
        {
            return value?.ToString() ?? Formatter.NullString;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"<{value!.GetType().Name}: ToString threw {e.GetType().Name}>";
        }
    }

    [GeneratedRegex("""^(?:<div class="dni-plaintext"><pre>(?<text>.*)</pre></div>|<span>(?<text>.*)</span>)(?:<style>.*</style>)?\s*$""", RegexOptions.Singleline)]
    private static partial Regex PlainWrapper();
}
