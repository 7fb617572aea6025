using System.Net.Http.Headers;

namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>
/// The client-side session: the request headers every query sends, updated from the <c>X-Trino-Set-*</c>,
/// <c>X-Trino-Clear-*</c>, transaction and prepared-statement headers of Trino's responses.
/// </summary>
internal sealed class TrinoSession(TrinoClientOptions options)
{
    private readonly Dictionary<string, string> _properties = new(options.SessionProperties, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _prepared = new(StringComparer.Ordinal);
    private string? _transactionId;

    public string? Catalog { get; private set; } = options.Catalog;

    public string? Schema { get; private set; } = options.Schema;

    public void AddHeaders(HttpRequestHeaders headers)
    {
        headers.TryAddWithoutValidation("X-Trino-User", options.User);
        headers.TryAddWithoutValidation("X-Trino-Source", options.Source);
        headers.TryAddWithoutValidation("X-Trino-Time-Zone", options.TimeZone);
        if (Catalog is not null)
        {
            headers.TryAddWithoutValidation("X-Trino-Catalog", Catalog);
        }
        if (Schema is not null)
        {
            headers.TryAddWithoutValidation("X-Trino-Schema", Schema);
        }
        if (_properties.Count > 0)
        {
            headers.TryAddWithoutValidation("X-Trino-Session", string.Join(',', _properties.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
        }
        if (_transactionId is not null)
        {
            headers.TryAddWithoutValidation("X-Trino-Transaction-Id", _transactionId);
        }
        if (_prepared.Count > 0)
        {
            headers.TryAddWithoutValidation("X-Trino-Prepared-Statement", string.Join(',', _prepared.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")));
        }
    }

    public void Apply(HttpResponseHeaders headers)
    {
        if (First(headers, "X-Trino-Set-Catalog") is { } catalog)
        {
            Catalog = catalog;
        }
        if (First(headers, "X-Trino-Set-Schema") is { } schema)
        {
            Schema = schema;
        }
        foreach (var (key, value) in Pairs(headers, "X-Trino-Set-Session"))
        {
            _properties[key] = value;
        }
        foreach (var key in Values(headers, "X-Trino-Clear-Session"))
        {
            _properties.Remove(key);
        }
        if (First(headers, "X-Trino-Started-Transaction-Id") is { } started)
        {
            _transactionId = started;
        }
        if (headers.Contains("X-Trino-Clear-Transaction-Id"))
        {
            _transactionId = null;
        }
        foreach (var (name, statement) in Pairs(headers, "X-Trino-Added-Prepare"))
        {
            _prepared[name] = statement;
        }
        foreach (var name in Values(headers, "X-Trino-Deallocated-Prepare"))
        {
            _prepared.Remove(Uri.UnescapeDataString(name));
        }
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static IEnumerable<string> Values(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) : [];

    // name=value pairs, values URL-encoded as Trino sends them.
    private static IEnumerable<(string Key, string Value)> Pairs(HttpResponseHeaders headers, string name) =>
        Values(headers, name)
            .Select(v => v.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .Select(kv => (Uri.UnescapeDataString(kv[0].Trim()), Uri.UnescapeDataString(kv[1].Trim())));
}
