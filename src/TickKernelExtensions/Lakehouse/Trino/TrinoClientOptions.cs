namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>Where and as whom <see cref="TrinoClient"/> runs queries. Validated when the client is built.</summary>
public sealed record TrinoClientOptions
{
    /// <summary>The coordinator, e.g. <c>http://trino:8080/</c>. Required.</summary>
    public required Uri Server { get; init; }

    /// <summary>The user the query runs as (<c>X-Trino-User</c>). Required.</summary>
    public required string User { get; init; }

    /// <summary>The default catalog (<c>X-Trino-Catalog</c>), e.g. <c>lake</c>, the Iceberg catalog of deploy/trino; null for none.</summary>
    public string? Catalog { get; init; }

    /// <summary>The default schema (<c>X-Trino-Schema</c>), e.g. <c>bronze</c>; null for none.</summary>
    public string? Schema { get; init; }

    /// <summary>What Trino shows as the query's source (<c>X-Trino-Source</c>). Default <c>tick-workbench</c>.</summary>
    public string Source { get; init; } = "tick-workbench";

    /// <summary>The session time zone (<c>X-Trino-Time-Zone</c>). Default <c>UTC</c>, as every time in the workbench.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Session properties sent with every query (<c>X-Trino-Session</c>), e.g. <c>query_max_run_time=10m</c>.</summary>
    public IReadOnlyDictionary<string, string> SessionProperties { get; init; } = new Dictionary<string, string>();

    /// <summary>How often a page request answered 502, 503 or 504 is retried before the query fails. Default 20.</summary>
    public int MaxBusyRetries { get; init; } = 20;

    /// <summary>The pause before such a retry; the protocol asks for 50–100 ms. Default 100 ms.</summary>
    public TimeSpan BusyRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Every problem with these options, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Server is null || !Server.IsAbsoluteUri || (Server.Scheme != Uri.UriSchemeHttp && Server.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"Server: expected an absolute http:// or https:// URI, got '{Server}'");
        }
        if (string.IsNullOrWhiteSpace(User))
        {
            problems.Add("User: expected a user name, got nothing");
        }
        foreach (var (key, value) in SessionProperties)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal) || key.Contains(',', StringComparison.Ordinal) || value.Contains(',', StringComparison.Ordinal))
            {
                problems.Add($"SessionProperties: '{key}={value}' cannot be sent in X-Trino-Session (no '=' or ',' in names, no ',' in values)");
            }
        }
        if (MaxBusyRetries < 0)
        {
            problems.Add($"MaxBusyRetries: expected 0 or more, got {MaxBusyRetries}");
        }
        if (BusyRetryDelay < TimeSpan.Zero)
        {
            problems.Add($"BusyRetryDelay: expected 0 or more, got {BusyRetryDelay}");
        }
        return problems;
    }
}
