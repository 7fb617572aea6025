using System.Collections;
using System.Text.Json.Serialization;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// A value formatted for one or more MIME types (<c>text/plain</c>, <c>text/html</c>, …), kept in
/// ordinal key order as Jupyter writes them. Immutable.
/// </summary>
[JsonConverter(typeof(MimeBundleJsonConverter))]
public sealed class MimeBundle : IReadOnlyDictionary<string, string>
{
    /// <summary>The MIME type of plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>The MIME type of HTML.</summary>
    public const string Html = "text/html";

    private readonly SortedDictionary<string, string> _items;

    /// <summary>A bundle of the given MIME type → text pairs; a repeated MIME type keeps the last text.</summary>
    public MimeBundle(IEnumerable<KeyValuePair<string, string>> items)
    {
        _items = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (mimeType, text) in items)
        {
            _items[mimeType] = text;
        }
    }

    /// <summary>A bundle holding one plain-text representation.</summary>
    public static MimeBundle FromPlainText(string text) => new([new(PlainText, text)]);

    /// <inheritdoc/>
    public string this[string key] => _items[key];

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _items.Keys;

    /// <inheritdoc/>
    public IEnumerable<string> Values => _items.Values;

    /// <inheritdoc/>
    public int Count => _items.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _items.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _items.TryGetValue(key, out value);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
